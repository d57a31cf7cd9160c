"""CPU accounting of a load-test run: how many CPU-seconds gunicorn, PostgreSQL, locust and the
rest of the machine used between two snapshots, so that the p95 can be read against what the
time was spent on. Linux only (reads /proc). Used by scripts/loadtest.sh:

    python -m loadtest.cpu snapshot gunicorn=PID postgres=PID > before.json
    python -m loadtest.cpu run OUT.json -- COMMAND …       # locust: its own and children's CPU
    python -m loadtest.cpu snapshot gunicorn=PID postgres=PID > after.json
    python -m loadtest.cpu report before.json after.json --locust OUT.json --stats load_stats.csv

A group's CPU is its root process's own time, the time of every child the root has reaped
(`cutime`/`cstime` of /proc/PID/stat: a gunicorn worker recycled after `max_requests`, a
PostgreSQL backend whose connection closed) and the time of its live descendants. Counting only
the live workers at the end loses every worker that was replaced during the run.
"""

import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")
# /proc/PID/stat fields after the command name, counted from 0 at the state field.
PARENT, UTIME, STIME, CUTIME, CSTIME = 1, 11, 12, 13, 14
# /proc/stat's first line: user nice system idle iowait irq softirq steal (guest is in user).
IDLE_FIELDS = (3, 4)


def _stat_fields(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # The command name is in parentheses and may hold spaces: split after its last ")".
    return text[text.rindex(")") + 2 :].split()


def process_table() -> dict[int, tuple[int, float, float]]:
    """Every live process: pid → (parent pid, own CPU-seconds, reaped children's CPU-seconds)."""
    table = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        fields = _stat_fields(int(entry))
        if fields is None:
            continue
        own = (int(fields[UTIME]) + int(fields[STIME])) / TICKS
        reaped = (int(fields[CUTIME]) + int(fields[CSTIME])) / TICKS
        table[int(entry)] = (int(fields[PARENT]), own, reaped)
    return table


def tree_seconds(root: int, table: dict[int, tuple[int, float, float]]) -> float:
    """CPU-seconds of `root` and of all its descendants, live or already reaped."""
    children: dict[int, list[int]] = {}
    for pid, (parent, _own, _reaped) in table.items():
        children.setdefault(parent, []).append(pid)
    total, pending = 0.0, [root]
    while pending:
        pid = pending.pop()
        if pid in table:
            _parent, own, reaped = table[pid]
            total += own + reaped
        pending.extend(children.get(pid, ()))
    return total


def machine_seconds() -> tuple[float, float]:
    """(busy, idle) CPU-seconds of the whole machine since boot, all cores."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:9]]
    idle = sum(values[index] for index in IDLE_FIELDS)
    return (sum(values) - idle) / TICKS, idle / TICKS


def snapshot(roots: dict[str, int]) -> dict:
    table = process_table()
    busy, idle = machine_seconds()
    return {
        "wall": time.monotonic(),
        "cores": os.cpu_count(),
        "machine_busy": busy,
        "machine_idle": idle,
        "groups": {name: tree_seconds(pid, table) for name, pid in roots.items()},
    }


def run_measured(out: str, command: list[str]) -> int:
    """Run `command` and write the CPU-seconds it and its children used (wait4's rusage)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    returncode = subprocess.call(command)  # noqa: S603 - the command line of scripts/loadtest.sh
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    Path(out).write_text(json.dumps({"cpu": seconds}))
    return returncode


def breakdown(before: dict, after: dict, measured: dict[str, float]) -> list[tuple[str, float]]:
    """CPU-seconds per group between the snapshots, plus `measured` groups (run_measured), and
    what the rest of the machine used ("other": other engineers' jobs, the kernel, this script)."""
    rows = [(name, after["groups"][name] - before["groups"][name]) for name in before["groups"]]
    rows.extend(measured.items())
    busy = after["machine_busy"] - before["machine_busy"]
    rows.append(("other", busy - sum(seconds for _name, seconds in rows)))
    rows.append(("idle", after["machine_idle"] - before["machine_idle"]))
    return rows


def report(before: dict, after: dict, measured: dict[str, float], requests: int) -> str:
    wall = after["wall"] - before["wall"]
    capacity = wall * after["cores"]
    lines = [
        f"CPU between the snapshots: {wall:.0f} s × {after['cores']} cores = {capacity:.0f} "
        f"CPU-seconds; {requests} requests",
        f"{'group':<10}{'CPU-s':>9}{'share':>8}{'ms/request':>12}",
    ]
    rows = breakdown(before, after, measured)
    for name, seconds in rows:
        per_request = f"{seconds * 1000 / requests:.1f}" if requests and name != "idle" else ""
        lines.append(f"{name:<10}{seconds:>9.1f}{seconds / capacity:>8.0%}{per_request:>12}")
    accounted = sum(seconds for _name, seconds in rows)
    lines.append(f"{'sum':<10}{accounted:>9.1f}{accounted / capacity:>8.0%}")
    return "\n".join(lines)


def served_requests(stats_path: str) -> int:
    """Requests the server answered, from locust's stats: every endpoint's count, without the
    aggregate row and without the CONFLICT rows (a second record of a 409 already counted)."""
    with open(stats_path, encoding="utf-8") as stats:
        return sum(
            int(row["Request Count"])
            for row in csv.DictReader(stats)
            if row["Name"] != "Aggregated" and row["Type"] != "CONFLICT"
        )


def _roots(arguments: list[str]) -> dict[str, int]:
    return {name: int(pid) for name, _, pid in (argument.partition("=") for argument in arguments)}


def main(arguments: list[str]) -> int:
    command, rest = arguments[0], arguments[1:]
    if command == "snapshot":
        print(json.dumps(snapshot(_roots(rest))))
        return 0
    if command == "run":
        return run_measured(rest[0], rest[rest.index("--") + 1 :])
    if command == "report":
        before, after = (json.loads(Path(path).read_text()) for path in rest[:2])
        measured = {}
        if "--locust" in rest:
            measured["locust"] = json.loads(Path(rest[rest.index("--locust") + 1]).read_text())[
                "cpu"
            ]
        requests = served_requests(rest[rest.index("--stats") + 1]) if "--stats" in rest else 0
        print(report(before, after, measured, requests))
        return 0
    raise SystemExit(f"unknown command {command!r}: snapshot, run or report")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
