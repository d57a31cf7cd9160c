"""The "Treaties and laws" card of an item's page and the register-links API, per persona."""

import pytest
from django.urls import reverse

from camket.links.models import RegisterLink
from camket.links.registers import detect_register_link
from tests.api.conftest import ApiClient

CHANGES = {"coordinator": True, "officer_a": False, "officer_b": False, "viewer": False}


@pytest.fixture
def detected(world, instruments):
    return detect_register_link(
        world.published,
        instruments["OP-CAT"],
        "asks_to_join",
        matched_text="ratify the <b>Optional Protocol</b>",
    )


def page(client, user, item):
    client.force_login(user)
    return client.get(reverse("recommendation-detail", args=[item.pk]))


@pytest.mark.parametrize("persona", CHANGES)
def test_the_card_lists_links_and_offers_decisions_only_to_the_coordinator(
    client, world, detected, persona
):
    html = page(client, getattr(world, persona), world.published).content.decode()
    assert "Treaties and laws" in html and "OP-CAT" in html
    assert "Found in the text" in html
    assert "&lt;b&gt;Optional Protocol&lt;/b&gt;" in html and "<b>Optional" not in html
    confirm = reverse("register-link-confirm", args=[detected.pk])
    assert (confirm in html) == CHANGES[persona]
    assert ("Add an instrument" in html) == CHANGES[persona]


def test_an_item_without_links_says_so(client, world, instruments):
    html = page(client, world.coordinator, world.published).content.decode()
    assert "Not linked to any instrument, legal act or agreement." in html


def test_anonymous_visitors_get_no_card(client, world, detected):
    response = client.get(reverse("recommendation-detail", args=[world.published.pk]))
    assert response.status_code in (302, 404)
    assert b"Treaties and laws" not in response.content


@pytest.mark.parametrize("persona", CHANGES)
def test_posting_decisions(client, world, detected, persona):
    client.force_login(getattr(world, persona))
    response = client.post(reverse("register-link-confirm", args=[detected.pk]))
    assert response.status_code == (302 if CHANGES[persona] else 403)
    detected.refresh_from_db()
    assert detected.state == ("confirmed" if CHANGES[persona] else "detected")
    if CHANGES[persona]:
        client.post(reverse("register-link-remove", args=[detected.pk]))
        detected.refresh_from_db()
        assert detected.archived
        html = page(client, world.coordinator, world.published).content.decode()
        assert f'data-register-link="{detected.pk}"' not in html


def test_adding_an_instrument_from_the_page(client, world, instruments):
    client.force_login(world.coordinator)
    response = client.post(
        reverse("register-link-add", args=[world.published.pk]),
        {"instrument": "CED", "relation": "asks_to_join", "note": "by hand"},
    )
    assert response.status_code == 302
    link = RegisterLink.objects.get()
    assert (link.instrument.key, link.state, link.created_by) == (
        "CED",
        "confirmed",
        world.coordinator,
    )
    client.post(
        reverse("register-link-add", args=[world.published.pk]),
        {"instrument": "NOPE", "relation": "asks_to_join"},
    )
    assert RegisterLink.objects.count() == 1


def test_a_link_on_an_item_out_of_scope_is_404(client, world, instruments):
    hidden = detect_register_link(world.draft, instruments["CAT"], "asks_to_join")
    client.force_login(world.officer_b)
    assert client.post(reverse("register-link-reject", args=[hidden.pk])).status_code == 404
    assert (
        client.post(
            reverse("register-link-add", args=[world.draft.pk]),
            {"instrument": "CAT", "relation": "asks_to_join"},
        ).status_code
        == 404
    )


@pytest.mark.parametrize("persona", CHANGES)
def test_api_reads_and_changes_per_persona(client, world, detected, persona):
    api = ApiClient(client, getattr(world, persona))
    listed = api.get(f"/recommendations/{world.published.pk}/register-links")
    assert listed.status_code == 200
    (row,) = listed.json()
    assert (row["instrument"], row["state"], row["relation"]) == (
        "OP-CAT",
        "detected",
        "asks_to_join",
    )
    assert row["matched_text"] == "ratify the <b>Optional Protocol</b>"
    expected = 200 if CHANGES[persona] else 403
    assert api.post(f"/register-links/{detected.pk}/confirm").status_code == expected
    added = api.post(
        "/register-links",
        {"item": world.published.pk, "instrument": "CED", "relation": "asks_to_join"},
    )
    assert added.status_code == expected
    if CHANGES[persona]:
        assert added.json()["state"] == "confirmed"
        assert api.post(f"/register-links/{detected.pk}/reject").json()["state"] == "rejected"
        assert api.post(f"/register-links/{detected.pk}/remove").json()["archived"] is True


def test_api_is_scoped_like_the_item(client, world, instruments):
    hidden = detect_register_link(world.draft, instruments["CAT"], "asks_to_join")
    api = ApiClient(client, world.officer_b)
    assert api.get(f"/recommendations/{world.draft.pk}/register-links").status_code == 404
    assert api.post(f"/register-links/{hidden.pk}/confirm").status_code == 404
    assert (
        api.post(
            "/register-links",
            {"item": world.draft.pk, "instrument": "CAT", "relation": "asks_to_join"},
        ).status_code
        == 404
    )
    coordinator = ApiClient(client, world.coordinator)
    assert (
        coordinator.post(
            "/register-links",
            {
                "item": world.published.pk,
                "instrument": "CAT",
                "legal_act": 1,
                "relation": "asks_to_join",
            },
        ).status_code
        == 422
    )
    assert (
        coordinator.post(
            "/register-links",
            {"item": world.published.pk, "instrument": "NOPE", "relation": "asks_to_join"},
        ).status_code
        == 404
    )
    anonymous = client.get(f"/api/recommendations/{world.published.pk}/register-links")
    assert anonymous.status_code == 401


def test_legal_acts_and_agreements_with_no_optional_field_are_listed(client, world, instruments):
    from camket.cooperation.models import Agreement
    from camket.frameworks.models import State
    from camket.legislation.models import LegalAct
    from camket.links.registers import add_register_link

    act = LegalAct.objects.create(
        kind=LegalAct.Kind.values[0],
        title_vi="Luật Phòng, chống ma túy",
        status=LegalAct.Status.values[0],
    )
    partner = State.objects.create(iso3="LAO", name="Lao People's Democratic Republic")
    agreement = Agreement.objects.create(
        partner=partner, kind="extradition", status=Agreement.Status.SIGNED
    )
    add_register_link(world.coordinator, world.published, act, "implemented_by")
    add_register_link(world.coordinator, world.published, agreement, "concerns")
    html = page(client, world.coordinator, world.published).content.decode()
    assert "Luật Phòng, chống ma túy" in html
    assert "Lao People&#x27;s Democratic Republic" in html
    rows = (
        ApiClient(client, world.viewer)
        .get(f"/recommendations/{world.published.pk}/register-links")
        .json()
    )
    assert {(r["legal_act"], r["agreement"], r["instrument"]) for r in rows} == {
        (act.pk, None, None),
        (None, agreement.pk, None),
    }
