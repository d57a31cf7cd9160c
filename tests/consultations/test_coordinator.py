"""Only the framework's coordinators open, edit, close, moderate, answer, summarise and export
a consultation: in the services and on the signed-in pages, persona by persona."""

from datetime import timedelta
from io import BytesIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from openpyxl import load_workbook

from camket.consultations import services
from camket.consultations.models import Comment, Consultation
from camket.lib.concurrency import StaleEdit
from tests.consultations.conftest import NOT_COORDINATING, close

pytestmark = pytest.mark.django_db


def values(**changes) -> dict:
    now = timezone.now()
    return {
        "subject": "plan",
        "title": "Draft master plan",
        "description": "",
        "draft_text": "Actions 1 to 12.",
        "opens_at": now,
        "closes_at": now + timedelta(days=30),
        **changes,
    }


def a_comment(consultation, text="Please add a deadline.") -> Comment:
    return services.submit_comment(consultation, text=text, sender="s" * 64)


# Services -------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", [*NOT_COORDINATING, "anonymous"])
def test_only_coordinators_of_the_framework_open_a_consultation(world, persona):
    with pytest.raises(PermissionDenied):
        services.create_consultation(getattr(world, persona), world.framework, values())
    assert not Consultation.objects.exists()


def test_the_mps_coordinator_opens_one_on_the_framework_they_coordinate(drug_world):
    consultation = services.create_consultation(
        drug_world.mps_coordinator,
        drug_world.drug_programme,
        values(subject="midterm"),
        items=[drug_world.drug_draft],
    )
    assert list(consultation.items.all()) == [drug_world.drug_draft]
    with pytest.raises(PermissionDenied):
        services.create_consultation(drug_world.coordinator, drug_world.drug_programme, values())


@pytest.mark.parametrize("persona", [*NOT_COORDINATING, "anonymous"])
def test_others_cannot_manage_a_consultation(world, consultation, persona):
    user = getattr(world, persona)
    comment = a_comment(consultation)
    for attempt in (
        lambda: services.update_consultation(
            user, consultation, {"title": "X"}, version=consultation.version
        ),
        lambda: services.close_consultation(user, consultation, version=consultation.version),
        lambda: services.attach_draft(user, consultation, "d.pdf", b"%PDF-1.4\n"),
        lambda: services.moderate(user, comment, "published", version=comment.version),
        lambda: services.answer(user, comment, "Thanks", version=comment.version),
        lambda: services.publish_summary(user, consultation, "S", version=consultation.version),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    comment.refresh_from_db()
    assert comment.state == "pending" and comment.response == ""


def test_items_of_another_framework_and_a_backward_period_are_refused(drug_world):
    with pytest.raises(ValidationError):
        services.create_consultation(
            drug_world.coordinator,
            drug_world.framework,
            values(),
            items=[drug_world.drug_published],
        )
    now = timezone.now()
    with pytest.raises(ValidationError):
        services.create_consultation(
            drug_world.coordinator, drug_world.framework, values(opens_at=now, closes_at=now)
        )


def test_moderation_answer_summary_and_history(world, consultation):
    comment = a_comment(consultation)
    services.moderate(world.coordinator, comment, "published", version=comment.version)
    services.answer(world.coordinator, comment, "Đã tiếp thu.", version=comment.version)
    with pytest.raises(StaleEdit):
        services.answer(world.coordinator, comment, "Late", version=1)
    with pytest.raises(ValidationError, match="Close the consultation"):
        services.publish_summary(
            world.coordinator, consultation, "Summary", version=consultation.version
        )
    services.close_consultation(world.coordinator, consultation, version=consultation.version)
    assert not consultation.is_open()
    services.publish_summary(
        world.coordinator, consultation, "One comment, accepted.", version=consultation.version
    )
    assert consultation.summary_published_at is not None
    comment_history = list(comment.history.order_by("history_id"))
    assert [h.state for h in comment_history] == ["pending", "published", "published"]
    assert comment_history[-1].response == "Đã tiếp thu."
    assert comment_history[-1].history_user == world.coordinator
    consultation_history = list(consultation.history.order_by("history_id"))
    # Opened (with its items), closed, summarised: each step kept with who did it.
    assert consultation_history[0].summary == "" and consultation_history[0].history_type == "+"
    assert consultation_history[-1].summary == "One comment, accepted."
    assert consultation_history[-2].closes_at < consultation_history[0].closes_at
    assert {h.history_user for h in consultation_history} == {world.coordinator}


def test_a_new_draft_document_archives_the_previous(world, consultation):
    first = services.attach_draft(world.coordinator, consultation, "v1.pdf", b"%PDF-1.4\n")
    second = services.attach_draft(world.coordinator, consultation, "v2.pdf", b"%PDF-1.4\n2")
    first.refresh_from_db()
    assert first.archived and not second.archived
    with pytest.raises(ValidationError):
        services.attach_draft(world.coordinator, consultation, "v3.pdf", b"not a pdf")


# Pages ----------------------------------------------------------------------------------

PAGES = [
    "/consultations/",
    "/frameworks/upr-vn-4/consultations/new/",
    "/consultations/{pk}/",
    "/consultations/{pk}/comments.csv",
    "/consultations/{pk}/comments.xlsx",
    "/consultations/{pk}/draft/",
]
POSTS = [
    "/consultations/{pk}/close/",
    "/consultations/{pk}/summary/",
    "/consultations/{pk}/comments/{comment}/",
]


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
def test_officers_and_viewers_are_refused_every_page(client, world, consultation, persona):
    comment = a_comment(consultation)
    client.force_login(getattr(world, persona))
    for url in PAGES + POSTS:
        url = url.format(pk=consultation.pk, comment=comment.pk)
        response = (
            client.post(url, {"state": "published", "version": 1, "summary": "S"})
            if url in [p.format(pk=consultation.pk, comment=comment.pk) for p in POSTS]
            else client.get(url)
        )
        assert response.status_code == 403, url
    comment.refresh_from_db()
    assert comment.state == "pending"
    assert Consultation.objects.get().closes_at > timezone.now()


def test_anonymous_is_sent_to_sign_in(client, consultation):
    for url in PAGES:
        response = client.get(url.format(pk=consultation.pk))
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_coordinator_of_another_framework_sees_nothing_of_it(client, world, consultation):
    comment = a_comment(consultation)
    client.force_login(world.mps_coordinator)
    assert consultation.title not in client.get("/consultations/").content.decode()
    assert client.get("/frameworks/upr-vn-4/consultations/new/").status_code == 403
    for url in PAGES[2:]:
        assert client.get(url.format(pk=consultation.pk)).status_code == 404
    response = client.post(
        f"/consultations/{consultation.pk}/comments/{comment.pk}/",
        {"state": "published", "version": comment.version},
    )
    assert response.status_code == 404
    comment.refresh_from_db()
    assert comment.state == "pending"


def test_the_coordinator_opens_a_consultation_from_the_page(client, world):
    client.force_login(world.coordinator)
    assert "upr-vn-4" in client.get("/consultations/").content.decode()
    response = client.post(
        "/frameworks/upr-vn-4/consultations/new/",
        {
            "subject": "positions",
            "title": "Dự thảo lập trường",
            "opens_at": "2026-01-01T08:00",
            "closes_at": "2026-02-01T17:00",
            "items": [world.draft.pk],
            "description": "",
            "draft_text": "Nội dung dự thảo",
        },
    )
    consultation = Consultation.objects.get()
    assert response.status_code == 302 and response.url == f"/consultations/{consultation.pk}/"
    assert list(consultation.items.all()) == [world.draft]
    assert consultation.created_by == world.coordinator


def test_the_coordinator_moderates_answers_closes_and_summarises(client, world, consultation):
    comment = a_comment(consultation)
    client.force_login(world.coordinator)
    page = client.get(f"/consultations/{consultation.pk}/").content.decode()
    assert "Please add a deadline." in page
    client.post(
        f"/consultations/{consultation.pk}/comments/{comment.pk}/",
        {"state": "published", "response": "We will add one.", "version": comment.version},
    )
    comment.refresh_from_db()
    assert (comment.state, comment.response, comment.responded_by) == (
        "published",
        "We will add one.",
        world.coordinator,
    )
    client.post(f"/consultations/{consultation.pk}/close/", {"version": consultation.version})
    consultation.refresh_from_db()
    assert not consultation.is_open()
    client.post(
        f"/consultations/{consultation.pk}/summary/",
        {"summary": "One comment.", "version": consultation.version},
    )
    consultation.refresh_from_db()
    assert consultation.summary == "One comment." and consultation.summary_is_published


def test_export_lists_every_comment_with_formulas_neutralised(client, world, consultation):
    a_comment(consultation, '=HYPERLINK("http://evil")')
    rejected = a_comment(consultation, "Spam spam")
    Comment.objects.filter(pk=rejected.pk).update(state="rejected")
    client.force_login(world.coordinator)
    csv_text = client.get(f"/consultations/{consultation.pk}/comments.csv").content.decode()
    assert "'=HYPERLINK" in csv_text and "Spam spam" in csv_text
    response = client.get(f"/consultations/{consultation.pk}/comments.xlsx")
    sheet = load_workbook(BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Item" and len(rows) == 3
    assert rows[1][3].startswith("'=") and rows[1][0] == "Whole draft"
    assert rows[2][5] == "Rejected (spam or off-topic)"


def test_a_closed_consultation_still_lists_for_its_coordinator(client, world, consultation):
    close(consultation)
    client.force_login(world.coordinator)
    assert consultation.title in client.get("/consultations/").content.decode()


def test_the_coordinator_downloads_the_current_draft(client, world, consultation):
    services.attach_draft(world.coordinator, consultation, "v1.pdf", b"%PDF-1.4\nfirst")
    services.attach_draft(world.coordinator, consultation, "v2.pdf", b"%PDF-1.4\nsecond")
    client.force_login(world.coordinator)
    response = client.get(f"/consultations/{consultation.pk}/draft/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4\nsecond"
