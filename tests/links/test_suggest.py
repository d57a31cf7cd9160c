"""Suggested links between two frameworks: similarity, relation and direction, never again
after a rejection, refreshed rather than repeated, and asked for only by a coordinator."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from camket.links import services
from camket.links.models import ItemLink
from camket.links.suggest import suggest_links
from tests.personas import make_recommendation

METHADONE = "Expand methadone maintenance treatment for people who use opioids in every province."


@pytest.fixture
def declaration(world):
    from camket.frameworks.models import Framework

    return Framework.objects.create(
        slug="cnd-2019", name="2019 Ministerial Declaration", kind="declaration"
    )


def test_alike_texts_are_suggested_with_a_relation_and_a_direction(world, links_world, declaration):
    world.draft.text = METHADONE  # nearly the output's text
    world.draft.save()
    world.published.text = "Expand treatment services for people who use drugs in provinces."
    world.published.save()
    outcome = suggest_links(links_world.programme, world.framework, user=world.coordinator)
    found = {(link.source, link.target, link.relation) for link in outcome.links}
    assert (links_world.output, world.draft, "same_subject") in found
    # less alike: the national programme contributes to the international commitment
    assert (links_world.outcome, world.published, "contributes_to") in found
    assert all(
        link.state == "suggested" and link.created_by is None and link.similarity >= 0.3
        for link in outcome.links
    )
    assert not any(link.source.framework == link.target.framework for link in outcome.links)
    # two commitments of the same sort: no direction can be told, so no contributes_to
    make_recommendation(
        declaration, "OP1", "Expand treatment services for people who use drugs in all provinces."
    )
    between = suggest_links(declaration, world.framework)
    assert {link.relation for link in between.links} <= {"same_subject"}


def test_a_second_run_repeats_nothing_and_rejected_pairs_never_come_back(world, links_world):
    world.draft.text = METHADONE
    world.draft.save()
    first = suggest_links(links_world.programme, world.framework)
    assert first.created == 1
    link = first.links[0]
    assert suggest_links(links_world.programme, world.framework).created == 0
    services.reject_link(world.coordinator, link)
    again = suggest_links(world.framework, links_world.programme)
    assert (again.created, again.skipped) == (0, 1)
    assert ItemLink.objects.get().state == "rejected"
    # a removed link is not suggested again either
    ItemLink.objects.all().update(state="confirmed")
    services.remove_link(world.coordinator, ItemLink.objects.get())
    assert suggest_links(links_world.programme, world.framework).created == 0


def test_confirming_a_suggestion_records_who(world, links_world):
    # a published UPR item: the programme's coordinator sees both ends, so may decide
    world.published.text = METHADONE
    world.published.save()
    [link] = suggest_links(links_world.programme, world.framework).links
    services.confirm_link(links_world.mps_coordinator, link)
    link.refresh_from_db()
    assert link.decided_by == links_world.mps_coordinator
    assert [h.history_user for h in link.history.order_by("history_date")] == [
        None,
        links_world.mps_coordinator,
    ]


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
def test_only_a_coordinator_of_either_framework_asks_for_suggestions(world, links_world, persona):
    with pytest.raises(PermissionDenied):
        suggest_links(links_world.programme, world.framework, user=getattr(world, persona))
    assert (
        suggest_links(
            links_world.programme, world.framework, user=links_world.mps_coordinator
        ).created
        >= 0
    )
    with pytest.raises(ValidationError):
        suggest_links(world.framework, world.framework)
