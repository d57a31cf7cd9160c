"""Turning recommendation texts into sparse feature vectors (picklable: module-level functions).

Three views of a text (the issue classifier sees the first two, the action classifier all three):
- words and word pairs (TF-IDF), the topic signal;
- character n-grams inside words (TF-IDF), robust to inflections, typos and "CEDAW"/"OP-CAT";
- the opening words, marked by position ("lead0=ratify"), which carry the action category
  (continue, consider, ratify…) and the instrument cues (ratify the Convention against Torture).
"""

import re

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

LEAD_WORDS = 6
WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
# Courtesy words that come before the verb and say nothing about the action.
FILLER = {"to", "that", "the", "government", "state", "should", "it", "is", "recommended",
          "recommends", "please", "also", "further", "and", "s", "a"}


def words_of(text: str) -> list[str]:
    return WORD.findall(text.lower())


def lead_tokens(text: str) -> list[str]:
    """The first words after the courtesy filler, tagged by position, plus their pairs."""
    words = words_of(text)
    start = 0
    while start < len(words) and words[start] in FILLER:
        start += 1
    lead = words[start:start + LEAD_WORDS]
    tokens = [f"lead{position}={word}" for position, word in enumerate(lead)]
    tokens += [f"lead:{a}_{b}" for a, b in zip(lead, lead[1:], strict=False)]
    if lead:
        tokens.append(f"verb={lead[0]}")
    return tokens


def build_topic_vectorizer() -> FeatureUnion:
    """Words and characters: what the issue classifier sees."""
    return FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2,
                                  dtype=np.float32)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                  min_df=3, max_features=300_000, dtype=np.float32)),
    ])


def build_lead_vectorizer() -> TfidfVectorizer:
    """The opening words: added to the topic features for the action category."""
    return TfidfVectorizer(analyzer=lead_tokens, sublinear_tf=True, min_df=2, dtype=np.float32)
