"""Prints how well and how fast the tagging classifier does on a temporal split of the export.

    .venv/bin/python benchmarks/classify.py

Trains on UPR sessions 1–13 of ../shared/data/upr-info (thresholds tuned on the latest
training sessions), tests on sessions 14–17, then times tagging 100,000 recommendations.
SDG goals are measured against the SDGs OHCHR lists in the Slovenia cycle 4 matrix
(../shared/data/ohchr-thematic-lists), which nothing is trained on; then with half of that
matrix given as tags people confirmed, on the other half. Last, the similarity index.
Nothing is saved.
"""

import os
import sys
import time

from support import SHARED, setup_django, upr_info_exports  # benchmarks/support.py

TRAIN_SESSIONS = set(range(1, 14))
TEST_SESSIONS = set(range(14, 18))
SPEED_ROWS = 100_000


def main() -> int:
    setup_django()
    files = upr_info_exports()
    if not files:
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
    print(
        f"train: {len(train)} recommendations (sessions 1–13), test: {len(test)} (sessions 14–17)"
    )
    started = time.perf_counter()
    model = TaggingModel().fit(train)
    training_seconds = time.perf_counter() - started

    issue_scores, action_scores = model.scores(test.texts)
    truth = model._issue_matrix(
        [[i for i in issues if i in model.issue_names] for issues in test.issues]
    )
    predicted = model.issue_matrix(issue_scores)
    untuned = issue_scores > 0
    untuned[np.arange(len(untuned)), issue_scores.argmax(axis=1)] = True
    print(
        f"issues, tuned thresholds:  micro-F1 {f1_score(truth, predicted, average='micro'):.3f}"
        f"  macro-F1 {f1_score(truth, predicted, average='macro', zero_division=0):.3f}"
    )
    print(
        f"issues, threshold 0:       micro-F1 {f1_score(truth, untuned, average='micro'):.3f}"
        f"  macro-F1 {f1_score(truth, untuned, average='macro', zero_division=0):.3f}"
    )
    with_action = [i for i, action in enumerate(test.actions) if action is not None]
    actual = [test.actions[i] for i in with_action]
    guessed = model.predict_actions(action_scores[with_action])
    print(
        f"action category: accuracy {accuracy_score(actual, guessed):.3f}"
        f"  macro-F1 {f1_score(actual, guessed, average='macro'):.3f}"
        f"  ({len(with_action)} with a category)"
    )
    print(f"training: {training_seconds:.1f} s (including the threshold-tuning fit)")

    from camket.tagging.sdgs import SdgTagger
    from camket.tagging.tagger import Tagger

    started = time.perf_counter()
    tagger = Tagger(model, SdgTagger().fit(train.texts))
    print(f"SDG tagger: fitted in {time.perf_counter() - started:.1f} s")

    texts = (test.texts * (SPEED_ROWS // len(test.texts) + 1))[:SPEED_ROWS]
    started = time.perf_counter()
    tagged = tagger.tag(texts)
    seconds = time.perf_counter() - started
    assert len(tagged) == SPEED_ROWS
    print(
        f"tagging (issues, action category, SDGs): {SPEED_ROWS:,} recommendations in "
        f"{seconds:.1f} s ({SPEED_ROWS / seconds:,.0f}/s, n_jobs={model.n_jobs}, "
        f"{os.cpu_count()} CPUs)"
    )
    matrix = SHARED / "ohchr-thematic-lists" / "slovenia-cycle4-upr48.docx"
    if matrix.is_file():
        sdg_benchmark(tagger, matrix)
    similarity_benchmark(train.texts + test.texts)


def sdg_benchmark(tagger, matrix) -> None:
    import numpy as np
    from sklearn.metrics import f1_score

    from camket.importers.ohchr_docx.parse import parse

    records = [r for r in parse(matrix, source_name=matrix.name).records if r.sdgs]
    texts = [r.text for r in records]
    goals = [tuple(sorted({int(code.split(".")[0]) for code in r.sdgs})) for r in records]
    truth = np.zeros((len(records), 17), dtype=bool)
    for row, numbers in enumerate(goals):
        truth[row, [n - 1 for n in numbers]] = True

    def scores(rows, neighbours=None):
        guessed = np.zeros((len(rows), 17), dtype=bool)
        tags = tagger.tag([texts[i] for i in rows], neighbours)
        for position, tagged in enumerate(tags):
            guessed[position, [g - 1 for g in tagged.prediction.sdgs]] = True
        present = truth[rows].any(axis=0)
        return (
            f1_score(truth[rows], guessed, average="micro"),
            f1_score(
                truth[rows][:, present], guessed[:, present], average="macro", zero_division=0
            ),
        )

    micro, macro = scores(list(range(len(records))))
    print(
        f"SDG goals, {matrix.name} ({len(records)} recommendations, "
        f"{truth.sum() / len(records):.2f} goals each): micro-F1 {micro:.3f}  "
        f"macro-F1 {macro:.3f}"
    )
    results = []
    for seed in range(5):
        order = np.random.default_rng(seed).permutation(len(records))
        known, unknown = order[: len(order) // 2], order[len(order) // 2 :]
        neighbours = tagger.sdg.neighbours(
            [texts[i] for i in unknown], [texts[i] for i in known], [goals[i] for i in known]
        )
        results.append(scores(list(unknown), neighbours))
    micro, macro = np.mean(results, axis=0)
    print(
        f"SDG goals, the other half once half the matrix is confirmed by people "
        f"(5 random halves): micro-F1 {micro:.3f}  macro-F1 {macro:.3f}"
    )


def similarity_benchmark(texts) -> None:
    from camket.tagging.similarity import SimilarityIndex

    started = time.perf_counter()
    index = SimilarityIndex(list(range(len(texts))), texts)
    built = time.perf_counter() - started
    cycle = list(range(len(texts) - 320, len(texts)))
    started = time.perf_counter()
    for pk in cycle[:100]:
        index.similarities(pk, range(len(texts)))
    per_query = (time.perf_counter() - started) / 100
    print(
        f"similarity index: {len(texts):,} recommendations indexed in {built:.1f} s; "
        f"one recommendation against all of them: {per_query * 1000:.0f} ms"
    )


if __name__ == "__main__":
    sys.exit(main())
