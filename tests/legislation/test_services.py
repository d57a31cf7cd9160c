from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from camket.legislation import services
from camket.legislation.models import LegalAct
from camket.lib.concurrency import StaleEdit
from camket.links.models import RegisterLink


def test_coordinator_creates_an_act_with_instruments_and_history(
    world, instruments, drug_law_values
):
    act = services.create_act(
        world.coordinator, drug_law_values, instruments=[instruments["DRUGS-1961"]]
    )
    assert list(act.instruments.values_list("key", flat=True)) == ["DRUGS-1961"]
    assert act.history.earliest().history_user == world.coordinator


def test_edit_bumps_the_version_and_a_stale_edit_is_refused(world, drug_law_values):
    act = services.create_act(world.coordinator, drug_law_values)
    services.update_act(world.coordinator, act, {"title": "Law on Drugs"}, version=1)
    assert LegalAct.objects.get(pk=act.pk).version == 2
    with pytest.raises(StaleEdit):
        services.update_act(
            world.coordinator, LegalAct.objects.get(pk=act.pk), {"title": "Other"}, version=1
        )
    assert LegalAct.objects.get(pk=act.pk).title == "Law on Drugs"


def test_instrument_links_are_in_the_history_with_the_user(world, instruments, drug_law_values):
    act = services.create_act(world.coordinator, drug_law_values)
    services.link_instrument(world.coordinator, act, instruments["DRUGS-1988"], version=1)
    latest = act.history.latest()
    assert latest.history_user == world.coordinator
    assert [row.instrument.key for row in latest.instruments.all()] == ["DRUGS-1988"]
    with pytest.raises(StaleEdit):
        services.unlink_instrument(world.coordinator, act, instruments["DRUGS-1988"], version=1)
    services.unlink_instrument(world.coordinator, act, instruments["DRUGS-1988"], version=2)
    assert not act.instruments.exists()
    assert act.history.latest().instruments.count() == 0


@pytest.mark.parametrize(
    "change, field",
    [
        ({"in_force_on": date(2020, 1, 1)}, "in_force_on"),
        ({"status": "repealed"}, "repealed_on"),
        ({"repealed_on": date(2023, 1, 1)}, "repealed_on"),
        ({"status": "repealed", "repealed_on": date(2021, 12, 31)}, "repealed_on"),
        ({"kind": "poem"}, "kind"),
        ({"title_vi": ""}, "title_vi"),
        ({"title": "Two\nlines"}, "title"),
    ],
)
def test_status_and_date_rules(world, drug_law_values, change, field):
    with pytest.raises(ValidationError) as refused:
        services.create_act(world.coordinator, {**drug_law_values, **change})
    assert field in refused.value.message_dict
    assert not LegalAct.objects.exists()


def test_a_repealed_act_with_its_date_is_accepted(world, drug_law_values):
    act = services.create_act(
        world.coordinator,
        {**drug_law_values, "status": "repealed", "repealed_on": date(2025, 7, 1)},
    )
    assert act.status == "repealed"


def test_number_is_unique_when_set_and_drafts_have_none(world, drug_law_values):
    services.create_act(world.coordinator, drug_law_values)
    with pytest.raises(ValidationError) as refused:
        services.create_act(world.coordinator, {**drug_law_values, "number": "73/2021/qh14"})
    assert "number" in refused.value.message_dict
    draft = {"kind": "law", "status": "drafting", "title_vi": "Dự thảo"}
    services.create_act(world.coordinator, draft)
    services.create_act(world.coordinator, draft)
    assert LegalAct.objects.filter(number="").count() == 2


def test_who_may_edit(world, drug_law_values):
    with pytest.raises(PermissionDenied):
        services.create_act(world.viewer, drug_law_values)
    with pytest.raises(PermissionDenied):  # an agency's officer adds only its own acts
        services.create_act(world.officer_a, drug_law_values)
    act = services.create_act(
        world.officer_a, {**drug_law_values, "drafting_agency": world.agency_a}
    )
    assert act.history.earliest().history_user == world.officer_a
    with pytest.raises(PermissionDenied):
        services.update_act(world.officer_b, act, {"title": "x"}, version=act.version)
    with pytest.raises(PermissionDenied):  # nor hands it over to another agency
        services.update_act(
            world.officer_a, act, {"drafting_agency": world.agency_b}, version=act.version
        )
    act.refresh_from_db()
    services.update_act(world.mps_coordinator, act, {"title": "By MPS"}, version=act.version)
    services.update_act(world.coordinator, act, {"title": "By MOFA"}, version=act.version)
    with pytest.raises(PermissionDenied):  # a coordinator of another ministry
        services.archive_act(
            world.mps_coordinator,
            services.create_act(
                world.coordinator, {"kind": "law", "status": "drafting", "title_vi": "X"}
            ),
            version=1,
        )


def test_archived_act_leaves_its_number_free_and_cannot_be_linked(world, drug_law_values):
    act = services.create_act(world.coordinator, drug_law_values)
    services.archive_act(world.coordinator, act, version=1)
    services.create_act(world.coordinator, drug_law_values)
    with pytest.raises(ValidationError):
        services.link_commitment(world.coordinator, act, world.published)
    with pytest.raises(ValidationError):  # restoring it would duplicate the number
        services.archive_act(world.coordinator, act, version=act.version, archived=False)


def test_commitments_are_linked_by_the_items_coordinator(drug_world, drug_law_values):
    world = drug_world
    act = services.create_act(world.coordinator, drug_law_values)
    with pytest.raises(PermissionDenied):  # MOFA does not coordinate the drug programme
        services.link_commitment(world.coordinator, act, world.drug_published)
    link = services.link_commitment(world.mps_coordinator, act, world.drug_published)
    assert (link.relation, link.state) == ("implemented_by", "confirmed")
    assert link.history.latest().history_user == world.mps_coordinator
    services.unlink_commitment(world.mps_coordinator, act, world.drug_published)
    assert RegisterLink.objects.get(pk=link.pk).archived
    with pytest.raises(ValidationError):
        services.unlink_commitment(world.mps_coordinator, act, world.drug_published)


def test_find_commitment_hides_items_the_user_may_not_see(drug_world):
    world = drug_world
    name = "drug-programme:1.1"  # a draft of the programme MPS coordinates
    assert services.find_commitment(world.mps_coordinator, name) == world.drug_draft
    assert services.find_commitment(None, name) == world.drug_draft
    with pytest.raises(ValidationError):
        services.find_commitment(world.officer_b, name)
    with pytest.raises(ValidationError):
        services.find_commitment(world.viewer, "no-such:1")
    with pytest.raises(ValidationError):
        services.find_commitment(world.viewer, "1.1")


def test_an_edit_that_changes_nothing_writes_nothing(world, instruments, drug_law_values):
    act = services.create_act(
        world.coordinator, drug_law_values, instruments=[instruments["DRUGS-1961"]]
    )
    history = act.history.count()
    same = {**drug_law_values, "title": f"  {drug_law_values['title']} "}
    services.update_act(
        world.coordinator,
        LegalAct.objects.get(pk=act.pk),
        same,
        version=act.version,
        instruments=[instruments["DRUGS-1961"]],
    )
    stored = LegalAct.objects.get(pk=act.pk)
    assert (stored.version, stored.history.count()) == (act.version, history)
    with pytest.raises(StaleEdit):  # an old form is still refused, even if it changes nothing
        services.update_act(world.coordinator, stored, same, version=act.version - 1)
    services.update_act(
        world.coordinator, stored, {**same, "status": "amended"}, version=stored.version
    )
    changed = LegalAct.objects.get(pk=act.pk)
    assert (changed.version, changed.history.count()) == (act.version + 1, history + 1)
    assert changed.history.latest().history_change_reason == "Act changed"
