"""Prints locust's CSV figures as one table: requests, failures, p50/p95/p99 per endpoint and
in total, and which endpoints miss the p95 target. Used by scripts/loadtest.sh."""

import csv
import json
import sys
from pathlib import Path

P95_TARGET_MS = 300


def main(stats_path: str, failures_path: str, log_path: str = "") -> int:
    rows = list(csv.DictReader(Path(stats_path).open(encoding="utf-8")))
    if not rows:
        print(f"No figures: see {log_path or stats_path}")
        return 1
    print(
        f"{'type':<9}{'endpoint':<36}{'requests':>9}{'fail':>6}{'min':>7}{'p50':>7}{'p95':>7}{'p99':>7}"
    )
    for row in rows:
        name = "TOTAL" if row["Name"] == "Aggregated" else row["Name"]
        print(
            f"{row['Type']:<9}{name[:35]:<36}{row['Request Count']:>9}{row['Failure Count']:>6}"
            f"{float(row['Min Response Time'] or 0):>7.0f}{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}"
        )
    slow = [
        row["Name"]
        for row in rows
        if row["Name"] != "Aggregated"
        and row["Type"] != "CONFLICT"
        and row["95%"] not in ("", "N/A")
        and float(row["95%"]) >= P95_TARGET_MS
    ]
    total = rows[-1]
    print(
        f"\n{total['Request Count']} requests, {total['Failure Count']} failures, "
        f"{float(total['Requests/s']):.1f} requests/s; p95 {total['95%']} ms in total "
        f"(target < {P95_TARGET_MS} ms)"
    )
    if slow:
        print(f"p95 ≥ {P95_TARGET_MS} ms: {', '.join(slow)}")
    _print_after_warm_up(Path(stats_path).with_name("after_warm_up.json"))
    failures = list(csv.DictReader(Path(failures_path).open(encoding="utf-8")))
    for row in failures:
        print(f"FAILED {row['Occurrences']}× {row['Method']} {row['Name']}: {row['Error']}")
    return 0


def _print_after_warm_up(path: Path) -> None:
    """The figures locustfile.py kept for the requests made after the first minute (when every
    user has signed in): read apart from the table, which covers the whole run."""
    if not path.exists():
        return
    found = json.loads(path.read_text(encoding="utf-8"))
    print(
        f"after the first {found['skipped_seconds']} s: {found['requests']} requests, "
        f"{found['failures']} failures, p50 {found['p50']} ms, p95 {found['p95']} ms "
        f"(sign-ins and conflicts left out)"
    )


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
