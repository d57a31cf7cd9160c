"""Ways around the comment form's defences that are closed: a fresh IPv6 address per post, one
form token replayed, a flood from many addresses, bare-domain links, duplicates re-punctuated;
and a report draft never naming a consultation that has not opened yet."""

import time
from datetime import timedelta

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from camket.consultations import guard, services
from camket.consultations.models import Comment
from camket.documents import generate, render_pdf
from tests.consultations.conftest import form_data

pytestmark = pytest.mark.django_db


def post(client, consultation, address="198.51.100.1", **values):
    return client.post(
        f"/public/consultations/{consultation.pk}/",
        form_data(consultation, **values),
        REMOTE_ADDR=address,
    )


def test_fresh_ipv6_addresses_of_one_64_block_share_the_limit(client, consultation, settings):
    settings.CAMKET_COMMENT_RATE_LIMIT = 3
    statuses = [
        post(
            client, consultation, address=f"2001:db8:1:2::{n:x}", text=f"Offer number {n}"
        ).status_code
        for n in range(1, 6)
    ]
    assert statuses == [302, 302, 302, 400, 400]
    # The next /64 is another subscriber.
    assert (
        post(
            client, consultation, address="2001:db8:1:3::1", text="From the next block"
        ).status_code
        == 302
    )
    assert Comment.objects.count() == 4


@pytest.mark.parametrize(
    ("address", "key"),
    [
        ("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2::1", "2001:db8:1:2::/64"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("192.0.2.7", "192.0.2.7"),
        ("", ""),
        ("not an address", "not an address"),
    ],
)
def test_the_sender_key(address, key):
    assert guard.sender_key(address) == key


def test_the_stored_hash_is_of_the_64_block(settings):
    settings.CAMKET_CLIENT_IP_HEADER = ""
    request = RequestFactory().post("/", REMOTE_ADDR="2001:db8:1:2::99")
    assert guard.sender_of(request) == guard.sender_hash("2001:db8:1:2::/64")
    assert guard.sender_of(request) != guard.sender_hash("2001:db8:1:2::99")


def test_a_form_token_is_accepted_only_once(client, consultation):
    token = guard.issue_token(consultation.pk, now=time.time() - 10)
    assert post(client, consultation, token=token, text="First use").status_code == 302
    replayed = post(
        client, consultation, address="198.51.100.77", token=token, text="Second use of one token"
    )
    assert replayed.status_code == 400
    assert "expired" in replayed.content.decode()
    assert list(Comment.objects.values_list("text", flat=True)) == ["First use"]


def test_a_token_without_a_nonce_is_refused(client, consultation):
    old_style = signing.dumps(
        {"c": consultation.pk, "t": time.time() - 10}, salt=guard.FORM_SIGNING_SALT
    )
    assert post(client, consultation, token=old_style).status_code == 400
    assert not Comment.objects.exists()


def test_a_refused_form_comes_back_with_a_fresh_token(client, consultation):
    token = guard.issue_token(consultation.pk, now=time.time() - 10)
    refused = post(client, consultation, token=token, text="a.example b.example c.example")
    assert refused.status_code == 400
    fresh = refused.context["form"]["token"].value()
    assert fresh and fresh != token
    payload = signing.loads(fresh, salt=guard.FORM_SIGNING_SALT)
    assert payload["c"] == consultation.pk and payload["n"]


def test_a_flood_from_many_addresses_stops_at_the_consultation_limit(
    client, consultation, settings
):
    settings.CAMKET_COMMENT_CONSULTATION_LIMIT = 4
    statuses = [
        post(client, consultation, address=f"203.0.113.{n}", text=f"Flood message {n}").status_code
        for n in range(1, 7)
    ]
    assert statuses == [302] * 4 + [400] * 2
    assert Comment.objects.count() == 4
    assert (
        "too many comments"
        in post(client, consultation, address="203.0.113.99", text="One more").content.decode()
    )


def test_the_consultation_limit_counts_only_the_window(world, consultation, settings):
    settings.CAMKET_COMMENT_CONSULTATION_LIMIT = 1
    old = services.submit_comment(consultation, text="An hour and more ago", sender="a" * 64)
    Comment.objects.filter(pk=old.pk).update(
        submitted_at=timezone.now()
        - timedelta(seconds=settings.CAMKET_COMMENT_CONSULTATION_WINDOW_SECONDS + 1)
    )
    services.submit_comment(consultation, text="Now", sender="b" * 64)
    with pytest.raises(ValidationError, match="too many comments"):
        services.submit_comment(consultation, text="Now again", sender="c" * 64)


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("Visit example.com/path and shop.example.net and spam.xyz", 3),
        ("http://www.example.com/a counts once", 1),
        ("Mua thuốc tại nhà-thuốc.vn/khuyến-mãi", 1),
        ("[url=x]y[/url] and www.example.org", 2),
        ("Khuyến nghị 1.2 và 3.14, v.v. e.g. U.S. i.e.", 0),
        ("Write to ban.quan.ly@example.org", 0),
        ("Nghị định 15/2020/NĐ-CP, Điều 3.", 0),
        ("Khoản 1.Điều 2 and shop.example.com.", 1),
    ],
)
def test_links_are_counted_with_or_without_a_scheme(text, links):
    assert guard.count_links(text) == links


def test_three_bare_domains_are_refused(client, consultation):
    response = post(client, consultation, text="Cheap: a-shop.com/x b-shop.net c-shop.org")
    assert response.status_code == 400
    assert "links" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_link_count_stays_fast_on_long_words(settings):
    started = time.perf_counter()
    guard.check_content("a" * 5000)
    guard.check_content("a-" * 2500)
    guard.check_content("a." * 2500)
    assert time.perf_counter() - started < 1


def test_a_duplicate_differing_only_in_punctuation_is_refused(client, consultation):
    assert post(client, consultation, text="Support recommendation 1.2, please!").status_code == 302
    again = post(
        client, consultation, address="198.51.100.9", text="SUPPORT recommendation 1 2 -- please"
    )
    assert again.status_code == 400
    assert "already sent" in again.content.decode()
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("persona", ["coordinator", "officer_a", "viewer"])
def test_a_report_draft_leaves_out_a_consultation_not_open_yet(world, persona):
    now = timezone.now()
    services.create_consultation(
        world.coordinator,
        world.framework,
        {
            "subject": "positions",
            "title": "NOT-OPEN-YET-CONSULTATION",
            "description": "",
            "draft_text": "",
            "opens_at": now + timedelta(days=30),
            "closes_at": now + timedelta(days=60),
        },
        items=[],
    )
    report = generate.build_report("positions", world.framework, "en", getattr(world, persona))
    assert "NOT-OPEN-YET-CONSULTATION" not in render_pdf.render_html(report)


def test_the_migration_refolds_stored_fingerprints(consultation):
    import hashlib
    from importlib import import_module

    from django.apps import apps

    comment = services.submit_comment(
        consultation, text="Hỗ trợ, khuyến nghị 1.2!", sender="a" * 64
    )
    old_style = hashlib.sha256("hỗ trợ, khuyến nghị 1.2!".encode()).hexdigest()
    Comment.objects.filter(pk=comment.pk).update(fingerprint=old_style)
    import_module("camket.consultations.migrations.0002_fingerprints_ignore_punctuation").refold(
        apps, None
    )
    comment.refresh_from_db()
    assert comment.fingerprint == guard.fingerprint("ho tro khuyen nghi 1 2")
