"""Prints import time for the 33,082-row UPR Info export and search latency at that size.

    make bench                      # SQLite, then PostgreSQL
    .venv/bin/python benchmarks/run.py   # the database DATABASE_URL names (SQLite by default)

It works on a throw-away test database, never on your data.
"""

import statistics
import time

from support import (  # benchmarks/support.py
    import_all,
    in_throwaway_database,
    setup_django,
    upr_info_exports,
)

QUERIES = [
    "torture",
    "death penalty",
    "rights of the child",
    "quyen",
    "trafficking persons",
    "ratify",
    "women",
    "freedom expression",
    "viet nam",
    "education",
    "consider",
    "national human rights institution",
    "dam bao",
    "migrants",
    "zzzz",
]
ROUNDS = 5


def main() -> int:
    setup_django()
    files = upr_info_exports()
    if not files:
        return 0
    in_throwaway_database(run, files)
    return 0


def run(files, vendor: str) -> None:
    from camket.frameworks.models import Recommendation
    from camket.frameworks.search import SearchParams, facets, search
    from tests.personas import make_user

    import_seconds = import_all(files)
    total = Recommendation.objects.count()
    coordinator = make_user("bench-coordinator", "coordinator", None)
    viewer = make_user("bench-viewer", "viewer", None)

    def page(user, query):
        results = search(user, SearchParams(q=query))
        return results.count(), list(results.order_by("id")[:25])

    def page_and_facets(user, query):
        results = search(user, SearchParams(q=query))
        return results.count(), list(results.order_by("id")[:25]), facets(results)

    print(f"database: {vendor}")
    print(
        f"import: {total} recommendations from {len(files)} files in {import_seconds:.1f} s "
        f"({total / import_seconds:,.0f} rows/s)"
    )
    for label, user, action in (
        ("search (count + first page), coordinator", coordinator, page),
        ("search (count + first page), viewer", viewer, page),
        ("search + facet counts, coordinator", coordinator, page_and_facets),
    ):
        timings = []
        for _ in range(ROUNDS):
            for query in QUERIES:
                start = time.perf_counter()
                action(user, query)
                timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        p95 = timings[int(len(timings) * 0.95) - 1]
        print(
            f"{label}: p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms "
            f"over {len(timings)} queries"
        )


if __name__ == "__main__":
    raise SystemExit(main())
