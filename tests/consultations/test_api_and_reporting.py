"""The API's consultation endpoints and the report section: pending and rejected comments
never leave; the moderation list is for the framework's coordinators only."""

from datetime import date

import pytest
from django.utils import timezone

from camket.consultations import services
from camket.consultations.models import Comment
from camket.consultations.reporting import consultation_section
from tests.consultations.conftest import NOT_COORDINATING, close

pytestmark = pytest.mark.django_db


@pytest.fixture
def comments(world, consultation):
    made = {}
    for text, state, item, response in (
        ("Published on the item", "published", world.draft, "Noted with thanks."),
        ("Published on the whole", "published", None, ""),
        ("Still pending", "pending", None, ""),
        ("Rejected as spam", "rejected", None, ""),
    ):
        comment = services.submit_comment(
            consultation,
            text=text,
            sender="s" * 64,
            item=item,
            name="Lê Thị B" if item else "",
            organisation="VUSTA" if item else "",
        )
        Comment.objects.filter(pk=comment.pk).update(state=state, response=response)
        made[text] = comment
    return made


def _texts(payload) -> set[str]:
    return {comment["text"] for comment in payload["comments"]}


@pytest.mark.parametrize("persona", ["anonymous", "viewer", "officer_a"])
def test_anyone_reads_a_public_consultation(client, world, consultation, comments, persona):
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    listing = client.get("/api/consultations/public")
    assert listing.status_code == 200
    assert [c["title"] for c in listing.json()] == [consultation.title]
    detail = client.get(f"/api/consultations/public/{consultation.pk}").json()
    assert [i["reference"] for i in detail["items"]] == ["1.1", "1.2"]
    assert set(detail["items"][0]) == {"id", "reference", "text", "text_vi"}
    assert detail["comments"] == [] and detail["summary"] == ""  # before the summary
    close(consultation)
    services.publish_summary(
        world.coordinator, consultation, "Two comments taken up.", version=consultation.version
    )
    detail = client.get(f"/api/consultations/public/{consultation.pk}").json()
    assert _texts(detail) == {"Published on the item", "Published on the whole"}
    assert detail["summary"] == "Two comments taken up."
    on_item = next(c for c in detail["comments"] if c["item_reference"] == "1.2")
    assert on_item["response"] == "Noted with thanks." and on_item["organisation"] == "VUSTA"
    assert "state" not in on_item and "sender_hash" not in on_item


def test_the_public_api_follows_the_portal_switch_and_the_opening(client, consultation, settings):
    from datetime import timedelta

    consultation.__class__.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() + timedelta(days=2), closes_at=timezone.now() + timedelta(days=9)
    )
    assert client.get(f"/api/consultations/public/{consultation.pk}").status_code == 404
    assert client.get("/api/consultations/public").json() == []
    settings.CAMKET_PUBLIC_PORTAL = False
    assert client.get("/api/consultations/public").status_code == 404


def test_the_coordinator_reads_every_comment_for_moderation(client, world, consultation, comments):
    client.force_login(world.coordinator)
    response = client.get(f"/api/consultations/{consultation.pk}/comments")
    assert response.status_code == 200
    assert {c["state"] for c in response.json()} == {"published", "pending", "rejected"}
    pending = client.get(f"/api/consultations/{consultation.pk}/comments?state=pending").json()
    assert [c["text"] for c in pending] == ["Still pending"]


@pytest.mark.parametrize("persona", NOT_COORDINATING)
def test_others_cannot_read_the_moderation_list(client, world, consultation, comments, persona):
    client.force_login(getattr(world, persona))
    response = client.get(f"/api/consultations/{consultation.pk}/comments")
    assert response.status_code == (404 if persona == "mps_coordinator" else 403)
    assert "Still pending" not in response.content.decode()


def test_anonymous_cannot_read_the_moderation_list(client, consultation, comments):
    assert client.get(f"/api/consultations/{consultation.pk}/comments").status_code == 401


def test_the_report_section_has_its_shape_and_only_published_comments(
    world, consultation, comments
):
    assert consultation_section(world.framework, "midterm", "en") is None
    section = consultation_section(world.framework, "positions", "vi")
    assert section.title == consultation.title
    assert isinstance(section.opens_on, date) and isinstance(section.closes_on, date)
    assert section.opens_on == timezone.localdate(consultation.opens_at)
    assert section.summary == ""  # not published yet
    assert [
        (c.item_reference, c.author, c.organisation, c.text, c.response) for c in section.comments
    ] == [
        ("1.2", "Lê Thị B", "VUSTA", "Published on the item", "Noted with thanks."),
        ("", "", "", "Published on the whole", ""),
    ]
    close(consultation)
    services.publish_summary(
        world.coordinator, consultation, "Tóm tắt", version=consultation.version
    )
    assert consultation_section(world.framework, "positions", "en").summary == "Tóm tắt"


def test_the_report_section_takes_the_latest_consultation_already_open(world, consultation):
    from datetime import timedelta

    now = timezone.now()
    services.create_consultation(
        world.coordinator,
        world.framework,
        {
            "subject": "positions",
            "title": "Third round, not open yet",
            "opens_at": now + timedelta(days=20),
            "closes_at": now + timedelta(days=40),
        },
    )
    assert consultation_section(world.framework, "positions", "en").title == consultation.title
    later = services.create_consultation(
        world.coordinator,
        world.framework,
        {
            "subject": "positions",
            "title": "Second round",
            "opens_at": now - timedelta(hours=1),
            "closes_at": now + timedelta(days=10),
        },
    )
    assert consultation_section(world.framework, "positions", "en").title == later.title
    assert consultation_section(world.framework, "positions", "en").comments == []


def test_the_demo_opens_a_consultation_with_comments_in_vietnamese(db):
    from camket.consultations.models import Consultation
    from camket.demo.loader import load_demo

    load_demo(today=timezone.localdate())
    consultation = Consultation.objects.get()
    assert consultation.framework.slug == "upr-viet-nam-cycle-4" and consultation.is_open()
    assert consultation.items.count() == 3
    assert Comment.objects.filter(state="published").exclude(response="").count() == 1
    assert Comment.objects.filter(state="pending").count() == 2
    load_demo(today=timezone.localdate())
    assert Consultation.objects.count() == 1 and Comment.objects.count() == 4


def test_the_openapi_schema_names_the_consultation_endpoints(client, world):
    client.force_login(world.viewer)
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {
        "/api/consultations/public",
        "/api/consultations/public/{pk}",
        "/api/consultations/{pk}/comments",
    } <= set(paths)
    assert not paths["/api/consultations/public"]["get"].get("security")
    assert paths["/api/consultations/{pk}/comments"]["get"]["security"]
