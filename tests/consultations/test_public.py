"""The public pages: anyone reads an opened consultation and comments while it is open; only
what the coordinator attached is shown, and published comments only after the summary."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from camket.consultations import services
from camket.consultations.models import Comment, Consultation
from tests.consultations.conftest import PERSONAS, close, form_data

pytestmark = pytest.mark.django_db


def page_url(consultation) -> str:
    return f"/public/consultations/{consultation.pk}/"


@pytest.mark.parametrize("persona", [*PERSONAS, "anonymous"])
def test_everyone_reads_an_open_consultation_of_a_framework_off_the_portal(
    client, world, consultation, persona
):
    assert not world.framework.public
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    listing = client.get("/public/consultations/").content.decode()
    assert consultation.title in listing
    page = client.get(page_url(consultation))
    assert page.status_code == 200
    text = page.content.decode()
    assert "The ministry proposes to support 1.1" in text
    assert world.published.text in text and world.draft.text in text
    # Only the items the coordinator chose: not the draft sent to agency A for an opinion.
    assert world.sent_to_a.text not in text


def test_nothing_else_of_the_framework_leaks(client, world, consultation):
    from camket.review.services import decide

    decide(
        world.coordinator,
        world.draft,
        response="noted",
        reason="Internal reason XYZ",
        decided_on=None,
        version=world.draft.version,
    )
    text = client.get(page_url(consultation)).content.decode()
    assert "Internal reason XYZ" not in text
    assert "Noted" not in text
    assert "New Zealand" not in text  # recommending states are not part of what was shown


def test_a_consultation_not_yet_open_or_of_an_archived_framework_is_not_shown(
    client, world, consultation
):
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() + timedelta(days=1)
    )
    assert client.get(page_url(consultation)).status_code == 404
    assert consultation.title not in client.get("/public/consultations/").content.decode()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() - timedelta(days=1)
    )
    world.framework.__class__.objects.filter(pk=world.framework.pk).update(archived=True)
    assert client.get(page_url(consultation)).status_code == 404


def test_pages_are_gone_when_the_portal_is_off(client, consultation, settings):
    settings.CAMKET_PUBLIC_PORTAL = False
    assert client.get("/public/consultations/").status_code == 404
    assert client.get(page_url(consultation)).status_code == 404


def test_anonymous_comment_on_the_whole_draft_with_csrf_on(world, consultation):
    client = Client(enforce_csrf_checks=True)
    page = client.get(page_url(consultation))
    token = page.cookies["csrftoken"].value
    data = form_data(
        consultation, csrfmiddlewaretoken=token, name="Nguyễn Văn A", organisation="Hội Luật gia"
    )
    response = client.post(page_url(consultation), data, REMOTE_ADDR="203.0.113.7")
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.item, comment.name, comment.organisation) == (
        None,
        "Nguyễn Văn A",
        "Hội Luật gia",
    )
    assert comment.state == Comment.State.PENDING
    assert "203.0.113.7" not in comment.sender_hash and len(comment.sender_hash) == 64
    assert "your comment was received" in client.get(response.url).content.decode()


def test_a_post_without_the_csrf_token_is_refused(world, consultation):
    client = Client(enforce_csrf_checks=True)
    assert client.post(page_url(consultation), form_data(consultation)).status_code == 403
    assert not Comment.objects.exists()


def test_anonymous_comment_on_one_item_without_name(client, world, consultation):
    response = client.post(
        page_url(consultation), form_data(consultation, item=str(world.draft.pk))
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.item == world.draft and comment.name == "" and comment.organisation == ""


def test_an_item_not_shown_cannot_be_commented(client, world, consultation):
    response = client.post(
        page_url(consultation), form_data(consultation, item=str(world.sent_to_a.pk))
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_closed_consultation_refuses_comments_with_a_message(client, world, consultation):
    close(consultation)
    text = client.get(page_url(consultation)).content.decode()
    assert "comments are no longer accepted" in text
    assert 'name="text"' not in text
    response = client.post(page_url(consultation), form_data(consultation))
    assert response.status_code == 400
    assert "closed on" in response.content.decode()
    assert not Comment.objects.exists()


def test_not_yet_open_consultation_refuses_comments_in_the_service(world, consultation):
    from django.core.exceptions import ValidationError

    Consultation.objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=5)
    )
    consultation.refresh_from_db()
    with pytest.raises(ValidationError, match="not open yet"):
        services.submit_comment(consultation, text="Early", sender="x" * 64)


def _comment(consultation, text, state, item=None, response=""):
    comment = services.submit_comment(consultation, text=text, sender="s" * 64, item=item)
    Comment.objects.filter(pk=comment.pk).update(state=state, response=response)
    return comment


def test_only_published_comments_appear_and_only_after_the_summary(client, world, consultation):
    _comment(
        consultation,
        "Published comment text",
        "published",
        item=world.draft,
        response="Thank you, we will study it.",
    )
    _comment(consultation, "Pending comment text", "pending")
    _comment(consultation, "Rejected spam text", "rejected")
    text = client.get(page_url(consultation)).content.decode()
    assert "Published comment text" not in text  # before the summary
    close(consultation)
    services.publish_summary(
        world.coordinator,
        consultation,
        "Three comments were received.",
        version=consultation.version,
    )
    text = client.get(page_url(consultation)).content.decode()
    assert "Three comments were received." in text
    assert "Published comment text" in text and "Thank you, we will study it." in text
    assert "Pending comment text" not in text and "Rejected spam text" not in text


def test_html_in_a_comment_is_escaped(client, world, consultation):
    _comment(consultation, '<script>alert("x")</script><b>bold</b>', "published")
    Comment.objects.update(name="<img src=x onerror=alert(1)>")
    close(consultation)
    services.publish_summary(
        world.coordinator, consultation, "<i>summary</i>", version=consultation.version
    )
    text = client.get(page_url(consultation)).content.decode()
    assert "<script>alert" not in text and "<img src=x" not in text and "<i>summary" not in text
    assert "&lt;script&gt;alert" in text and "&lt;img src=x" in text
    client.force_login(world.coordinator)
    text = client.get(f"/consultations/{consultation.pk}/").content.decode()
    assert "<script>alert" not in text and "&lt;script&gt;alert" in text


def test_the_public_downloads_the_attached_draft_only(client, world, consultation):
    assert client.get(f"{page_url(consultation)}draft/").status_code == 404
    services.attach_draft(world.coordinator, consultation, "draft.pdf", b"%PDF-1.4\n%%EOF\n")
    response = client.get(f"{page_url(consultation)}draft/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "draft.pdf" in client.get(page_url(consultation)).content.decode()


def test_comment_on_this_item_preselects_it(client, world, consultation):
    page = client.get(f"{page_url(consultation)}?item={world.draft.pk}").content.decode()
    assert f'<option value="{world.draft.pk}" selected>' in page
    other = client.get(f"{page_url(consultation)}?item={world.sent_to_a.pk}").content.decode()
    assert '<option value="" selected>' in other  # not shown: the whole draft stays chosen
