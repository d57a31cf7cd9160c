"""Who reads which link: only whoever may see both items, and suggestions only coordinators —
in the services, the API and the item's page alike."""

import pytest

from camket.links import services
from camket.links.models import ItemLink
from tests.api.conftest import ApiClient

# Who sees each link (both its items): the UPR's drafts only its coordinator (the MPS
# coordinator reads the UPR as a viewer does), `sent_to_a` agency A's officer too; the
# suggestion (programme outcome → published UPR item) the coordinators of either framework
SEES = {
    "to_published": {"coordinator", "mps_coordinator", "officer_a", "officer_b", "viewer"},
    "to_draft": {"coordinator"},
    "to_sent_to_a": {"coordinator", "officer_a"},
    "suggested": {"coordinator", "mps_coordinator"},
}
PERSONAS = ["coordinator", "mps_coordinator", "officer_a", "officer_b", "viewer"]


@pytest.fixture
def links(world, links_world):
    def add(target, relation="contributes_to"):
        return services.add_link(world.coordinator, links_world.output, target, relation)

    suggested = ItemLink.objects.create(
        source=links_world.outcome,
        target=world.published,
        relation="contributes_to",
        similarity=0.5,
    )
    return {
        "to_published": add(world.published),
        "to_draft": add(world.draft),
        "to_sent_to_a": add(world.sent_to_a),
        "suggested": suggested,
    }


def _persona(world, links_world, name):
    return links_world.mps_coordinator if name == "mps_coordinator" else getattr(world, name)


@pytest.mark.parametrize("persona", PERSONAS)
def test_each_persona_lists_only_links_to_items_it_may_see(world, links_world, links, persona):
    user = _persona(world, links_world, persona)
    seen = {e.link.pk for e in services.links_of(user, links_world.output)}
    seen |= {e.link.pk for e in services.links_of(user, links_world.outcome)}
    assert seen == {links[name].pk for name, who in SEES.items() if persona in who}


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_api_lists_and_reads_the_same(world, links_world, links, client, persona):
    api = ApiClient(client, _persona(world, links_world, persona))
    listed = api.get(f"/recommendations/{links_world.output.pk}/links").json()
    expected = {name for name, who in SEES.items() if persona in who and name != "suggested"}
    assert {row["link"] for row in listed} == {links[name].pk for name in expected}
    assert all(row["direction"] == "outgoing" and row["framework"] == "upr-vn-4" for row in listed)
    for name, link in links.items():
        assert api.get(f"/links/{link.pk}").status_code == (200 if persona in SEES[name] else 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_item_page_shows_and_counts_only_visible_links(
    world, links_world, links, client, persona
):
    client.force_login(_persona(world, links_world, persona))
    page = client.get(f"/recommendations/{links_world.output.pk}/").content.decode()
    for name, target in [
        ("to_published", world.published),
        ("to_draft", world.draft),
        ("to_sent_to_a", world.sent_to_a),
    ]:
        shown = f'data-link="{links[name].pk}"' in page
        assert shown == (persona in SEES[name])
        assert (f'href="/recommendations/{target.pk}/"' in page) == shown
    assert "Contributes to" in page


def test_the_other_end_shows_the_link_the_other_way_with_framework_and_level(
    world, links_world, links, client
):
    client.force_login(world.viewer)
    page = client.get(
        f"/recommendations/{world.published.pk}/", headers={"accept-language": "vi"}
    ).content.decode()
    assert "Nhận đóng góp từ" in page  # "Receives contributions from"
    assert "Chương trình quốc gia phòng, chống ma túy 2021-2025 · Đầu ra" in page
    assert f'href="/recommendations/{links_world.output.pk}/"' in page
    assert "Xác nhận" not in page and "Thêm liên kết" not in page  # the viewer decides nothing


def test_suggestions_are_seen_only_by_the_coordinators_of_either_framework(
    world, links_world, upr_published_2
):
    upr_only = ItemLink.objects.create(
        source=upr_published_2, target=world.published, relation="same_subject", similarity=0.7
    )
    programme_only = ItemLink.objects.create(
        source=links_world.output,
        target=links_world.outcome,
        relation="contributes_to",
        similarity=0.5,
    )
    seen_by = {
        name: {
            e.link.pk
            for item in (world.published, links_world.outcome)
            for e in services.links_of(_persona(world, links_world, name), item)
        }
        for name in ("coordinator", "mps_coordinator")
    }
    assert seen_by == {"coordinator": {upr_only.pk}, "mps_coordinator": {programme_only.pk}}
    # once confirmed, a link is read by whoever sees both items
    ItemLink.objects.update(state="confirmed")
    assert {e.link.pk for e in services.links_of(links_world.mps_coordinator, world.published)} == {
        upr_only.pk
    }
