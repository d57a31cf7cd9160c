"""Prints how long the Master Plan's monitoring takes at a national scale.

    make bench                                 # SQLite, then PostgreSQL
    .venv/bin/python benchmarks/monitoring.py  # the database DATABASE_URL names

A throw-away test database gets 3,000 accepted recommendations (about ten UPR cycles),
20 agencies, 1,500 actions, 3,000 indicators reported every 3 months over two years (24,000
due dates, three quarters of them answered), then the dashboard, the overdue list, the
reminder run (dry) and an agency's action list are timed.
"""

import random
import statistics
import time
from datetime import date

from support import (  # benchmarks/support.py
    in_throwaway_database,
    quarterly_indicators,
    setup_django,
)

ROUNDS = 7
TODAY = date(2026, 11, 23)


def main() -> int:
    setup_django()
    in_throwaway_database(run)
    return 0


def build() -> dict:
    from camket.accounts.models import Agency
    from camket.frameworks.models import Framework, Implementation, Recommendation
    from camket.plans.models import Action, Plan
    from camket.reports.models import ProgressReport

    rng = random.Random(2024)
    statuses = Implementation.values
    agencies = Agency.objects.bulk_create(
        Agency(code=f"a{i:02}", name=f"Agency {i}") for i in range(20)
    )
    framework = Framework.objects.create(slug="bench", name="Bench", kind="upr_cycle")
    recommendations = Recommendation.objects.bulk_create(
        Recommendation(
            framework=framework,
            reference=f"R.{i}",
            text=f"Recommendation {i}",
            status="published",
            response="supported",
            implementation=rng.choice(statuses),
        )
        for i in range(3000)
    )
    plan = Plan.objects.create(framework=framework, title="Bench plan")
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
        for i in range(1500)
    )
    Action.recommendations.through.objects.bulk_create(
        Action.recommendations.through(action=a, recommendation=recommendations[(2 * i + j) % 3000])
        for i, a in enumerate(actions)
        for j in range(2)
    )
    indicators, due_dates = quarterly_indicators(actions)
    ProgressReport.objects.bulk_create(
        ProgressReport(due_date=d, state="accepted", status=rng.choice(statuses), narrative="Done.")
        for d in due_dates
        if rng.random() < 0.75
    )
    return {"agency": agencies[0], "due_dates": len(due_dates)}


def timed(action) -> tuple[float, float]:
    timings = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        action()
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), max(timings)


def run(vendor: str) -> None:
    from django.db import connection

    from camket.dashboard.services import figures
    from camket.plans.filters import ActionFilters, filter_actions
    from camket.reminders.services import send_reminders
    from tests.personas import make_user

    started = time.perf_counter()
    world = build()
    connection.cursor().execute("ANALYZE")
    print(f"database: {vendor}")
    print(f"built {world['due_dates']:,} due dates in {time.perf_counter() - started:.1f} s")
    coordinator = make_user("bench-coordinator", "coordinator", None)
    officer = make_user("bench-officer", "focal_point", world["agency"])
    cases = [
        ("dashboard figures, coordinator", lambda: figures(coordinator, today=TODAY)),
        ("dashboard figures, agency officer", lambda: figures(officer, today=TODAY)),
        ("reminder run (dry), whole government", lambda: send_reminders(today=TODAY, dry_run=True)),
        (
            "action list of one agency (first 50)",
            lambda: list(filter_actions(officer, ActionFilters(agency=world["agency"].code))[:50]),
        ),
        (
            "actions with an overdue report (count)",
            lambda: filter_actions(coordinator, ActionFilters(overdue="1"), today=TODAY).count(),
        ),
    ]
    for label, action in cases:
        median, worst = timed(action)
        print(f"{label}: median {median:.0f} ms, worst {worst:.0f} ms over {ROUNDS} runs")


if __name__ == "__main__":
    raise SystemExit(main())
