"""Adding, listing from either end, confirming, rejecting and removing links, with history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from camket.links import services
from camket.links.models import ItemLink


def test_a_person_adds_a_confirmed_link_seen_from_both_ends(world, links_world):
    output, upr = links_world.output, world.published
    link = services.add_link(world.coordinator, output, upr, "contributes_to", note="Methadone")
    assert (link.state, link.created_by, link.decided_by) == (
        "confirmed",
        world.coordinator,
        world.coordinator,
    )
    assert link.history.get().history_user == world.coordinator
    [from_output] = services.links_of(world.viewer, output)
    assert (from_output.item, from_output.direction, from_output.link.relation) == (
        upr,
        "outgoing",
        "contributes_to",
    )
    [from_upr] = services.links_of(world.viewer, upr)
    assert (from_upr.item, from_upr.direction) == (output, "incoming")
    assert from_upr.as_dict("vi") == {
        "link": link.pk,
        "id": output.pk,
        "framework": "drug-programme",
        "reference": "1.1.1",
        "relation": "contributes_to",
        "direction": "incoming",
        "state": "confirmed",
        "level": "Đầu ra",
        "text": output.text,
    }


def test_adding_twice_keeps_one_row_and_same_subject_is_one_link_both_ways(world, links_world):
    first = services.add_link(
        world.coordinator, links_world.output, world.published, "same_subject"
    )
    assert (
        services.add_link(world.coordinator, world.published, links_world.output, "same_subject")
        == first
    )
    assert (
        services.add_link(world.coordinator, links_world.output, world.published, "same_subject")
        == first
    )
    assert ItemLink.objects.count() == 1 and first.history.count() == 1
    # implements is directed: the other way round is another link
    services.add_link(world.coordinator, links_world.output, world.published, "implements")
    services.add_link(world.coordinator, world.published, links_world.output, "implements")
    assert ItemLink.objects.count() == 3


@pytest.mark.parametrize(
    "relation, message", [("depends_on", "Unknown relation"), ("implements", "itself")]
)
def test_unknown_relations_and_self_links_are_refused(world, relation, message):
    target = world.draft if relation == "depends_on" else world.published
    with pytest.raises(ValidationError, match=message):
        services.add_link(world.coordinator, world.published, target, relation)
    assert not ItemLink.objects.exists()


def test_removing_archives_and_adding_again_confirms_the_same_row(world, links_world):
    link = services.add_link(world.coordinator, links_world.output, world.published, "implements")
    services.remove_link(links_world.mps_coordinator, link)
    assert ItemLink.objects.get().archived
    assert services.links_of(world.coordinator, world.published) == []
    assert link.history.first().history_user == links_world.mps_coordinator
    again = services.add_link(
        links_world.mps_coordinator, links_world.output, world.published, "implements"
    )
    assert (again.pk, again.archived) == (link.pk, False)
    assert again.decided_by == links_world.mps_coordinator
    assert ItemLink.objects.count() == 1


def test_a_suggestion_is_confirmed_or_rejected_once_and_history_names_who(world, links_world):
    suggested = ItemLink.objects.create(
        source=links_world.output, target=world.published, relation="contributes_to", similarity=0.4
    )
    other = ItemLink.objects.create(
        source=links_world.outcome,
        target=world.published,
        relation="contributes_to",
        similarity=0.35,
    )
    services.confirm_link(links_world.mps_coordinator, suggested)
    services.reject_link(world.coordinator, other)
    suggested.refresh_from_db()
    assert (suggested.state, suggested.decided_by) == ("confirmed", links_world.mps_coordinator)
    assert suggested.history.first().history_user == links_world.mps_coordinator
    assert other.history.first().history_user == world.coordinator
    with pytest.raises(services.AlreadyDecided):
        services.reject_link(world.coordinator, suggested)
    assert [e.item for e in services.links_of(world.coordinator, world.published)] == [
        links_world.output
    ]  # the rejected one is not listed


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
def test_only_coordinators_change_links(world, links_world, persona):
    user = getattr(world, persona)
    with pytest.raises(PermissionDenied):
        services.add_link(user, links_world.output, world.published, "implements")
    link = services.add_link(world.coordinator, links_world.output, world.published, "implements")
    with pytest.raises(PermissionDenied):
        services.remove_link(user, link)
    assert not ItemLink.objects.get().archived


def test_a_coordinator_of_one_framework_is_refused_between_items_of_another(
    world, links_world, upr_published_2
):
    mps = links_world.mps_coordinator
    # two published UPR items: the MPS coordinator sees both but does not coordinate the UPR
    with pytest.raises(PermissionDenied):
        services.add_link(mps, world.published, upr_published_2, "same_subject")
    link = services.add_link(world.coordinator, world.published, upr_published_2, "same_subject")
    with pytest.raises(PermissionDenied):
        services.remove_link(mps, link)
    assert not ItemLink.objects.get(pk=link.pk).archived
    # one end in the framework one coordinates is enough: the programme's coordinator (its
    # drafts too) and the UPR's coordinator (its drafts too) alike
    assert services.add_link(mps, links_world.draft_output, world.published, "contributes_to").pk
    assert services.add_link(
        world.coordinator, links_world.output, world.draft, "contributes_to"
    ).pk
    # but neither links an item it may not see: the other framework's drafts
    with pytest.raises(PermissionDenied):
        services.add_link(mps, links_world.output, world.draft, "implements")
    with pytest.raises(PermissionDenied):
        services.add_link(
            world.coordinator, links_world.draft_output, world.published, "implements"
        )
