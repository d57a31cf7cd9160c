"""Which Sustainable Development Goals (and targets) a text concerns, without SDG training labels.

Three sources of evidence, each giving a goal a 0–1 score; a goal is kept when one of them is
sure enough:
- the themes: the UPR Info issues predicted for the text, through a hand-made issue → goal table
  (each issue maps to the goals whose official targets name it, e.g. trafficking → 5.2, 8.7,
  16.2; issues with no clear goal, such as the UPR process or treaty bodies, map to none);
- the words: TF-IDF cosine similarity with the official text of each of the 169 targets (with
  its goal's title and its indicators), which also picks the target within a goal;
- what people confirmed: the SDGs of the most similar recommendations already tagged by a person
  (accepted suggestions or imported from OHCHR matrices), passed in as `neighbours`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from camket.lib.vocabulary import CONFIRMED_SDG_REASON

ISSUE_SDGS: dict[str, tuple[int, ...]] = {
    "Asylum-seekers - refugees": (10,),
    "CP rights - general": (16,),
    "Civil society": (16,),
    "Corruption": (16,),
    "Counter-terrorism": (16,),
    "Death penalty": (16,),
    "Detention": (16,),
    "Development": (1, 17),
    "Disabilities": (10,),
    "ESC rights - general": (1, 2, 3, 4, 6, 8),
    "Elections": (16,),
    "Enforced disappearances": (16,),
    "Environment": (13,),
    "Extrajudicial executions": (16,),
    "Freedom of association and peaceful assembly": (16,),
    "Freedom of opinion and expression": (16,),
    "Freedom of the press": (16,),
    "HIV - Aids": (3,),
    "Human rights defenders": (16,),
    "Human rights education and training": (4,),
    "Human rights violations by state agents": (16,),
    "Impunity": (16,),
    "Indigenous peoples": (10,),
    "Internally displaced persons": (10,),
    "International humanitarian law": (16,),
    "Justice": (16,),
    "Labour": (8,),
    "Migrants": (8, 10),
    "Minorities": (10,),
    "NHRI": (16,),
    "Poverty": (1,),
    "Public security": (16,),
    "Racial discrimination": (10, 16),
    "Right to education": (4,),
    "Right to food": (2,),
    "Right to health": (3,),
    "Right to housing": (11,),
    "Right to land": (1, 2, 5),
    "Right to water": (6,),
    "Rights of the Child": (16,),
    "Sexual Orientation and Gender Identity": (10, 16),
    "Technical assistance and cooperation": (17,),
    "Torture and other CID treatment": (16,),
    "Trafficking": (5, 8, 16),
    "Women's rights": (5,),
}
ISSUE_CONFIDENCE_NEEDED = 0.5
SIMILARITY_NEEDED = 0.3
NEIGHBOURS = 5
NEIGHBOUR_SIMILARITY_NEEDED = 0.3
NEIGHBOUR_SIMILARITY_TRUSTED = 0.5
NEIGHBOUR_SHARE_NEEDED = 0.5
TOP_WORDS = 4


def sdgs_for_issues(issues: list[str]) -> list[int]:
    return sorted({goal for issue in issues for goal in ISSUE_SDGS.get(issue, ())})


def _rows(name: str) -> list[dict]:
    text = resources.files("camket.frameworks.builtin").joinpath("data", name).read_text("utf-8")
    return list(csv.DictReader(text.splitlines()))


@dataclass
class SdgTag:
    goal: int
    confidence: float
    target: str = ""
    reasons: tuple[str, ...] = ()


@dataclass
class Neighbour:
    """A recommendation a person tagged, and how similar it is to the text being tagged."""

    similarity: float
    goals: tuple[int, ...]


class SdgTagger:
    def __init__(self):
        self.goal_titles = {int(r["goal"]): r["title"] for r in _rows("goals.csv")}
        indicators: dict[str, list[str]] = {}
        for row in _rows("indicators.csv"):
            indicators.setdefault(row["target"], []).append(row["text"])
        self.targets = [(int(r["goal"]), r["target"], r["text"]) for r in _rows("targets.csv")]
        self.target_documents = [
            " ".join([text, self.goal_titles[goal], *indicators.get(code, [])])
            for goal, code, text in self.targets
        ]

    def fit(self, texts: list[str]) -> SdgTagger:
        """Learn word weights from a corpus of recommendations (and the target texts)."""
        self.vectorizer = TfidfVectorizer(
            stop_words="english", sublinear_tf=True, min_df=2, ngram_range=(1, 2), dtype=np.float32
        )
        self.vectorizer.fit([*texts, *self.target_documents])
        self._index_targets()
        return self

    def _index_targets(self) -> None:
        self.target_matrix = self.vectorizer.transform(self.target_documents)
        self.target_goals = np.array([goal for goal, _, _ in self.targets])
        self.feature_names = self.vectorizer.get_feature_names_out()
        self.target_weights = [
            dict(zip(row.indices, row.data, strict=True)) for row in self.target_matrix
        ]
        self.targets_of_goal = {
            goal: np.flatnonzero(self.target_goals == goal) for goal in range(1, 18)
        }

    # Saved models keep only the learnt word weights: the target texts come from the shipped
    # files and everything else is derived again, so a model saved by an older camket loads.
    def __getstate__(self) -> dict:
        return {"vectorizer": self.vectorizer}

    def __setstate__(self, state: dict) -> None:
        self.__init__()
        self.vectorizer = state["vectorizer"]
        self._index_targets()

    def neighbours(
        self,
        texts: list[str],
        known_texts: list[str],
        known_goals: list[tuple[int, ...]],
        *,
        text_ids: list | None = None,
        known_ids: list | None = None,
    ) -> list[list[Neighbour]]:
        """For each text, the most similar texts a person already tagged with SDGs (never the
        text itself, when ids are given)."""
        if not known_texts or not texts:
            return [[] for _ in texts]
        similarity = (
            self.vectorizer.transform(texts) @ self.vectorizer.transform(known_texts).T
        ).toarray()
        if text_ids is not None and known_ids is not None:
            position = {known: i for i, known in enumerate(known_ids)}
            for row, own in enumerate(text_ids):
                if own in position:
                    similarity[row, position[own]] = 0
        found = []
        for row in similarity:
            best = np.argsort(-row)[:NEIGHBOURS]
            found.append(
                [
                    Neighbour(float(row[i]), tuple(known_goals[i]))
                    for i in best
                    if row[i] >= NEIGHBOUR_SIMILARITY_NEEDED
                ]
            )
        return found

    def tag(
        self,
        texts: list[str],
        issues: list[list[tuple[str, float]]],
        neighbours: list[list[Neighbour]] | None = None,
    ) -> list[list[SdgTag]]:
        """For each text: its goals, most confident first, with their best target and reasons.

        `issues` are the (issue, confidence) pairs predicted for each text.
        """
        if not texts:
            return []
        vectors = self.vectorizer.transform(texts)
        by_target = (vectors @ self.target_matrix.T).toarray()
        results = []
        for row in range(len(texts)):
            evidence = self._evidence(
                by_target[row], issues[row], neighbours[row] if neighbours else []
            )
            if not evidence:
                best = int(by_target[row].argmax())
                if by_target[row, best] > 0:
                    goal = self.targets[best][0]
                    evidence[goal] = (float(by_target[row, best]) / SIMILARITY_NEEDED / 2, [])
            start, end = vectors.indptr[row], vectors.indptr[row + 1]
            words = (vectors.indices[start:end], vectors.data[start:end])
            results.append(self._tags(words, by_target[row], evidence))
        return results

    def _evidence(self, similarity, issues, neighbours) -> dict[int, tuple[float, list[str]]]:
        evidence: dict[int, tuple[float, list[str]]] = {}

        def add(goal, score, reason):
            old_score, reasons = evidence.get(goal, (0.0, []))
            evidence[goal] = (max(old_score, score), [*reasons, reason])

        weight = sum(n.similarity for n in neighbours)
        for goal in {g for n in neighbours for g in n.goals}:
            share = sum(n.similarity for n in neighbours if goal in n.goals) / weight
            if share >= NEIGHBOUR_SHARE_NEEDED:
                add(goal, share, CONFIRMED_SDG_REASON)
        if evidence and max(n.similarity for n in neighbours) >= NEIGHBOUR_SIMILARITY_TRUSTED:
            return evidence  # a person tagged a text close to this one: follow them
        for issue, confidence in issues:
            if confidence >= ISSUE_CONFIDENCE_NEEDED:
                for goal in ISSUE_SDGS.get(issue, ()):
                    add(goal, confidence, issue)
        for index in np.flatnonzero(similarity >= SIMILARITY_NEEDED):
            goal, code, _ = self.targets[index]
            add(goal, min(1.0, 0.5 + similarity[index]), code)
        return evidence

    def _tags(self, words, similarity, evidence) -> list[SdgTag]:
        tags = []
        for goal, (score, reasons) in evidence.items():
            in_goal = self.targets_of_goal[goal]
            best = in_goal[similarity[in_goal].argmax()]
            target = self.targets[best][1] if similarity[best] >= SIMILARITY_NEEDED else ""
            shared = self.shared_words(words, best) if similarity[best] > 0 else []
            tags.append(
                SdgTag(
                    goal=goal,
                    confidence=round(min(score, 1.0), 3),
                    target=target,
                    reasons=tuple(dict.fromkeys([*reasons, *shared])),
                )
            )
        return sorted(tags, key=lambda tag: -tag.confidence)

    def shared_words(self, words, target_index: int) -> list[str]:
        """The words of a text (the columns and weights of its TF-IDF row) that weigh most in
        its similarity with a target."""
        weights = self.target_weights[target_index]
        columns, values = words
        shared = [
            (value * weights[column], column)
            for column, value in zip(columns, values, strict=True)
            if column in weights
        ]
        shared.sort(reverse=True)
        return [str(self.feature_names[column]) for _, column in shared[:TOP_WORDS]]
