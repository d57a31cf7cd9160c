"""Why the classifier suggested a tag: the words whose removal lowers its score the most.

Works for any model that scores texts (it only calls `model.scores`), so it stays true when the
model's insides change: each distinct word is taken out of the text in turn and the text is
scored again.
"""

import re

import numpy as np

TOP_WORDS = 4
MAX_WORDS = 60
WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
IGNORED = {
    "the",
    "and",
    "for",
    "its",
    "all",
    "with",
    "that",
    "this",
    "into",
    "from",
    "their",
    "which",
    "are",
    "has",
    "have",
    "been",
    "also",
    "such",
    "those",
    "these",
    "other",
    "including",
    "in",
    "of",
    "to",
    "on",
    "by",
    "as",
    "an",
    "or",
    "be",
    "is",
    "it",
    "at",
    "against",
}


def content_words(text: str) -> list[str]:
    words = dict.fromkeys(w for w in WORD.findall(text) if w.lower() not in IGNORED)
    return list(words)[:MAX_WORDS]


def without(text: str, word: str) -> str:
    return re.sub(rf"(?<![A-Za-z'-]){re.escape(word)}(?![A-Za-z'-])", " ", text)


def driving_words(
    model, text: str, issue_indexes: list[int], action_class: int | None = None
) -> tuple[dict[int, list[str]], list[str]]:
    """For each issue index, and for the action category, the words that drove its score."""
    words = content_words(text)
    if not words:
        return {index: [] for index in issue_indexes}, []
    issue_scores, action_scores = model.scores([text, *(without(text, w) for w in words)])
    by_issue = {
        index: _top(words, issue_scores[0, index] - issue_scores[1:, index])
        for index in issue_indexes
    }
    action_words: list[str] = []
    if action_class is not None:
        classes = list(model.predict_actions(np.eye(action_scores.shape[1])))
        column = classes.index(action_class)
        action_words = _top(words, action_scores[0, column] - action_scores[1:, column])
    return by_issue, action_words


def _top(words: list[str], drops: np.ndarray) -> list[str]:
    order = np.argsort(-drops)[:TOP_WORDS]
    return [words[i] for i in order if drops[i] > 0]
