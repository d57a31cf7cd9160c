"""Prints what camket does with 250,000 items: import rate, page and API latency, dashboard,
similarity index, tagging suggestions, and the memory of a web worker.

    make bench                                      # SQLite, then PostgreSQL
    .venv/bin/python benchmarks/scale.py            # the database DATABASE_URL names
    .venv/bin/python benchmarks/scale.py --items 50000   # a quicker, smaller run

In a throw-away database, the shared UPR Info export (33,082 rows) is imported again and again
through the real importer, each copy shifted to later sessions (so to later UPR cycles), one
row in ten reviewing Viet Nam (the home state), until --items rows are in. Then a plan with
actions, indicators, 100,000 due dates and their progress reports is written in bulk. The
pages are served by a fresh process (a web worker's stand-in) through Django's test client,
as a coordinator and as an agency officer; its peak memory is the worker figure. Each page is
timed as a new question (the search answers and dashboard counts pages keep for the same
question forgotten before each request: the target applies to these) and then asked again as
it stands.
"""

import argparse
import csv
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from support import (  # benchmarks/support.py
    import_all,
    in_throwaway_database,
    quarterly_indicators,
    setup_django,
    upr_info_exports,
)  # benchmarks/support.py

HOME_EVERY = 10  # one row in ten reviews the home state
SESSIONS_PER_COPY = 17  # the export covers sessions 1–17
DUE_DATES = 100_000
PERIODS = 8  # quarterly over two years
TODAY = date(2026, 11, 23)
SUGGESTION_ITEMS = 500
ROUNDS = 5
TARGETS = {"page p95 ms": 100, "dashboard ms": 500, "import items/s": 5000, "worker MB": 500}
PAGES = [
    ("list, default (home state)", "/recommendations/"),
    ("list, state=all", "/recommendations/?state=all"),
    ("search 'torture'", "/recommendations/?q=torture"),
    ("search 'torture', state=all", "/recommendations/?q=torture&state=all"),
    ("search 'death penalty', state=all", "/recommendations/?q=death+penalty&state=all"),
    ("search 'quyen tre em' (no diacritics)", "/recommendations/?q=quyen+tre+em&state=all"),
    ("search 'dam bao', state=all", "/recommendations/?q=dam+bao&state=all"),
    ("filter response=supported, state=all", "/recommendations/?response=supported&state=all"),
    ("filter + search, state=all", "/recommendations/?q=women&response=noted&state=all"),
    ("list page 200, state=all", "/recommendations/?state=all&page=200"),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=250_000)
    parser.add_argument("--serve", help=argparse.SUPPRESS)  # the worker process: a JSON file
    args = parser.parse_args()
    if args.serve:
        return serve(json.loads(Path(args.serve).read_text()))
    setup_django()
    files = upr_info_exports()
    if not files:
        return 0
    from django.db import connection

    # A name of its own: the PostgreSQL server may be shared with test runs using the default.
    connection.settings_dict.setdefault("TEST", {})
    if connection.vendor == "postgresql":
        connection.settings_dict["TEST"]["NAME"] = "test_camket_scale_bench"
    in_throwaway_database(run, files, args.items)
    return 0


def synthetic_exports(files: list[Path], items: int, folder: Path) -> list[Path]:
    """Copies of the export (old Mac encoding, as the importer detects), each shifted by 17
    sessions, one row in ten about Viet Nam, written as UTF-8."""
    rows, header = [], None
    for path in files:
        with path.open(encoding="mac_roman", newline="") as handle:
            reader = csv.reader(handle)
            file_header = next(reader)
            header = header or file_header
            rows += [dict(zip(file_header, row, strict=False)) for row in reader]
    written, copy, out = 0, 0, []
    while written < items:
        chunk = rows[: items - written]
        path = folder / f"upr-info-copy-{copy}.csv"
        with path.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=header)
            writer.writeheader()
            for number, row in enumerate(chunk):
                row = dict(row)
                row["Session"] = str(int(row["Session"]) + SESSIONS_PER_COPY * copy)
                if number % HOME_EVERY == copy % HOME_EVERY:
                    row["To"] = "Viet Nam"
                writer.writerow(row)
        written += len(chunk)
        out.append(path)
        copy += 1
    return out


def build_monitoring(agencies) -> dict:
    """A plan of the home state's supported items: actions, indicators, due dates, reports."""
    from camket.frameworks.models import Framework, Implementation, Recommendation
    from camket.plans.models import Action, Plan
    from camket.reports.models import ProgressReport

    rng = random.Random(2026)
    statuses = Implementation.values
    framework = Framework.objects.order_by("-cycle").first()
    indicators_needed = DUE_DATES // PERIODS
    items = list(
        Recommendation.objects.filter(state_under_review__iso3="VNM")
        .order_by("-pk")
        .values_list("pk", flat=True)[: indicators_needed // 2]
    )
    Recommendation.objects.filter(pk__in=items[:900]).update(response="supported")
    plan = Plan.objects.create(framework=framework, title="Scale plan")
    actions = Action.objects.bulk_create(
        Action(
            plan=plan,
            reference=str(i),
            title=f"Action {i}",
            publication="published",
            lead_agency=rng.choice(agencies),
            status=rng.choice(statuses),
            start_on=date(2025, 1, 1),
            target_on=date(2026, 12, 31),
        )
        for i in range(indicators_needed // 2)
    )
    Action.recommendations.through.objects.bulk_create(
        Action.recommendations.through(action=a, recommendation_id=items[i % len(items)])
        for i, a in enumerate(actions)
    )
    indicators, due_dates = quarterly_indicators(actions, batch_size=5000)
    reports = ProgressReport.objects.bulk_create(
        (
            ProgressReport(
                due_date=d, state="accepted", status=rng.choice(statuses), narrative="Done."
            )
            for d in due_dates
            if rng.random() < 0.75
        ),
        batch_size=5000,
    )
    return {"actions": len(actions), "due_dates": len(due_dates), "reports": len(reports)}


def run(files, items: int, vendor: str) -> None:
    from django.db import connection

    from camket.accounts.models import Agency
    from camket.frameworks.models import Recommendation
    from tests.personas import make_user

    print(f"database: {vendor}, {items:,} items wanted")
    with tempfile.TemporaryDirectory(prefix="camket-scale-") as folder:
        copies = synthetic_exports(files, items, Path(folder))
        rates = []  # (items already in the database, items imported, seconds) per file
        for path in copies:
            before = Recommendation.objects.count()
            seconds = import_all([path])
            rates.append((before, Recommendation.objects.count() - before, seconds))
    total = Recommendation.objects.count()
    import_seconds = sum(seconds for *_, seconds in rates)
    figures = {"import items/s": total / import_seconds}
    print(
        f"import: {total:,} items from {len(copies)} files in {import_seconds:.0f} s "
        f"({figures['import items/s']:,.0f} items/s; target >= {TARGETS['import items/s']:,})"
    )
    largest = max(rates[1:] or rates, key=lambda rate: (rate[1], rate[0]))  # a whole copy
    for label, (before, imported, seconds) in (("empty", rates[0]), ("large", largest)):
        print(
            f"  into {'an empty database' if label == 'empty' else f'one of {before:,} items'}: "
            f"{imported:,} items in {seconds:.1f} s ({imported / seconds:,.0f} items/s)"
        )
    started = time.perf_counter()
    agencies = Agency.objects.bulk_create(
        Agency(code=f"s{i:02}", name=f"Scale agency {i}") for i in range(20)
    )
    built = build_monitoring(agencies)
    connection.cursor().execute("ANALYZE")
    print(
        f"monitoring: {built['actions']:,} actions, {built['due_dates']:,} due dates, "
        f"{built['reports']:,} progress reports written in {time.perf_counter() - started:.0f} s, "
        "then the planner's statistics gathered (ANALYZE), as a server's autovacuum would"
    )
    make_user("scale-coordinator", "coordinator", None)
    make_user("scale-officer", "focal_point", agencies[0])
    connection.close()
    worker = serve_in_worker(connection.settings_dict)
    for line in worker["lines"]:
        print(line)
    similarity_and_tagging()
    print(
        f"peak memory of this (importing) process: {peak_rss_mb():.0f} MB; of the web worker "
        f"after serving every page: {worker['rss_mb']:.0f} MB (target < {TARGETS['worker MB']})"
    )


def serve_in_worker(settings_dict) -> dict:
    """Serve the pages from a fresh process, as a web worker would; its timings and memory."""
    if settings_dict["ENGINE"].endswith("sqlite3"):
        url = f"sqlite:///{settings_dict['NAME']}"
    else:
        url = (
            f"postgres://{settings_dict['USER']}:{settings_dict['PASSWORD']}@"
            f"{settings_dict['HOST'] or '127.0.0.1'}:{settings_dict['PORT'] or 5432}/"
            f"{settings_dict['NAME']}"
        )
    with tempfile.TemporaryDirectory(prefix="camket-scale-worker-") as folder:
        order = Path(folder) / "order.json"
        order.write_text(json.dumps({"out": str(Path(folder) / "out.json")}))
        env = {**os.environ, "DATABASE_URL": url}
        subprocess.run(
            [sys.executable, __file__, "--serve", str(order)], check=True, env=env, timeout=1800
        )
        return json.loads((Path(folder) / "out.json").read_text())


def serve(order: dict) -> int:
    setup_django()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import setup_test_environment

    from camket.lib.serving import prepare_to_serve

    setup_test_environment()  # the test client's host name is allowed
    prepare_to_serve()  # as gunicorn's master does before it forks the workers

    users = get_user_model().objects
    lines = []
    for who in ("scale-coordinator", "scale-officer"):
        client = Client()
        client.force_login(users.get(username=who))
        for label, url in PAGES:
            lines.append(page_line(f"{who}: {label}", timed_get(client, url)))
        lines.append(cold_list_line(who, client))
        dashboard = timed_get(client, "/dashboard/")
        lines.append(page_line(f"{who}: dashboard", dashboard, TARGETS["dashboard ms"]))
        started, pages = time.perf_counter(), 0
        while pages < 20:
            pages += 1
            response = client.get(f"/api/recommendations?state=all&page={pages}")
            assert response.status_code == 200, response.status_code
        seconds = time.perf_counter() - started
        lines.append(
            f"{who}: API GET /api/recommendations?state=all, {pages} pages in {seconds:.1f} s "
            f"({pages / seconds:.1f} pages/s)"
        )
    Path(order["out"]).write_text(json.dumps({"lines": lines, "rss_mb": peak_rss_mb()}))
    return 0


def cold_list_line(who: str, client) -> str:
    """The first list after a change: this process rebuilds its index of the items' list
    fields (camket/frameworks/item_index.py) before answering."""
    from camket.frameworks.item_index import ITEMS

    ITEMS.bump()
    started = time.perf_counter()
    response = client.get("/recommendations/?state=all")
    assert response.status_code == 200, response.status_code
    return (
        f"{who}: list, state=all, first request after a change (item index rebuilt): "
        f"{(time.perf_counter() - started) * 1000:.0f} ms"
    )


def timed_get(client, url: str) -> tuple[list[float], list[float]]:
    """The page's times as a new question (what pages keep for the same question forgotten
    before each request), then asked again as it stands (a user turning pages)."""
    client.get(url)  # the first request warms the caches a running worker would have
    new, again = [], []
    for timings, forget in ((new, True), (again, False)):
        for _ in range(ROUNDS):
            if forget:
                forget_answers()
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
    return sorted(new), sorted(again)


def forget_answers() -> None:
    """What pages keep between requests asking the same question: the search answers and the
    dashboard's overdue counts. What a worker keeps whatever the question stays: the item
    index, the names and filter choices it holds per scope (the first request after a change,
    which rebuilds them, is its own line)."""
    from camket.dashboard.overdue_cache import OVERDUE
    from camket.frameworks import index_search

    index_search.forget_kept_answers()
    OVERDUE.bump()


def page_line(
    label: str, timings: tuple[list[float], list[float]], target: float = TARGETS["page p95 ms"]
) -> str:
    new, again = timings
    p95 = new[max(0, int(len(new) * 0.95) - 1)]
    verdict = "ok" if p95 < target else "MISSES"
    return (
        f"{label}: p50 {statistics.median(new):.0f} ms, p95 {p95:.0f} ms "
        f"(target < {target} ms: {verdict}); asked again: p50 {statistics.median(again):.0f} ms"
    )


def similarity_and_tagging() -> None:
    from camket.frameworks.models import Framework, Recommendation
    from camket.tagging.similarity import current_index
    from camket.tagging.suggestions import suggest
    from camket.tagging.tagger import train
    from tests.tagging_texts import training_texts

    started = time.perf_counter()
    index = current_index()
    print(
        f"similarity index of {len(index.ids):,} items built in "
        f"{time.perf_counter() - started:.1f} s"
    )
    tagger = train(training_texts(), n_jobs=1)  # a small model: the figure is the writing
    newest = Framework.objects.order_by("-cycle").first()
    cycle = list(Recommendation.objects.filter(framework=newest).order_by("pk")[:SUGGESTION_ITEMS])
    started = time.perf_counter()
    outcome = suggest(cycle, tagger)
    seconds = time.perf_counter() - started
    print(
        f"tagging suggestions for {len(cycle):,} items of {newest.name}: {seconds:.1f} s "
        f"({len(cycle) / seconds:,.0f} items/s, {outcome.created:,} suggestions written)"
    )


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


if __name__ == "__main__":
    raise SystemExit(main())
