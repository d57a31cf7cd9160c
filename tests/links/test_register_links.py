"""Links from an item to a register entry: add, detect, confirm, reject, remove; who; history."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from camket.links.models import RegisterLink
from camket.links.registers import (
    add_register_link,
    confirm_register_link,
    detect_register_link,
    detect_register_links,
    live_register_links,
    reject_register_link,
    remove_register_link,
)
from tests.treaties.conftest import install_instruments

MAY_CHANGE = {
    "coordinator": True,
    "officer_a": False,
    "officer_b": False,
    "viewer": False,
    "mps_coordinator": False,
}


@pytest.fixture
def cat(db):
    return install_instruments()["CAT"]


@pytest.mark.parametrize("persona", MAY_CHANGE)
def test_only_a_coordinator_of_the_items_framework_adds_a_link(world, cat, persona):
    user = getattr(world, persona)
    if MAY_CHANGE[persona]:
        link = add_register_link(user, world.published, cat, "asks_to_join")
        assert (link.state, link.created_by, link.decided_by) == ("confirmed", user, user)
        assert link.history.first().history_user == user
    else:
        with pytest.raises(PermissionDenied):
            add_register_link(user, world.published, cat, "asks_to_join")
        assert not RegisterLink.objects.exists()


@pytest.mark.parametrize("persona", MAY_CHANGE)
def test_only_a_coordinator_confirms_rejects_or_removes(world, cat, persona):
    user = getattr(world, persona)
    link = detect_register_link(world.published, cat, "asks_to_join", matched_text="ratify CAT")
    for change in (confirm_register_link, reject_register_link, remove_register_link):
        if MAY_CHANGE[persona]:
            change(user, link)
        else:
            with pytest.raises(PermissionDenied):
                change(user, link)
    link.refresh_from_db()
    assert (link.state, link.archived) == (
        ("rejected", True) if MAY_CHANGE[persona] else ("detected", False)
    )


def test_life_of_a_detected_link_with_its_history(world, cat):
    link = detect_register_link(world.published, cat, "asks_to_join", matched_text="ratify CAT")
    assert (link.state, link.created_by, link.matched_text) == ("detected", None, "ratify CAT")
    assert live_register_links().count() == 1
    confirm_register_link(world.coordinator, link)
    reject_register_link(world.coordinator, link)
    assert live_register_links().count() == 0
    assert detect_register_link(world.published, cat, "asks_to_join") is None  # never again
    reasons = [h.history_change_reason for h in link.history.order_by("history_id")]
    assert reasons == ["Found in the text", "Link confirmed", "Link rejected"]
    assert link.history.order_by("history_id").last().history_user == world.coordinator


def test_a_removed_link_is_not_detected_again_but_a_person_may_add_it_back(world, cat):
    link = detect_register_link(world.published, cat, "asks_to_join")
    remove_register_link(world.coordinator, link)
    assert detect_register_link(world.published, cat, "asks_to_join") is None
    again = add_register_link(world.coordinator, world.published, cat, "asks_to_join")
    assert again.pk == link.pk and (again.state, again.archived) == ("confirmed", False)


def test_bad_relation_is_refused(world, cat):
    with pytest.raises(ValidationError):
        add_register_link(world.coordinator, world.published, cat, "loves")


def test_bulk_detection_skips_what_exists_and_repeats_and_records_history(world, cat):
    rejected = detect_register_link(world.published, cat, "asks_to_join")
    reject_register_link(world.coordinator, rejected)
    added = detect_register_links(
        [
            (world.published.pk, cat, "asks_to_join", "ratify CAT"),
            (world.draft.pk, cat, "asks_to_join", "accede to CAT"),
            (world.draft.pk, cat, "asks_to_join", "accede to CAT"),
            (world.draft.pk, cat, "asks_to_withdraw_reservations", "withdraw reservations to CAT"),
        ]
    )
    assert added == 2
    assert RegisterLink.objects.get(pk=rejected.pk).state == "rejected"
    new = RegisterLink.objects.filter(item=world.draft)
    assert {(link.relation, link.state) for link in new} == {
        ("asks_to_join", "detected"),
        ("asks_to_withdraw_reservations", "detected"),
    }
    assert all(link.history.get().history_change_reason == "Found in the text" for link in new)
