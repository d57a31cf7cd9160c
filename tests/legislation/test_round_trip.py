"""Finding 7 of review 11: the register's export is an importable register. Importing it again,
by the coordinator who exported it or by the system, writes nothing: no act, no link, no
version, no history."""

import pytest
from django.urls import reverse

from camket.legislation import services
from camket.legislation.importing import import_laws
from camket.legislation.models import LegalAct
from camket.links.models import RegisterLink
from tests.legislation.test_import import GOOD, HEADER


def _import(text, user=None):
    return import_laws("laws.csv", text.encode("utf-8"), user=user)


def _footprint():
    """What an import would leave behind if it wrote anything."""
    return (
        LegalAct.objects.count(),
        LegalAct.history.count(),
        RegisterLink.objects.count(),
        RegisterLink.history.count(),
        sorted(LegalAct.objects.values_list("pk", "version")),
    )


@pytest.fixture
def register(drug_world, instruments):
    """GOOD (a numbered law linked to a drug-programme item by its coordinator, a repealed law,
    a numberless draft), and an act whose title a spreadsheet would run as a formula."""
    outcome = _import(GOOD, user=drug_world.mps_coordinator)
    assert outcome.errors == [] and outcome.commitment_links == 1
    services.create_act(
        None, {"kind": "decree", "title_vi": "=1+1 Nghị định", "status": "drafting"}
    )
    return drug_world


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
@pytest.mark.parametrize("importer", ["coordinator", "system"])
def test_an_export_imported_again_writes_nothing(client, register, fmt, importer):
    coordinator = register.coordinator  # may not link the drug programme's items
    client.force_login(coordinator)
    response = client.get(reverse("legislation:export", args=[fmt]))
    assert response.status_code == 200
    assert b"drug-programme:1" in response.content or fmt == "xlsx"
    before = _footprint()
    outcome = import_laws(
        f"legal-acts.{fmt}",
        response.content,
        user=coordinator if importer == "coordinator" else None,
    )
    assert [str(error) for error in outcome.errors] == []
    assert (
        outcome.created,
        outcome.updated,
        outcome.instrument_links,
        outcome.commitment_links,
    ) == (0, 0, 0, 0)
    assert outcome.unchanged == 4
    assert _footprint() == before


def test_an_officer_imports_the_export_of_acts_they_may_not_edit(client, register):
    officer = register.officer_b  # of agency B: the acts are agency A's or the ministry's
    client.force_login(officer)
    response = client.get(reverse("legislation:export", args=["csv"]))
    before = _footprint()
    outcome = import_laws("legal-acts.csv", response.content, user=officer)
    assert outcome.errors == [] and (outcome.created, outcome.updated) == (0, 0)
    assert _footprint() == before
    changed = response.content.decode("utf-8-sig").replace("National Assembly", "Quốc hội")
    refused = _import(changed, user=officer)
    assert [e.column for e in refused.errors] == ["number"]
    assert "may not edit" in str(refused.errors[0]) and _footprint() == before


def test_a_new_link_to_an_existing_act_still_needs_the_items_coordinator(register):
    row = HEADER + (
        "66/2011/QH12,law,Luật Phòng chống mua bán người,,,repealed,2011-03-29,,"
        "2025-07-01,,,drug-programme:1\n"
    )
    refused = _import(row, user=register.coordinator)
    assert [(e.row, e.column) for e in refused.errors] == [(2, "commitments")]
    linked = _import(row, user=register.mps_coordinator)
    assert (linked.errors, linked.updated, linked.commitment_links) == ([], 0, 1)


def test_a_removed_link_is_not_live_and_adding_it_again_is_checked(register):
    act = LegalAct.objects.get(number="73/2021/QH14")
    services.unlink_commitment(None, act, register.drug_published)
    row = HEADER + (
        '73/2021/QH14,law,"Luật Phòng, chống ma túy",,,in_force,,,,,,drug-programme:1\n'
    )
    refused = _import(row, user=register.coordinator)
    assert [(e.row, e.column) for e in refused.errors] == [(2, "commitments")]


def test_a_numberless_act_is_found_by_kind_title_and_adoption_date(register):
    draft = LegalAct.objects.get(title_vi="Dự thảo luật")
    row = HEADER + ",law,dự thảo luật,Draft law,,drafting,,,,,,\n"
    outcome = _import(row)
    assert (outcome.errors, outcome.created, outcome.updated) == ([], 0, 1)
    draft.refresh_from_db()
    assert draft.title == "Draft law" and draft.version == 2
    other_kind = _import(HEADER + ",decree,Dự thảo luật,,,drafting,,,,,,\n")
    assert (other_kind.created, other_kind.updated) == (1, 0)
    other_date = _import(HEADER + ",law,Dự thảo luật,,,drafting,2020-01-01,,,,,\n")
    assert (other_date.created, other_date.updated) == (1, 0)


def test_a_numberless_row_matching_two_acts_is_refused(register):
    services.create_act(None, {"kind": "law", "title_vi": "Dự thảo luật", "status": "pending"})
    before = _footprint()
    outcome = _import(HEADER + ",law,Dự thảo luật,,,drafting,,,,,,\n")
    assert [(e.row, e.column) for e in outcome.errors] == [(2, "title_vi")]
    assert "2 acts without a number" in str(outcome.errors[0])
    assert _footprint() == before


def test_the_same_numberless_act_twice_in_a_file_is_refused(register):
    outcome = _import(HEADER + ",law,Luật mới,,,drafting,,,,,,\n,law,Luật mới,,,pending,,,,,,\n")
    assert [(e.row, e.column) for e in outcome.errors] == [(3, "title_vi")]
    assert not LegalAct.objects.filter(title_vi="Luật mới").exists()
