"""The load test's CPU accounting (loadtest/cpu.py) counts the CPU of processes that ended during
the run: a gunicorn worker recycled after `max_requests` is the case the old `ps` sum lost."""

import subprocess
import sys
import time

from loadtest import cpu


def test_a_tree_counts_live_descendants_and_what_each_process_reaped():
    table = {
        10: (1, 1.0, 5.0),  # the master: 5 s of workers already replaced and reaped
        11: (10, 2.0, 0.0),  # a live worker
        12: (11, 0.5, 0.25),  # a live grandchild that reaped a child of its own
        20: (1, 100.0, 0.0),  # not in the tree
    }
    assert cpu.tree_seconds(10, table) == 8.75
    assert cpu.tree_seconds(11, table) == 2.75
    assert cpu.tree_seconds(99, table) == 0.0


def test_a_child_that_ended_between_the_snapshots_is_still_counted():
    burn = "import time\nend = time.process_time() + 0.3\nwhile time.process_time() < end: pass"
    # The parent starts its child only when told, after the first snapshot, then waits for it.
    script = f"import subprocess, sys\ninput()\nsubprocess.call([sys.executable, '-c', {burn!r}])"
    parent = subprocess.Popen([sys.executable, "-c", script + "\ninput()"], stdin=subprocess.PIPE)
    try:
        before = cpu.snapshot({"parent": parent.pid})
        parent.stdin.write(b"go\n")
        parent.stdin.flush()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            after = cpu.snapshot({"parent": parent.pid})
            if after["groups"]["parent"] - before["groups"]["parent"] >= 0.3:
                break
            time.sleep(0.05)
    finally:
        parent.communicate(b"\n", timeout=20)
    assert after["groups"]["parent"] - before["groups"]["parent"] >= 0.3
    assert after["machine_busy"] > before["machine_busy"]


def test_the_breakdown_adds_up_to_the_machine_with_the_rest_as_other(tmp_path):
    before = {"wall": 0.0, "cores": 2, "machine_busy": 100.0, "machine_idle": 50.0}
    after = {"wall": 10.0, "cores": 2, "machine_busy": 118.0, "machine_idle": 52.0}
    before["groups"] = {"gunicorn": 40.0, "postgres": 7.0}
    after["groups"] = {"gunicorn": 50.0, "postgres": 9.0}
    rows = dict(cpu.breakdown(before, after, {"locust": 1.5}))
    assert rows == {"gunicorn": 10.0, "postgres": 2.0, "locust": 1.5, "other": 4.5, "idle": 2.0}

    stats = tmp_path / "load_stats.csv"
    stats.write_text(
        "Type,Name,Request Count\nGET,list,30\nCONFLICT,report save,4\nPOST,report save,20\n"
        ",Aggregated,54\n"
    )
    assert cpu.served_requests(str(stats)) == 50
    printed = cpu.report(before, after, {"locust": 1.5}, 50)
    assert "gunicorn       10.0     50%       200.0" in printed
