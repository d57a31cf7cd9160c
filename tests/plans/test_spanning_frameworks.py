"""Actions span frameworks (issue 14, item 6): one action implements a UPR recommendation, a
programme output and a declaration's commitment; its accepted reports count for each."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from camket.plans.items import find_items, split_references
from camket.reports import services as report_services
from tests.api.conftest import ApiClient
from tests.commitments import make_drug_programme

LINKED = "1.1 drug-programme-2021:5.1.2, ministerial-declaration-2019:C.4"


@pytest.fixture
def spanning(plan_world):
    """action_a (agency A, published) linked to the UPR 1.1, output 5.1.2 and C.4 by the
    coordinator through the web form."""
    from django.test import Client

    drugs = make_drug_programme()
    client = Client()
    client.force_login(plan_world.world.coordinator)
    action = plan_world.action_a
    response = client.post(
        reverse("action-edit", args=[action.pk]),
        {
            "reference": "1",
            "title": action.title,
            "lead_agency": plan_world.world.agency_a.pk,
            "version": action.version,
            "recommendation_references": LINKED,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    action.refresh_from_db()
    return plan_world, drugs, action


def test_the_form_links_items_of_three_frameworks(spanning):
    plan_world, drugs, action = spanning
    assert set(action.recommendations.all()) == {
        plan_world.world.published,
        drugs.output,
        drugs.commitment,
    }
    # Linking them took the items' status from the action at once.
    for item in (drugs.output, drugs.commitment):
        item.refresh_from_db()
        assert item.implementation == "not_started"
    record = action.history.first()
    assert record.history_user == plan_world.world.coordinator


def test_an_accepted_report_changes_every_linked_item(spanning):
    plan_world, drugs, action = spanning
    world = plan_world.world
    due_date = plan_world.indicator_a.due_dates.order_by("due_on").first()
    report = report_services.save_report(
        world.officer_a,
        due_date,
        {"status": "implemented", "narrative": "Methadone in 12 more provinces."},
        version=None,
        submit=True,
    )
    report_services.accept_report(world.coordinator, report, version=report.version)
    for item in (world.published, drugs.output, drugs.commitment):
        item.refresh_from_db()
        assert item.implementation == "implemented", item.framework.slug
        assert item.history.first().history_user == world.coordinator
    drugs.output_supply.refresh_from_db()
    assert drugs.output_supply.implementation == ""  # not linked: untouched


def test_the_action_page_lists_the_items_by_framework_the_plans_first(client, spanning):
    plan_world, drugs, action = spanning
    client.force_login(spanning[0].world.viewer)
    content = client.get(reverse("action-detail", args=[action.pk])).content.decode()
    order = [
        content.index(f'data-framework="{slug}"')
        for slug in ("upr-vn-4", "ministerial-declaration-2019", "drug-programme-2021")
    ]
    assert order == sorted(order)
    assert "Output" in content and "Commitment" in content  # each item's level
    assert reverse("recommendation-detail", args=[drugs.output.pk]) in content


def test_the_page_names_the_frameworks_in_vietnamese(client, spanning):
    _, _, action = spanning
    client.force_login(spanning[0].world.viewer)
    client.cookies["django_language"] = "vi"
    content = client.get(reverse("action-detail", args=[action.pk])).content.decode()
    assert "Chương trình phòng, chống ma túy 2021-2025" in content
    assert "Đầu ra" in content


def test_unknown_and_unseen_references_are_refused_by_name(plan_world):
    world = plan_world.world
    make_drug_programme()
    refs = split_references("1.1; drug-programme-2021:9.9 upr-vn-4:1.2 nowhere:1")
    as_officer = find_items(world.officer_a, refs, default_framework=world.framework)
    # 1.2 is a draft agency A was not asked about; "nowhere" is no framework's short name,
    # so "nowhere:1" is read as a reference of the plan's framework.
    assert as_officer.unknown == ["drug-programme-2021:9.9", "upr-vn-4:1.2", "nowhere:1"]
    assert [item.reference for item in as_officer.items] == ["1.1"]
    as_coordinator = find_items(world.coordinator, refs, default_framework=world.framework)
    assert [item.reference for item in as_coordinator.items] == ["1.1", "1.2"]


def test_the_form_refuses_an_unknown_item_and_writes_nothing(client, plan_world):
    make_drug_programme()
    client.force_login(plan_world.world.coordinator)
    action = plan_world.action_a
    response = client.post(
        reverse("action-edit", args=[action.pk]),
        {
            "reference": "1",
            "title": action.title,
            "lead_agency": plan_world.world.agency_a.pk,
            "version": action.version,
            "recommendation_references": "drug-programme-2021:5.1.2 drug-programme-2021:7",
        },
    )
    assert response.status_code == 200
    assert "drug-programme-2021:7" in str(response.context["form"].errors)
    assert list(action.recommendations.all()) == [plan_world.world.published]


def test_the_api_links_items_by_reference(plan_world, client):
    def api_as(persona):
        return ApiClient(client, getattr(plan_world.world, persona))

    drugs = make_drug_programme()
    action = plan_world.action_a
    body = (
        api_as("coordinator")
        .put(
            f"/actions/{action.pk}",
            {"version": action.version, "items": ["1.1", "drug-programme-2021:5.1.2"]},
        )
        .json()
    )
    assert {(r["framework"], r["reference"]) for r in body["recommendations"]} == {
        ("upr-vn-4", "1.1"),
        ("drug-programme-2021", "5.1.2"),
    }
    kinds = {r["reference"]: r["framework_kind"] for r in body["recommendations"]}
    assert kinds["5.1.2"] == "programme"
    drugs.output.refresh_from_db()
    assert drugs.output.implementation == "not_started"
    refused = api_as("coordinator").put(
        f"/actions/{action.pk}", {"version": body["version"], "items": ["drug-programme-2021:404"]}
    )
    assert refused.status_code == 422
    assert "drug-programme-2021:404" in refused.content.decode()
    assert (
        api_as("officer_a")
        .put(f"/actions/{action.pk}", {"version": body["version"], "items": ["1.1"]})
        .status_code
        == 403
    )


def _link(*args) -> str:
    out = io.StringIO()
    call_command("plan", "link", *args, stdout=out)
    return out.getvalue()


def test_the_cli_links_and_unlinks_items(plan_world):
    make_drug_programme()
    action = plan_world.action_a
    output = _link(
        str(action.pk),
        "drug-programme-2021:5.1.2",
        "ministerial-declaration-2019:C.4",
        "--user",
        "coordinator",
        "--json",
    )
    data = json.loads(output.strip().splitlines()[-1])
    assert data["action"] == action.pk
    assert [(i["framework"], i["reference"], i["kind"]) for i in data["items"]] == [
        ("upr-vn-4", "1.1", "upr_cycle"),
        ("ministerial-declaration-2019", "C.4", "declaration"),
        ("drug-programme-2021", "5.1.2", "programme"),
    ]
    output = _link(
        str(action.pk),
        "ministerial-declaration-2019:C.4",
        "--unlink",
        "--user",
        "coordinator",
        "--json",
    )
    data = json.loads(output.strip().splitlines()[-1])
    assert [i["reference"] for i in data["items"]] == ["1.1", "5.1.2"]
    with pytest.raises(CommandError, match="drug-programme-2021:8"):
        _link(str(action.pk), "drug-programme-2021:8", "--user", "coordinator")
    with pytest.raises(CommandError):
        _link(str(action.pk), "1.1", "--user", "officer_a")  # only coordinators change actions
