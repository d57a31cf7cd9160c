"""`camket import` killed with SIGKILL while it writes: the database holds nothing of it (no
items, no history rows, no import record, no framework it was creating), is intact, and the
same import run again succeeds in full."""

import time

from tests.faults.conftest import kill, wait_for

ROWS = 400
STATES = ["France", "Germany", "Thailand", "Philippines", "Norway"]


def big_csv(path):
    lines = ["Reference,Recommendation,Recommending State/s,Position,Cycle"]
    for i in range(ROWS):
        text = f"Continue effort {i} to protect the rights of children and women in region {i % 37}"
        lines.append(f'{i + 1}.1,"{text}",{STATES[i % len(STATES)]},Supported,4')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def imported(site) -> dict:
    return {
        "items": site.count("frameworks_recommendation"),
        "history": site.count("frameworks_historicalrecommendation"),
        "runs": site.count("importers_importrun"),
        "framework": site.count("frameworks_framework", "slug = ?", "upr-cycle-4"),
    }


def test_an_import_killed_while_writing_leaves_nothing_and_runs_again(site, tmp_path):
    csv = big_csv(tmp_path / "matrix.csv")
    before = imported(site)
    assert before == {"items": 0, "history": 0, "runs": 0, "framework": 0}

    process = site.start("import", str(csv))
    wait_for(site.write_lock_held, process, timeout=60, what="the import began writing")
    time.sleep(0.05)  # inside the writing
    assert process.poll() is None, "the import finished before it could be killed"
    kill(process)

    assert site.integrity() == "ok"
    assert imported(site) == before

    again = site.run("import", str(csv))
    assert again.returncode == 0, again.stderr
    assert f"{ROWS} created" in again.stdout
    assert imported(site) == {"items": ROWS, "history": ROWS, "runs": 1, "framework": 1}
