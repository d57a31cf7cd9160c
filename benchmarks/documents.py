"""Prints how long each report draft takes for a 320-recommendation UPR cycle.

    make bench                                 # with the other benchmarks
    .venv/bin/python benchmarks/documents.py   # alone

A throw-away test database gets one framework of 320 recommendations with texts of real
length (about 300 characters, and a Vietnamese translation), two or three recommending states,
every response with its reason, twelve themes, a plan of 120 actions (each implementing two or
three recommendations, with two indicators every 6 months over two years) and accepted
progress reports with narratives. Each kind of draft is then made in DOCX and PDF, in
Vietnamese, as a system export and as an agency officer. The goal: under 10 s each. The
processor time is printed too: on a shared, busy machine the wall-clock time is longer.
"""

import os
import random
import time
from datetime import date

from support import in_throwaway_database, setup_django  # benchmarks/support.py

ITEMS = 320
ACTIONS = 120
GOAL_SECONDS = 10
SENTENCE = (
    "Continue to strengthen the legal framework and the capacity of the agencies "
    "concerned to protect the rights of {group}, including through training, "
    "awareness raising and adequate budget allocations, in line with international "
    "standards and in consultation with civil society organisations (recommendation "
    "{n})."
)
SENTENCE_VI = (
    "Tiếp tục hoàn thiện khung pháp lý và nâng cao năng lực của các cơ quan liên "
    "quan nhằm bảo vệ quyền của {group}, bao gồm thông qua đào tạo, nâng cao nhận "
    "thức và bố trí ngân sách phù hợp, phù hợp với chuẩn mực quốc tế (khuyến nghị "
    "{n})."
)
GROUPS = [
    "women",
    "children",
    "persons with disabilities",
    "ethnic minorities",
    "migrant workers",
    "older persons",
]


def main() -> int:
    setup_django()
    in_throwaway_database(run)
    return 0


def build():
    from camket.accounts.models import Agency
    from camket.frameworks.models import Category, Framework, Recommendation, State
    from camket.frameworks.taxonomies import ensure_builtin_taxonomies
    from camket.lib.vocabulary import UPR_INFO_ISSUES
    from camket.plans.models import Action, DueDate, Indicator, Plan
    from camket.plans.schedule import periods
    from camket.reports.models import ProgressReport

    rng = random.Random(2024)
    ensure_builtin_taxonomies()
    themes = list(Category.objects.filter(taxonomy__slug=UPR_INFO_ISSUES, parent__isnull=True)[:12])
    states = State.objects.bulk_create(State(name=f"State {i}") for i in range(80))
    agencies = Agency.objects.bulk_create(
        Agency(code=f"a{i:02}", name=f"Bộ số {i}", name_en=f"Ministry {i}") for i in range(20)
    )
    framework = Framework.objects.create(
        slug="bench", name="UPR Viet Nam cycle 4", name_vi="UPR Việt Nam chu kỳ 4", kind="upr_cycle"
    )
    responses = ["supported", "supported", "supported_in_part", "noted", "already_implemented"]
    items = Recommendation.objects.bulk_create(
        Recommendation(
            framework=framework,
            reference=f"46.{i + 1}",
            status="published",
            text=SENTENCE.format(group=rng.choice(GROUPS), n=i + 1),
            text_vi=SENTENCE_VI.format(group="người khuyết tật", n=i + 1),
            response=rng.choice(responses),
            response_reason="Phù hợp với Hiến pháp và pháp luật Việt Nam.",
            implementation=rng.choice(["in_progress", "implemented", ""]),
        )
        for i in range(ITEMS)
    )
    links = Recommendation.recommending_states.through
    links.objects.bulk_create(
        links(recommendation=item, state=state)
        for item in items
        for state in rng.sample(states, rng.randint(1, 3))
    )
    tags = Recommendation.categories.through
    tags.objects.bulk_create(
        tags(recommendation=item, category=rng.choice(themes))
        for item in items
        if rng.random() < 0.9
    )
    plan = Plan.objects.create(framework=framework, title="Kế hoạch tổng thể")
    actions = Action.objects.bulk_create(
        Action(
            plan=plan,
            reference=str(i + 1),
            title=f"Hành động số {i + 1}: xây dựng đề án",
            lead_agency=rng.choice(agencies),
            publication="published",
            start_on=date(2025, 1, 1),
            target_on=date(2026, 12, 31),
            status=rng.choice(["in_progress", "implemented", "not_started"]),
        )
        for i in range(ACTIONS)
    )
    implements = Action.recommendations.through
    implements.objects.bulk_create(
        implements(action=action, recommendation=item)
        for action in actions
        for item in rng.sample(items, rng.randint(2, 3))
    )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            action=action,
            agency=action.lead_agency,
            title=f"Chỉ số {n} của {action}",
            unit="người",
            baseline=0,
            target=1000,
            frequency_months=6,
            starts_on=date(2025, 1, 1),
            ends_on=date(2026, 12, 31),
        )
        for action in actions
        for n in range(2)
    )
    schedule = periods(date(2025, 1, 1), date(2026, 12, 31), 6)
    due_dates = DueDate.objects.bulk_create(
        DueDate(indicator=indicator, period_start=p.start, period_end=p.end, due_on=p.due_on)
        for indicator in indicators
        for p in schedule
    )
    ProgressReport.objects.bulk_create(
        ProgressReport(
            due_date=d,
            state="accepted",
            status="in_progress",
            narrative="Đã tổ chức 12 lớp tập huấn cho 600 cán bộ. " * 4,
            indicator_value=rng.randint(0, 1000),
        )
        for d in due_dates
        if d.period_end < date(2026, 1, 1)
    )
    return framework, agencies[0]


def run(vendor: str) -> None:
    from camket.documents.generate import KINDS, make_document
    from tests.personas import make_user

    framework, agency = build()
    officer = make_user("bench-officer", "focal_point", agency)
    print(f"database: {vendor}; report drafts of {ITEMS} recommendations, {ACTIONS} actions")
    worst = 0.0
    for reader, user in (("system export", None), ("agency officer", officer)):
        for kind in KINDS:
            for file_format in ("docx", "pdf"):
                start, cpu = time.perf_counter(), time.process_time()
                data = make_document(kind, framework, file_format, "vi", user)
                seconds = time.perf_counter() - start
                worst = max(worst, seconds)
                print(
                    f"{kind:9} {file_format:4} {reader:14} {seconds:5.2f} s "
                    f"(CPU {time.process_time() - cpu:5.2f} s, {len(data) // 1024} KiB)"
                )
    print(
        f"slowest: {worst:.2f} s (goal: under {GOAL_SECONDS} s; load average "
        f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs while measured)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
