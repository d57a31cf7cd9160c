"""The comment form's defences: honeypot, signed timestamp, rate limit per sender address,
length and link limits, duplicates — and the address kept only as a keyed hash."""

import time

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from camket.consultations import guard, services
from camket.consultations.models import Comment
from tests.consultations.conftest import form_data

pytestmark = pytest.mark.django_db


def post(client, consultation, address="198.51.100.1", forwarded_for="", **values):
    return client.post(
        f"/public/consultations/{consultation.pk}/",
        form_data(consultation, **values),
        REMOTE_ADDR=address,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


def test_a_filled_honeypot_is_refused(client, consultation):
    response = post(client, consultation, website="http://spam.example")
    assert response.status_code == 400
    assert "could not be accepted" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_form_sent_back_too_fast_is_refused(client, consultation):
    response = post(client, consultation, token=guard.issue_token(consultation.pk))
    assert response.status_code == 400
    assert "too quickly" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_form_older_than_a_day_is_refused(client, consultation):
    # Signed a day and a minute ago: the signature's own timestamp is what expires.
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(signing.time, "time", lambda: time.time_ns() / 1e9 - 86460)
        old = guard.issue_token(consultation.pk, now=time.time() - 86460)
    response = post(client, consultation, token=old)
    assert response.status_code == 400
    assert "expired" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("token", ["", "forged", "eyJjIjoxLCJ0IjowfQ:abc:def"])
def test_a_missing_or_forged_token_is_refused(client, consultation, token):
    assert post(client, consultation, token=token).status_code == 400
    assert not Comment.objects.exists()


def test_a_token_of_another_consultation_is_refused(client, consultation):
    other = guard.issue_token(consultation.pk + 1, now=time.time() - 10)
    assert post(client, consultation, token=other).status_code == 400


def test_the_rate_limit_counts_per_sender_address(client, consultation, settings):
    settings.CAMKET_COMMENT_RATE_LIMIT = 2
    for number in range(2):
        assert post(client, consultation, text=f"Comment number {number}").status_code == 302
    refused = post(client, consultation, text="Comment number 3")
    assert refused.status_code == 400
    assert "Too many comments" in refused.content.decode()
    # Another address is not held back.
    assert (
        post(
            client, consultation, address="198.51.100.2", text="Comment from elsewhere"
        ).status_code
        == 302
    )
    assert Comment.objects.count() == 3


def test_the_proxy_header_is_read_only_when_a_setting_names_it(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9"
    )
    settings.CAMKET_CLIENT_IP_HEADER = ""
    assert guard.sender_address(request) == "10.0.0.1"
    settings.CAMKET_CLIENT_IP_HEADER = "X-Forwarded-For"
    assert guard.sender_address(request) == "203.0.113.9"


def test_rotating_a_forged_forwarded_header_does_not_escape_the_limit(
    client, consultation, settings
):
    settings.CAMKET_COMMENT_RATE_LIMIT = 1
    assert post(client, consultation, text="First one", forwarded_for="1.1.1.1").status_code == 302
    assert post(client, consultation, text="Second one", forwarded_for="2.2.2.2").status_code == 400


def test_the_address_is_kept_only_as_a_keyed_hash(client, consultation):
    post(client, consultation, address="192.0.2.44")
    comment = Comment.objects.get()
    assert comment.sender_hash == guard.sender_hash("192.0.2.44")
    assert "192.0.2.44" not in comment.sender_hash
    assert comment.sender_hash != guard.sender_hash("192.0.2.45")


def test_too_long_a_comment_is_refused(client, consultation, settings):
    settings.CAMKET_COMMENT_MAX_CHARS = 50
    assert post(client, consultation, text="x" * 51).status_code == 400
    with pytest.raises(ValidationError):
        services.submit_comment(consultation, text="y" * 51, sender="s" * 64)
    assert not Comment.objects.exists()


def test_too_many_links_are_refused(client, consultation):
    text = "See http://a.example http://b.example and www.c.example"
    response = post(client, consultation, text=text)
    assert response.status_code == 400
    assert "links" in response.content.decode()
    assert post(client, consultation, text="See http://a.example").status_code == 302


def test_the_same_text_twice_is_refused(client, consultation):
    assert post(client, consultation, text="Ủng hộ khuyến nghị 1.2").status_code == 302
    again = post(client, consultation, address="198.51.100.9", text="  ủng hộ   khuyến nghị 1.2 ")
    assert again.status_code == 400
    assert "already sent" in again.content.decode()
    assert Comment.objects.count() == 1
