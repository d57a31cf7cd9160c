"""A consultation's summary and published comments end the report draft on its subject."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from camket.consultations import services
from camket.consultations.models import Comment
from tests.documents.conftest import make


@pytest.fixture
def consultation(document_world):
    world = document_world
    cache.clear()  # the comment rate limit counts in the cache
    now = timezone.now()
    consultation = services.create_consultation(
        world.coordinator,
        world.framework,
        {
            "subject": "positions",
            "title": "Góp ý dự thảo lập trường",
            "description": "",
            "draft_text": "",
            "opens_at": now - timedelta(days=30),
            "closes_at": now + timedelta(days=1),
        },
        items=[world.published],
    )
    for number, (text, state, item, response) in enumerate(
        (
            ("Cần làm rõ thời hạn.", "published", world.published, "Đã bổ sung thời hạn."),
            ("<b>Whole</b> document comment.", "published", None, ""),
            ("Still pending moderation", "pending", None, ""),
            ("Rejected as spam", "rejected", None, ""),
        )
    ):
        comment = services.submit_comment(
            consultation,
            text=text,
            sender=f"{number:064}",
            item=item,
            name="Nguyễn Văn A" if item else "",
            organisation="Hội Luật gia" if item else "",
        )
        Comment.objects.filter(pk=comment.pk).update(state=state, response=response)
    return consultation


def test_no_section_without_a_consultation_on_the_subject(document_world, consultation):
    assert "Góp ý dự thảo lập trường" not in make("plan", document_world.framework, "docx")


@pytest.mark.parametrize("file_format", ["docx", "pdf"])
def test_published_comments_are_exported_with_the_report(document_world, consultation, file_format):
    flat = " ".join(make("positions", document_world.framework, file_format, "vi").split())
    for expected in (
        "Góp ý dự thảo lập trường",
        "Nguyễn Văn A",
        "Hội Luật gia",
        "Cần làm rõ thời hạn.",
        "Đã bổ sung thời hạn.",
        "<b>Whole</b> document comment.",
        document_world.published.reference,
    ):
        assert expected in flat, expected
    assert "Still pending moderation" not in flat
    assert "Rejected as spam" not in flat
