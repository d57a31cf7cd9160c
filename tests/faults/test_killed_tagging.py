"""A background worker killed with SIGKILL while a tagging run writes suggestions: the run
never shows as done; the restarted worker marks its job failed and the run interrupted; each
batch of recommendations (CAMKET_SUGGESTION_BATCH, one transaction each) was written whole, so a
new run keeps them and completes the rest."""

from tests.faults.conftest import kill, wait_for
from tests.tagging_texts import training_texts

ROWS = 80
BATCH = 10
SUGGESTIONS = "SELECT recommendation_id, kind, category_id, action_category FROM tagging_suggestion"


def csv_of_taggable_texts(path):
    texts = training_texts().texts
    lines = ["Reference,Recommendation,Recommending State/s,Position,Cycle"]
    for i in range(ROWS):
        lines.append(f'{i + 1}.1,"{texts[i % len(texts)]} ({i})",France,Supported,4')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def by_recommendation(rows) -> dict[int, set]:
    found: dict[int, set] = {}
    for recommendation, *key in rows:
        found.setdefault(recommendation, set()).add(tuple(key))
    return found


def run_state(site) -> str:
    [(state,)] = site.query("SELECT state FROM tagging_taggingrun ORDER BY id LIMIT 1")
    return state


def test_a_worker_killed_mid_run_leaves_whole_suggestions_and_an_interrupted_run(
    site, tmp_path, tiny_tagger
):
    assert site.run("import", str(csv_of_taggable_texts(tmp_path / "list.csv"))).returncode == 0
    tiny_tagger.save(site.data_dir / "models" / "tagging")
    site.env["CAMKET_SUGGESTION_BATCH"] = str(BATCH)  # several transactions in one run
    queued = site.run("classify", "suggest", "--enqueue")
    assert queued.returncode == 0, queued.stderr

    worker = site.start("db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.1")
    wait_for(
        lambda: site.count("tagging_suggestion") > 0,
        worker,
        timeout=90,
        what="the run wrote suggestions",
    )
    kill(worker)

    assert site.integrity() == "ok"
    written = by_recommendation(site.query(SUGGESTIONS))
    assert 0 < len(written) < ROWS, "the run finished before the worker could be killed"
    assert run_state(site) == "running"  # never "done"
    assert site.count("django_tasks_database_dbtaskresult", "status = 'RUNNING'") == 1

    restarted = site.run("db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert restarted.returncode == 0, restarted.stderr
    assert "marked failed" in restarted.stdout
    assert run_state(site) == "interrupted"
    assert site.count("django_tasks_database_dbtaskresult", "status = 'FAILED'") == 1

    again = site.run("classify", "suggest")
    assert again.returncode == 0, again.stderr
    complete = by_recommendation(site.query(SUGGESTIONS))
    assert len(complete) > len(written)
    assert {pk: complete[pk] for pk in written} == written
