"""The demo's consultation: the UPR framework's draft positions open for comments, with a few
comments in Vietnamese (one published and answered, one rejected as spam, two awaiting)."""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from camket.consultations import guard, services
from camket.consultations.models import Comment, Consultation

TITLE = "Lấy ý kiến dự thảo lập trường của Việt Nam đối với khuyến nghị UPR chu kỳ IV"
DESCRIPTION = (
    "Bộ Ngoại giao lấy ý kiến các cơ quan, tổ chức và cá nhân về dự thảo lập trường "
    "đối với các khuyến nghị Việt Nam nhận được tại phiên rà soát UPR chu kỳ IV."
)
DRAFT_TEXT = (
    "Dự kiến: chấp thuận các khuyến nghị về phòng, chống mua bán người và quyền của "
    "người khuyết tật; ghi nhận các khuyến nghị cần tiếp tục nghiên cứu.\n\n"
    "Ý kiến góp ý xin gửi trong thời hạn lấy ý kiến."
)
# (item index or None for the whole draft, name, organisation, text, state, response)
COMMENTS = [
    (
        0,
        "Nguyễn Thị Hoa",
        "Hội Liên hiệp Phụ nữ Việt Nam",
        "Đề nghị chấp thuận khuyến nghị này và bổ sung biện pháp hỗ trợ nạn nhân là phụ nữ, "
        "trẻ em.",
        Comment.State.PUBLISHED,
        "Cảm ơn ý kiến; nội dung hỗ trợ nạn nhân sẽ được đưa vào kế hoạch thực hiện.",
    ),
    (
        None,
        "",
        "",
        "Dự thảo nên nêu rõ lộ trình và cơ quan chủ trì cho từng khuyến nghị.",
        Comment.State.PENDING,
        "",
    ),
    (
        1,
        "Trần Văn Minh",
        "",
        "Cần tham vấn thêm các tổ chức của người khuyết tật.",
        Comment.State.PENDING,
        "",
    ),
    (None, "", "", "Mua hàng giá rẻ tại http://spam.example", Comment.State.REJECTED, ""),
]


def load_demo_consultation(framework, coordinator, *, today: date) -> None:
    """Once: a consultation already on the framework is left as it is."""
    if Consultation.objects.filter(framework=framework).exists():
        return
    opens = timezone.make_aware(datetime.combine(today - timedelta(days=7), time(8)))
    items = list(framework.recommendations.order_by("id")[:3])
    consultation = services.create_consultation(
        coordinator,
        framework,
        {
            "subject": Consultation.Subject.POSITIONS,
            "title": TITLE,
            "description": DESCRIPTION,
            "draft_text": DRAFT_TEXT,
            "opens_at": opens,
            "closes_at": opens + timedelta(days=28),
        },
        items=items,
    )
    for number, (index, name, organisation, text, state, response) in enumerate(COMMENTS):
        # Written directly: the demo's dates need not be open at the real time of loading.
        comment = Comment.objects.create(
            consultation=consultation,
            item=items[index] if index is not None else None,
            name=name,
            organisation=organisation,
            text=text,
            fingerprint=guard.fingerprint(text),
            sender_hash=guard.sender_hash(f"demo-{number}"),
            submitted_at=opens + timedelta(days=1, hours=number),
        )
        if state != Comment.State.PENDING:
            services.moderate(coordinator, comment, state, version=comment.version)
        if response:
            services.answer(coordinator, comment, response, version=comment.version)
