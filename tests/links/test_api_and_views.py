"""Adding, confirming, rejecting and removing links through the API and the web pages: the same
refusals as the services, for every persona."""

import pytest

from camket.links import services
from camket.links.models import ItemLink
from tests.api.conftest import ApiClient

# persona → may it change a link between the UPR cycle and the drug programme?
CHANGES = {
    "coordinator": True,
    "mps_coordinator": True,
    "officer_a": False,
    "officer_b": False,
    "viewer": False,
}


def _user(world, links_world, name):
    return links_world.mps_coordinator if name == "mps_coordinator" else getattr(world, name)


@pytest.mark.parametrize("persona", CHANGES)
def test_api_add_confirm_reject_archive(world, links_world, client, persona):
    api = ApiClient(client, _user(world, links_world, persona))
    response = api.post(
        "/links",
        {"source": links_world.output.pk, "target": world.published.pk, "relation": "implements"},
    )
    assert response.status_code == (200 if CHANGES[persona] else 403)
    link = services.add_link(world.coordinator, links_world.output, world.published, "implements")
    suggested = ItemLink.objects.create(
        source=links_world.outcome,
        target=world.published,
        relation="contributes_to",
        similarity=0.4,
    )
    # suggestions are not shown to non-coordinators: 404, not 403
    status = api.post(f"/links/{suggested.pk}/confirm").status_code
    assert status == (200 if CHANGES[persona] else 404)
    assert api.post(f"/links/{suggested.pk}/reject").status_code == (
        409 if CHANGES[persona] else 404
    )
    assert api.client.delete(f"/api/links/{link.pk}", headers=api.headers).status_code == (
        200 if CHANGES[persona] else 403
    )
    link.refresh_from_db()
    assert link.archived == CHANGES[persona]


def test_api_refuses_a_coordinator_of_another_framework_and_bad_input(
    world, links_world, upr_published_2, client
):
    api = ApiClient(client, links_world.mps_coordinator)
    # two published UPR items: seen by the MPS coordinator, not coordinated by it
    upr_only = {
        "source": world.published.pk,
        "target": upr_published_2.pk,
        "relation": "same_subject",
    }
    assert api.post("/links", upr_only).status_code == 403
    # a UPR draft is no item to it: 404, not 403
    assert api.post("/links", {**upr_only, "target": world.draft.pk}).status_code == 404
    assert api.post("/links", {**upr_only, "relation": "depends_on"}).status_code == 422
    coordinator = ApiClient(client, world.coordinator)
    assert (
        coordinator.post("/links", {**upr_only, "target": world.published.pk}).status_code == 422
    )  # itself
    assert (
        ApiClient(client, world.viewer)
        .post("/links", {**upr_only, "source": links_world.output.pk, "target": world.draft.pk})
        .status_code
        == 404
    )  # draft
    added = coordinator.post("/links", upr_only).json()
    assert (added["state"], added["decided_by"], added["source"]["framework"]) == (
        "confirmed",
        "coordinator",
        "upr-vn-4",
    )
    assert client.get(f"/api/recommendations/{world.published.pk}/links").status_code == 401


@pytest.mark.parametrize("persona", CHANGES)
def test_web_add_form(world, links_world, client, persona):
    client.force_login(_user(world, links_world, persona))
    response = client.post(
        f"/recommendations/{world.published.pk}/links/",
        {
            "direction": "incoming",
            "relation": "contributes_to",
            "framework": "drug-programme",
            "reference": "1.1.1",
            "note": "Methadone",
        },
    )
    assert response.status_code == (302 if CHANGES[persona] else 403)
    if CHANGES[persona]:
        link = ItemLink.objects.get()
        assert (link.source, link.target, link.note) == (
            links_world.output,
            world.published,
            "Methadone",
        )
        page = client.get(response.url).content.decode()
        assert "Add a link" in page and "Remove link" in page
    else:
        assert not ItemLink.objects.exists()


def test_web_add_names_an_unknown_item(world, links_world, client):
    client.force_login(world.coordinator)
    response = client.post(
        f"/recommendations/{world.published.pk}/links/",
        {"relation": "implements", "framework": "drug-programme", "reference": "9"},
        follow=True,
    )
    assert "There is no item 9 in framework drug-programme." in response.content.decode()
    assert not ItemLink.objects.exists()


@pytest.mark.parametrize("persona", CHANGES)
def test_pending_suggestions_page_and_decisions(
    world, links_world, upr_published_2, client, persona
):
    suggested = ItemLink.objects.create(
        source=links_world.outcome,
        target=world.published,
        relation="contributes_to",
        similarity=0.4,
    )
    upr_only = ItemLink.objects.create(
        source=upr_published_2, target=world.published, relation="same_subject", similarity=0.7
    )
    upr_confirmed = services.add_link(
        world.coordinator, upr_published_2, world.published, "implements"
    )
    client.force_login(_user(world, links_world, persona))
    page = client.get("/links/suggestions/")
    assert page.status_code == (200 if CHANGES[persona] else 403)
    if persona == "mps_coordinator":  # only the suggestions of the framework it coordinates
        html = page.content.decode()
        assert f"/links/{suggested.pk}/confirm/" in html
        assert f"/links/{upr_only.pk}/confirm/" not in html
        # it reads the UPR as a viewer does: a UPR suggestion is not shown to it (404), and a
        # confirmed UPR link it sees is not its to remove (403)
        assert client.post(f"/links/{upr_only.pk}/reject/").status_code == 404
        assert client.post(f"/links/{upr_confirmed.pk}/remove/").status_code == 403
        upr_confirmed.refresh_from_db()
        assert not upr_confirmed.archived
    response = client.post(f"/links/{suggested.pk}/reject/")
    assert response.status_code == (302 if CHANGES[persona] else 404)
    suggested.refresh_from_db()
    assert suggested.state == ("rejected" if CHANGES[persona] else "suggested")


def test_suggestions_can_be_run_from_the_page(world, links_world, client):
    world.draft.text = links_world.output.text
    world.draft.save()
    client.force_login(links_world.mps_coordinator)
    response = client.post(
        "/links/suggestions/run/",
        {"framework_a": "drug-programme", "framework_b": "upr-vn-4"},
        follow=True,
    )
    assert "1 new suggested link(s)." in response.content.decode()
    assert ItemLink.objects.get().state == "suggested"
    client.force_login(world.officer_a)
    assert (
        client.post(
            "/links/suggestions/run/", {"framework_a": "drug-programme", "framework_b": "upr-vn-4"}
        ).status_code
        == 403
    )
