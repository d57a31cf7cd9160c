"""Prints how well and how fast the tagging classifier does on a temporal split of the export.

    .venv/bin/python benchmarks/classify.py

Trains on UPR sessions 1–13 of ../shared/data/upr-info (thresholds tuned on the latest
training sessions), tests on sessions 14–17, then times tagging 100,000 recommendations.
Nothing is saved.
"""

import os
import sys
import time

from support import SHARED, setup_django  # benchmarks/support.py

TRAIN_SESSIONS = set(range(1, 14))
TEST_SESSIONS = set(range(14, 18))
SPEED_ROWS = 100_000


def main() -> int:
    setup_django()
    files = sorted((SHARED / "upr-info").glob("*.csv"))
    if not files:
        print(f"benchmark skipped: no UPR Info export in {SHARED / 'upr-info'}")
        return 0
    run(files)
    return 0


def run(files) -> None:
    import numpy as np
    from sklearn.metrics import accuracy_score, f1_score

    from camket.tagging.model import TaggingModel
    from camket.tagging.training import training_set_from_exports

    train = training_set_from_exports(files, sessions=TRAIN_SESSIONS)
    test = training_set_from_exports(files, sessions=TEST_SESSIONS)
    print(f"train: {len(train)} recommendations (sessions 1–13), "
          f"test: {len(test)} (sessions 14–17)")
    started = time.perf_counter()
    model = TaggingModel().fit(train)
    training_seconds = time.perf_counter() - started

    issue_scores, action_scores = model.scores(test.texts)
    truth = model._issue_matrix([[i for i in issues if i in model.issue_names]
                                 for issues in test.issues])
    predicted = model.issue_matrix(issue_scores)
    untuned = issue_scores > 0
    untuned[np.arange(len(untuned)), issue_scores.argmax(axis=1)] = True
    print(f"issues, tuned thresholds:  micro-F1 {f1_score(truth, predicted, average='micro'):.3f}"
          f"  macro-F1 {f1_score(truth, predicted, average='macro', zero_division=0):.3f}")
    print(f"issues, threshold 0:       micro-F1 {f1_score(truth, untuned, average='micro'):.3f}"
          f"  macro-F1 {f1_score(truth, untuned, average='macro', zero_division=0):.3f}")
    with_action = [i for i, action in enumerate(test.actions) if action is not None]
    actual = [test.actions[i] for i in with_action]
    guessed = model.predict_actions(action_scores[with_action])
    print(f"action category: accuracy {accuracy_score(actual, guessed):.3f}"
          f"  macro-F1 {f1_score(actual, guessed, average='macro'):.3f}"
          f"  ({len(with_action)} with a category)")
    print(f"training: {training_seconds:.1f} s (including the threshold-tuning fit)")

    texts = (test.texts * (SPEED_ROWS // len(test.texts) + 1))[:SPEED_ROWS]
    started = time.perf_counter()
    predictions = model.predict(texts)
    seconds = time.perf_counter() - started
    assert len(predictions) == SPEED_ROWS
    print(f"tagging: {SPEED_ROWS:,} recommendations in {seconds:.1f} s "
          f"({SPEED_ROWS / seconds:,.0f}/s, n_jobs={model.n_jobs}, {os.cpu_count()} CPUs)")


if __name__ == "__main__":
    sys.exit(main())
