"""Loading the demo Master Plan through the same services the UI uses.

The coordinator decides the remaining recommendations, approves the plan and its actions; the
agencies' officers report on the indicators' due dates over the two years before `today`,
and the coordinator accepts or returns their reports. Nothing is loaded twice.
"""

import io
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from openpyxl import Workbook

from camket.accounts.models import Agency, Membership
from camket.demo import data as demo_data
from camket.demo import plan_data as data
from camket.demo.plan_actions import ACTIONS
from camket.frameworks.models import Implementation, Recommendation
from camket.plans import indicators as indicator_services
from camket.plans import services as plan_services
from camket.plans.models import Action, DueDate, Plan
from camket.plans.schedule import add_months
from camket.reports import services as report_services
from camket.reports.models import ProgressReport
from camket.review import services as review_services
from camket.review.models import Cluster

EARLIEST_START = date(2025, 1, 1)
MONTHS_REPORTED = 22  # the plan starts about this long before the day the demo is loaded


def window_start(today: date) -> date:
    """First day of the plan: the start of a quarter about two years before `today`."""
    months = today.year * 12 + today.month - 1 - MONTHS_REPORTED
    months -= months % 3
    return max(EARLIEST_START, date(months // 12, months % 12 + 1, 1))


def load_demo_plan(framework, coordinator, *, today: date) -> list[tuple[str, str, str]]:
    """Load the plan (once) and return the sign-ins of the users it adds."""
    _load_agencies_and_users()
    _decide(framework, coordinator)
    if not Plan.objects.filter(framework=framework, title=data.PLAN["title"]).exists():
        _load_plan(framework, coordinator, today)
    return [(username, password, role) for username, password, _, role, _ in data.USERS]


def _email(username: str) -> str:
    return f"{username}@example.gov.vn"


def _load_agencies_and_users() -> None:
    for code, name, name_en, coordinator in data.AGENCIES:
        Agency.objects.get_or_create(
            code=code, defaults={"name": name, "name_en": name_en, "is_coordinator": coordinator}
        )
    User = get_user_model()
    for username, password, full_name, role, code in data.USERS:
        user, created = User.objects.get_or_create(
            username=username, defaults={"first_name": full_name, "email": _email(username)}
        )
        if created:
            user.set_password(password)
            user.save()
        Membership.objects.get_or_create(
            user=user, defaults={"role": role, "agency": Agency.objects.get(code=code)}
        )
    # Reminders need an address: fill it in for demo users of databases made before.
    usernames = [row[0] for row in (*demo_data.USERS, *data.USERS)]
    for user in User.objects.filter(username__in=usernames, email=""):
        user.email = _email(user.username)
        user.save(update_fields=["email"])


def _decide(framework, coordinator) -> None:
    decided_on = date.fromisoformat(data.DECIDED_ON)
    for reference, (response, reason) in data.DECISIONS.items():
        # Fetched afresh each time: deciding a clustered one also decides its cluster.
        recommendation = Recommendation.objects.filter(
            framework=framework, reference=reference
        ).first()
        if recommendation is None or recommendation.response:
            continue
        review_services.decide(
            coordinator,
            recommendation,
            response=response,
            reason=reason,
            decided_on=decided_on,
            version=recommendation.version,
        )


def _load_plan(framework, coordinator, today: date) -> Plan:
    start = window_start(today)
    plan = plan_services.create_plan(
        coordinator,
        framework,
        {**data.PLAN, "approved_on": start - timedelta(days=data.APPROVED_DAYS_BEFORE_START)},
    )
    agencies = {agency.code: agency for agency in Agency.objects.all()}
    made = [
        (_make_action(coordinator, plan, str(number), spec, start, agencies, today), spec)
        for number, spec in enumerate(ACTIONS, start=1)
    ]
    plan_services.set_publication(
        coordinator,
        [action for action, spec in made if not spec.get("draft")],
        Action.Publication.PUBLISHED,
    )
    User = get_user_model()
    for action, spec in made:
        if spec.get("draft") or not spec["indicators"]:
            continue
        officer = User.objects.get(username=f"{spec['lead']}_focal")
        _report_on(Action.objects.get(pk=action.pk), spec, officer, coordinator, today)
    return plan


def _make_action(coordinator, plan, reference, spec, start, agencies, today) -> Action:
    start_on = add_months(start, spec["start"])
    values = {
        "reference": reference,
        "title": spec["title"],
        "description": spec["description"],
        "expected_output": spec.get("expected_output", ""),
        "lead_agency": agencies[spec["lead"]],
        "start_on": start_on,
        "target_on": add_months(start_on, spec["months"]) - timedelta(days=1),
        "budget_source": spec["budget"],
    }
    co_agencies = [agencies[code] for code in spec["co"]]
    action = None
    cluster = Cluster.objects.filter(
        framework=plan.framework, title=spec.get("cluster", "")
    ).first()
    if cluster is not None:
        made, _ = plan_services.actions_from_clusters(
            coordinator,
            plan,
            [cluster],
            values["lead_agency"],
            start_on=values["start_on"],
            target_on=values["target_on"],
        )
        if made:
            action = plan_services.update_action(
                coordinator, made[0], values, version=made[0].version, co_agencies=co_agencies
            )
    if action is None:  # no such cluster, or none of its recommendations accepted
        recommendations = Recommendation.objects.filter(
            framework=plan.framework, reference__in=spec["recommendations"]
        )
        action = plan_services.create_action(
            coordinator, plan, values, co_agencies=co_agencies, recommendations=recommendations
        )
    for title, unit, baseline, target, every, *_ in spec["indicators"]:
        indicator_services.create_indicator(
            coordinator,
            {
                "title": title,
                "unit": unit,
                "baseline": _decimal(baseline),
                "target": _decimal(target),
                "frequency_months": every,
            },
            action=action,
            today=today,
        )
    return action


@dataclass
class Event:
    """What the reporting agency did about one past due date."""

    due_date: DueDate
    kind: str  # accepted, submitted, returned, draft (missing ones make no event)
    value: Decimal
    indicator: tuple  # the indicator's row in plan_actions.ACTIONS
    history: list  # (due date, value) of the indicator's reports so far, this one included
    last_accepted: bool = False


def _report_on(action: Action, spec: dict, officer, coordinator, today: date) -> None:
    events = []
    for indicator, row in zip(action.indicators.order_by("id"), spec["indicators"], strict=True):
        events += _events(indicator, row, today)
    accepted_days = sorted({e.due_date.due_on for e in events if e.kind == "accepted"})
    for event in sorted(events, key=lambda e: (e.due_date.due_on, e.due_date.pk)):
        status = _status(spec["final"], accepted_days, event)
        _report(event, status, officer, coordinator)


def _events(indicator, row, today: date) -> list[Event]:
    _, _, baseline, target, _, reach, _, extra = row
    due_dates = list(
        indicator.due_dates.filter(due_on__lt=today, archived=False).order_by("due_on")
    )
    tail = list(extra.get("tail", ()))
    kinds = (["accepted"] * len(due_dates) + tail)[len(tail) :]
    reported = [(d, kind) for d, kind in zip(due_dates, kinds, strict=True) if kind != "missing"]
    baseline, target, reach = _decimal(baseline), _decimal(target), _decimal(reach)
    whole = baseline == baseline.to_integral() and target == target.to_integral()
    events, history = [], []
    for position, (due_date, kind) in enumerate(reported, start=1):
        value = baseline + (target - baseline) * reach * position / len(reported)
        value = value.quantize(Decimal("1") if whole else Decimal("0.01"))
        history.append((due_date.due_on, value))
        events.append(Event(due_date, kind, value, row, list(history)))
    accepted = [event for event in events if event.kind == "accepted"]
    if accepted:
        accepted[-1].last_accepted = True
    return events


def _status(final: str, accepted_days: list[date], event: Event) -> str:
    """Reports rise from in progress to the action's final status, reached on the last one."""
    if event.kind != "accepted" or event.due_date.due_on == accepted_days[-1]:
        return final
    done = (Implementation.IMPLEMENTED, Implementation.PARTLY_IMPLEMENTED)
    if final in done and accepted_days.index(event.due_date.due_on) >= len(accepted_days) // 2:
        return Implementation.PARTLY_IMPLEMENTED
    return Implementation.IN_PROGRESS


def _report(event: Event, status: str, officer, coordinator) -> None:
    title, unit, _, target, _, _, narrative, extra = event.indicator
    due_date = event.due_date
    space = "" if unit == "%" else " "
    text = (
        f"{narrative} Kết quả đến hết ngày {due_date.period_end:%d/%m/%Y}: "
        f"{_vn(event.value)}{space}{unit} (mục tiêu: {_vn(_decimal(target))}{space}{unit})."
    )
    if event.kind == "draft":
        text = "Dự thảo, chưa gửi. " + text
    version = None
    if event.last_accepted and "evidence" in extra:
        name, public = extra["evidence"]
        evidence = report_services.add_evidence(
            officer,
            due_date,
            name,
            _evidence_file(name, title, unit, event.history),
            is_public=public,
        )
        version = evidence.report.version
    report = report_services.save_report(
        officer,
        due_date,
        {"status": status, "narrative": text, "indicator_value": event.value},
        version=version,
        submit=event.kind != "draft",
    )
    # Reviewed afresh from the database, as the coordinator's own request would load it.
    report = ProgressReport.objects.get(pk=report.pk)
    if event.kind == "accepted":
        comment = extra.get("comment", "") if event.last_accepted else ""
        report = report_services.accept_report(
            coordinator, report, version=report.version, comment=comment
        )
        if event.last_accepted:  # the latest accepted progress of each indicator is public
            report_services.set_report_public(coordinator, report, True)
    elif event.kind == "returned":
        report_services.return_report(
            coordinator, report, version=report.version, comment=data.RETURN_COMMENT
        )


def _decimal(number) -> Decimal:
    return Decimal(str(number))


def _vn(number: Decimal) -> str:
    """1234.5 as Vietnamese writes it: 1.234,5."""
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def _evidence_file(name: str, title: str, unit: str, history) -> bytes:
    if name.endswith(".xlsx"):
        return _xlsx(title, unit, history)
    lines = [
        "Ke hoach tong the thuc hien khuyen nghi UPR chu ky IV",
        "Bao cao ket qua (du lieu minh hoa / demo data)",
        "",
        *textwrap.wrap(f"Chi so: {_ascii(title)}", 80),
        "",
    ]
    lines += [f"{day:%d/%m/%Y}: {_vn(value)} {_ascii(unit)}" for day, value in history]
    return tiny_pdf(lines)


def _xlsx(title: str, unit: str, history) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Số liệu"
    sheet.append(["Chỉ số", title])
    sheet.append(["Ghi chú", "Dữ liệu minh họa"])
    sheet.append([])
    sheet.append(["Kỳ báo cáo (đến ngày)", "Giá trị", "Đơn vị"])
    for day, value in history:
        sheet.append([day, float(value), unit])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _ascii(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D").replace("–", "-")
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def tiny_pdf(lines: list[str]) -> bytes:
    """A valid one-page PDF showing `lines` (ASCII) in Helvetica."""
    shown = " T* ".join(
        "({}) Tj".format(_ascii(line).replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"))
        for line in lines
    )
    stream = f"BT /F1 11 Tf 15 TL 56 780 Td {shown} ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)
