"""The demo's work waiting on sign-in: each focal point of MPS and MOJ has a monthly report
overdue, one due within the reminders' window and one returned, and opinions requested; the
coordinator has an opinion to decide on. Dates follow the day the demo is loaded."""

from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from camket.accounts.models import Agency
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.states import StateResolver
from camket.inbox.models import Notification
from camket.inbox.notify import notify_due_soon
from camket.lib.history import attribute_change
from camket.plans import indicators
from camket.plans.models import Action, Indicator
from camket.plans.schedule import add_months
from camket.reports import services as report_services
from camket.review import services as review_services
from camket.review.models import Assessment

MONTHLY_INDICATORS = {
    "mps": ("Số vụ mua bán người được phát hiện, điều tra (báo cáo nhanh hằng tháng)", "vụ"),
    "moj": (
        "Số văn bản quy phạm pháp luật được rà soát theo khuyến nghị (báo cáo hằng tháng)",
        "văn bản",
    ),
}


def load_demo_work(framework, coordinator, *, today: date) -> None:
    for code, (title, unit) in MONTHLY_INDICATORS.items():
        if Indicator.objects.filter(title=title).exists():
            continue
        action = Action.objects.filter(
            plan__framework=framework,
            lead_agency__code=code,
            publication=Action.Publication.PUBLISHED,
        ).first()
        if action is not None:
            _monthly_reports(action, title, unit, coordinator, today)
    _opinion_to_decide(coordinator, today)
    _quiet_past_events()
    notify_due_soon(today)


def _monthly_reports(action, title, unit, coordinator, today) -> None:
    """Three monthly periods: the first report returned, the second late, the third due soon."""
    late_on = today - timedelta(days=12)
    starts_on = add_months(late_on + timedelta(days=1), -2)
    indicator = indicators.create_indicator(
        coordinator,
        {
            "title": title,
            "unit": unit,
            "frequency_months": 1,
            "starts_on": starts_on,
            "ends_on": today + timedelta(days=7),
        },
        action=action,
    )
    first = indicator.due_dates.order_by("due_on").first()
    officer = get_user_model().objects.get(username=f"{action.lead_agency.code}_focal")
    report = report_services.save_report(
        officer,
        first,
        {"status": "in_progress", "narrative": "Số liệu tháng đầu.", "indicator_value": 3},
        version=None,
        submit=True,
    )
    report_services.return_report(
        coordinator,
        report,
        version=report.version,
        comment=("Đề nghị bổ sung số liệu theo từng địa phương."),
    )


# Every cycle-IV item is decided: the questions awaiting a decision are a treaty body's.
OBSERVATIONS_FRAMEWORK = {
    "slug": "crc-viet-nam-observations-demo",
    "name": "CRC — concluding observations on Viet Nam (demo excerpt)",
    "name_vi": "Ủy ban Quyền trẻ em — khuyến nghị đối với Việt Nam (trích, dữ liệu mẫu)",
    "kind": "treaty_body",
    "description": "Demo items paraphrasing themes of the Committee's observations "
    "(not the official text).",
}
OBSERVATIONS = [
    (
        "CO.1",
        "Ensure that all children in conflict with the law are dealt with by a "
        "child-friendly justice system, with detention as a measure of last resort.",
        "Bảo đảm mọi trẻ em vi phạm pháp luật được xử lý theo thủ tục thân thiện với trẻ em, "
        "tước tự do chỉ là biện pháp cuối cùng.",
    ),
    (
        "CO.2",
        "Strengthen measures to prevent the sale and trafficking of children across "
        "borders and to support child victims.",
        "Tăng cường biện pháp phòng ngừa mua bán trẻ em qua biên giới và hỗ trợ trẻ em là nạn "
        "nhân.",
    ),
]


def _opinion_to_decide(coordinator, today) -> None:
    """The two observations are sent to MPS and MOJ; MPS has answered on the first."""
    framework = Framework(
        **OBSERVATIONS_FRAMEWORK, state_under_review=StateResolver().resolve("Viet Nam")
    )
    if Framework.objects.filter(slug=framework.slug).exists():
        return
    framework.apply_kind_defaults()
    framework.save()
    items = []
    for reference, text, text_vi in OBSERVATIONS:
        item = Recommendation(
            framework=framework,
            reference=reference,
            text=text,
            text_vi=text_vi,
            state_under_review=framework.state_under_review,
            status=Recommendation.Status.PUBLISHED,
        )
        attribute_change(item, coordinator)
        item.refresh_search_document([])
        item.save()
        items.append(item)
    agencies = list(Agency.objects.filter(code__in=["mps", "moj"]))
    review_services.send_for_review(coordinator, items, agencies, due_on=today + timedelta(days=21))
    answer = Assessment.objects.get(agency__code="mps", recommendation=items[0])
    review_services.save_assessment(
        get_user_model().objects.get(username="mps_focal"),
        answer,
        {
            "conforms_to_law": "partly",
            "conforms_to_policy": "yes",
            "proposed_response": "supported_in_part",
            "comment": "Ủng hộ một phần; cần lộ trình sửa đổi Luật Tư pháp người chưa thành niên.",
        },
        version=answer.version,
        submit=True,
    )


def _quiet_past_events() -> None:
    """The demo's history (reports accepted months ago) is read already, and the demo sends
    no e-mail."""
    Notification.objects.filter(
        kind=Notification.Kind.REPORT_ACCEPTED, read_at__isnull=True
    ).update(read_at=timezone.now())
    Notification.objects.filter(email=Notification.Email.PENDING).update(
        email=Notification.Email.NOT_SENT
    )
