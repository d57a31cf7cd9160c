"""The tagging classifier: UPR Info issues (multi-label) and action category (1–5).

Linear SVMs over the features of `features.py`. Each issue gets its own decision threshold,
tuned on a validation slice made of the latest sessions of the training data (the model is then
refitted on everything). Saved with joblib under MODELS_DIR/tagging/<version>/ next to a
metadata.json; `load_model()` picks the newest version.
"""

from __future__ import annotations

import json
import math
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import joblib
import numpy as np
from django.conf import settings
from scipy import sparse
from sklearn.multiclass import OneVsRestClassifier
from sklearn.svm import LinearSVC

from camket.lib.atomic_files import replaced_when_written, write_bytes_atomically
from camket.tagging.features import build_lead_vectorizer, build_topic_vectorizer
from camket.tagging.sdgs import sdgs_for_issues

MODEL_FILE = "model.joblib"
METADATA_FILE = "metadata.json"
THRESHOLD_GRID = np.round(np.arange(-1.0, 0.51, 0.05), 2)
MIN_VALIDATION_POSITIVES = 5  # fewer: the label keeps the global threshold
VALIDATION_SHARE = 0.15
PREDICT_CHUNK = 5_000


class NoTrainedModel(Exception):
    pass


@dataclass
class TrainingSet:
    texts: list[str]
    issues: list[list[str]]
    actions: list[int | None]
    sessions: list[int | None]
    sources: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.texts)


@dataclass
class Prediction:
    issues: list[str]
    issue_confidences: list[float]
    action_category: int | None
    action_confidence: float
    sdgs: list[int]


def squash(margin: float) -> float:
    """A 0–1 confidence from an SVM margin: monotone, not a calibrated probability."""
    return 1.0 / (1.0 + math.exp(-3.0 * margin))


def best_threshold(scores: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    best = (0.0, -1.0)
    for threshold in THRESHOLD_GRID:
        predicted = scores > threshold
        true_positive = np.sum(predicted & truth)
        denominator = predicted.sum() + truth.sum()
        f1 = 2 * true_positive / denominator if denominator else 0.0
        if f1 > best[1]:
            best = (float(threshold), float(f1))
    return best


def tune_thresholds(scores: np.ndarray, truth: np.ndarray) -> np.ndarray:
    truth = truth.astype(bool)
    global_threshold, _ = best_threshold(scores.ravel(), truth.ravel())
    thresholds = np.full(truth.shape[1], global_threshold)
    for label in range(truth.shape[1]):
        if truth[:, label].sum() >= MIN_VALIDATION_POSITIVES:
            own, _ = best_threshold(scores[:, label], truth[:, label])
            thresholds[label] = (own + global_threshold) / 2  # shrunk: validation is small
    return thresholds


def validation_split(sessions: list[int | None]) -> np.ndarray:
    """Mask of the rows from the latest sessions, about VALIDATION_SHARE of them."""
    known = sorted({s for s in sessions if s is not None}, reverse=True)
    chosen: set[int] = set()
    for session in known[:-1]:
        if sum(s in chosen for s in sessions) >= VALIDATION_SHARE * len(sessions):
            break
        chosen.add(session)
    return np.array([s in chosen for s in sessions])


class TaggingModel:
    def __init__(self, *, issue_c: float = 0.3, action_c: float = 0.5, n_jobs: int = 2):
        self.issue_c, self.action_c, self.n_jobs = issue_c, action_c, n_jobs
        self.issue_names: list[str] = []
        self.thresholds: np.ndarray | None = None
        self.metadata: dict = {}

    # -- training -----------------------------------------------------------------------
    def _issue_matrix(self, issues: list[list[str]]) -> np.ndarray:
        index = {name: i for i, name in enumerate(self.issue_names)}
        matrix = np.zeros((len(issues), len(self.issue_names)), dtype=np.int8)
        for row, names in enumerate(issues):
            for name in names:
                matrix[row, index[name]] = 1
        return matrix

    def _fit_issue_classifier(self, features, matrix) -> OneVsRestClassifier:
        return OneVsRestClassifier(LinearSVC(C=self.issue_c), n_jobs=self.n_jobs).fit(
            features, matrix
        )

    def fit(self, data: TrainingSet, *, tune: bool = True) -> TaggingModel:
        started = time.perf_counter()
        self.issue_names = sorted({name for names in data.issues for name in names})
        matrix = self._issue_matrix(data.issues)
        self.thresholds = np.zeros(len(self.issue_names))
        held_out = validation_split(data.sessions) if tune else np.zeros(len(data), bool)
        if held_out.any() and (~held_out).any():
            self.thresholds = self._tuned_thresholds(data, matrix, held_out)
        self.topic_vectorizer = build_topic_vectorizer()
        self.lead_vectorizer = build_lead_vectorizer()
        features = self.topic_vectorizer.fit_transform(data.texts)
        self.issue_classifier = self._fit_issue_classifier(features, matrix)
        with_action = [i for i, action in enumerate(data.actions) if action is not None]
        action_features = sparse.hstack(
            [features, self.lead_vectorizer.fit_transform(data.texts)]
        ).tocsr()
        self.action_classifier = LinearSVC(C=self.action_c).fit(
            action_features[with_action], [data.actions[i] for i in with_action]
        )
        self.metadata = {
            "version": datetime.now(UTC).strftime("%Y%m%d-%H%M%S"),
            "trained_on": sorted(set(data.sources)),
            "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "issue_names": self.issue_names,
            "action_categories": [int(c) for c in self.action_classifier.classes_],
            "thresholds": [round(float(t), 3) for t in self.thresholds],
            "sizes": {
                "recommendations": len(data),
                "with_action_category": len(with_action),
                "validation_rows": int(held_out.sum()),
                "features": features.shape[1],
            },
            "training_seconds": round(time.perf_counter() - started, 1),
        }
        return self

    def _tuned_thresholds(self, data: TrainingSet, matrix, held_out) -> np.ndarray:
        vectorizer = build_topic_vectorizer()
        kept = np.flatnonzero(~held_out)
        features = vectorizer.fit_transform([data.texts[i] for i in kept])
        # Labels absent from the kept rows cannot be learned there: leave them at 0.
        present = matrix[kept].any(axis=0)
        classifier = self._fit_issue_classifier(features, matrix[kept][:, present])
        held = np.flatnonzero(held_out)
        scores = classifier.decision_function(vectorizer.transform([data.texts[i] for i in held]))
        thresholds = np.zeros(len(self.issue_names))
        thresholds[present] = tune_thresholds(scores, matrix[held][:, present])
        return thresholds

    # -- prediction ---------------------------------------------------------------------
    def scores(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        chunks = [texts[i : i + PREDICT_CHUNK] for i in range(0, len(texts), PREDICT_CHUNK)]
        if self.n_jobs > 1 and len(chunks) > 1:
            parts = joblib.Parallel(n_jobs=self.n_jobs)(
                joblib.delayed(self._chunk_scores)(chunk) for chunk in chunks
            )
        else:
            parts = [self._chunk_scores(chunk) for chunk in chunks]
        if not parts:
            return np.zeros((0, len(self.issue_names))), np.zeros((0, 1))
        return np.vstack([p[0] for p in parts]), np.vstack([p[1] for p in parts])

    def _chunk_scores(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        features = self.topic_vectorizer.transform(texts)
        action_features = sparse.hstack([features, self.lead_vectorizer.transform(texts)])
        actions = self.action_classifier.decision_function(action_features.tocsr())
        return self.issue_classifier.decision_function(features), actions.reshape(len(texts), -1)

    def issue_matrix(self, issue_scores: np.ndarray) -> np.ndarray:
        """Chosen issues as a 0/1 matrix: above its threshold, and always the best one."""
        chosen = issue_scores > self.thresholds
        if len(chosen):
            chosen[np.arange(len(chosen)), issue_scores.argmax(axis=1)] = True
        return chosen

    def predict(self, texts: list[str]) -> list[Prediction]:
        issue_scores, action_scores = self.scores(texts)
        chosen = self.issue_matrix(issue_scores)
        classes = self.action_classifier.classes_
        predictions = []
        for row in range(len(texts)):
            labels = np.flatnonzero(chosen[row])
            labels = labels[np.argsort(-issue_scores[row, labels])]
            names = [self.issue_names[i] for i in labels]
            best = int(action_scores[row].argmax())
            predictions.append(
                Prediction(
                    issues=names,
                    issue_confidences=[
                        round(squash(issue_scores[row, i] - self.thresholds[i]), 3) for i in labels
                    ],
                    action_category=int(classes[best]),
                    action_confidence=round(squash(float(action_scores[row, best])), 3),
                    sdgs=sdgs_for_issues(names),
                )
            )
        return predictions

    def predict_actions(self, action_scores: np.ndarray) -> np.ndarray:
        return self.action_classifier.classes_[action_scores.argmax(axis=1)]

    # -- storage ------------------------------------------------------------------------
    def save(self, root: Path | None = None) -> Path:
        folder = models_root(root) / self.metadata["version"]
        folder.mkdir(parents=True, exist_ok=True)
        # Each file whole or absent; the metadata last, since a version without it is not listed.
        with replaced_when_written(folder / MODEL_FILE) as temporary:
            joblib.dump(self, temporary, compress=3)
        metadata = json.dumps(self.metadata, indent=2, ensure_ascii=False)
        write_bytes_atomically(folder / METADATA_FILE, metadata.encode())
        return folder


def models_root(root: Path | None = None) -> Path:
    return Path(root) if root else Path(settings.MODELS_DIR) / "tagging"


def saved_versions(root: Path | None = None) -> list[Path]:
    folder = models_root(root)
    if not folder.is_dir():
        return []
    return sorted(
        p for p in folder.iterdir() if (p / MODEL_FILE).is_file() and (p / METADATA_FILE).is_file()
    )


def load_model(root: Path | None = None, version: str | None = None) -> TaggingModel:
    versions = saved_versions(root)
    if version:
        versions = [p for p in versions if p.name == version]
    if not versions:
        raise NoTrainedModel(str(models_root(root)))
    return joblib.load(versions[-1] / MODEL_FILE)
