"""Turning recommendation texts into sparse feature vectors (picklable: module-level functions).

Four views of a text (the issue classifier sees the first two, the action classifier all four):
- words and word pairs (TF-IDF), the topic signal;
- character n-grams inside words (TF-IDF), robust to inflections, typos and "CEDAW"/"OP-CAT";
- the opening words, marked by position ("lead0=ratify"), which carry the action category
  (continue, consider, ratify…) and the instrument cues (ratify the Convention against Torture);
- the first verb paired with each of the words that follow it ("adopt>law" vs "adopt>measures"),
  which tells a specific action (5) from a general one (4) when the verb alone does not.
"""

import re

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

LEAD_WORDS = 6
VERB_OBJECT_SPAN = 12
WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# Courtesy words that come before the verb and say nothing about the action.
FILLER = {
    "to",
    "that",
    "the",
    "government",
    "state",
    "should",
    "it",
    "is",
    "recommended",
    "recommends",
    "please",
    "also",
    "further",
    "and",
    "s",
    "a",
}


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def without_filler(text: str) -> list[str]:
    words = words_of(text)
    start = 0
    while start < len(words) and words[start] in FILLER:
        start += 1
    return words[start:]


def lead_tokens(text: str) -> list[str]:
    """The first words after the courtesy filler, tagged by position, plus their pairs."""
    lead = without_filler(text)[:LEAD_WORDS]
    tokens = [f"lead{position}={word}" for position, word in enumerate(lead)]
    tokens += [f"lead:{a}_{b}" for a, b in zip(lead, lead[1:], strict=False)]
    if lead:
        tokens.append(f"verb={lead[0]}")
    return tokens


def verb_object_tokens(text: str) -> list[str]:
    """The first verb joined to each following word and word pair ("adopt>law", "adopt>a_law")."""
    words = without_filler(text)
    if not words:
        return []
    verb, rest = words[0], words[1 : 1 + VERB_OBJECT_SPAN]
    return [f"{verb}>{word}" for word in rest] + [
        f"{verb}>{a}_{b}" for a, b in zip(rest, rest[1:], strict=False)
    ]


def build_topic_vectorizer() -> FeatureUnion:
    """Words and characters: what the issue classifier sees."""
    return FeatureUnion(
        [
            (
                "words",
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, dtype=np.float32),
            ),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb",
                    ngram_range=(2, 5),
                    sublinear_tf=True,
                    min_df=3,
                    max_features=300_000,
                    dtype=np.float32,
                ),
            ),
        ]
    )


def build_lead_vectorizer() -> FeatureUnion:
    """The opening words and the verb's objects: added to the topic features for the action
    category."""
    return FeatureUnion(
        [
            (
                "lead",
                TfidfVectorizer(
                    analyzer=lead_tokens, sublinear_tf=True, min_df=2, dtype=np.float32
                ),
            ),
            (
                "verb_object",
                TfidfVectorizer(
                    analyzer=verb_object_tokens, sublinear_tf=True, min_df=2, dtype=np.float32
                ),
            ),
        ]
    )
