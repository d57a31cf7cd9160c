"""References, titles, names and codes hold one line; exports survive what is already stored
(issue 9, item 8)."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from openpyxl import load_workbook

from camket.plans import indicators, services
from camket.plans.models import Action, Indicator, Plan
from camket.review.models import Cluster
from camket.review.services import make_cluster
from tests.api.conftest import ApiClient

ONE_LINE = "Write this on one line"


@pytest.fixture
def api(client, plan_world):
    return ApiClient(client, plan_world.world.coordinator)


def test_the_action_form_refuses_a_reference_with_a_newline(client, plan_world):
    client.force_login(plan_world.world.coordinator)
    response = client.post(
        reverse("action-create", args=[plan_world.plan.pk]),
        {
            "reference": "7\nBcc: someone@example.org",
            "title": "Shelters",
            "lead_agency": plan_world.world.agency_b.pk,
        },
    )
    assert response.status_code == 200 and ONE_LINE in response.content.decode()
    assert not Action.objects.filter(title="Shelters").exists()


def test_the_plan_form_refuses_a_control_character_in_the_title(client, plan_world):
    client.force_login(plan_world.world.coordinator)
    response = client.post(
        reverse("plan-create"),
        {"framework": plan_world.world.framework.pk, "title": "Plan\x07 2025"},
    )
    assert response.status_code == 200 and ONE_LINE in response.content.decode()
    assert not Plan.objects.filter(title__startswith="Plan").exists()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reference", "7\n8"),
        ("title", "Shelters\r\nfor victims"),
        ("budget_source", "State\tbudget"),
    ],
)
def test_the_api_refuses_an_action_field_holding_a_control_character(plan_world, api, field, value):
    body = {"plan": plan_world.plan.pk, "title": "Shelters", "lead_agency": "moj", field: value}
    response = api.post("/actions", body)
    assert response.status_code == 422, response.content
    assert ONE_LINE in str(response.json()["detail"])
    assert not Action.objects.filter(title__startswith="Shelters").exists()


def test_the_api_strips_surrounding_whitespace(plan_world, api):
    response = api.post(
        "/actions",
        {
            "plan": plan_world.plan.pk,
            "reference": " 7\n",
            "title": "  Shelters ",
            "lead_agency": "moj",
        },
    )
    assert response.status_code == 200, response.content
    assert (response.json()["reference"], response.json()["title"]) == ("7", "Shelters")


def test_the_api_refuses_an_indicator_unit_with_a_newline(plan_world, api):
    indicator = plan_world.indicator_a
    response = api.put(
        f"/indicators/{indicator.pk}", {"unit": "people\ntrained", "version": indicator.version}
    )
    assert response.status_code == 422 and ONE_LINE in str(response.json()["detail"])
    assert Indicator.objects.get(pk=indicator.pk).unit == "people"


def test_services_refuse_it_too_so_the_cli_does(plan_world):
    coordinator = plan_world.world.coordinator
    with pytest.raises(ValidationError) as refused:
        services.create_plan(coordinator, plan_world.world.framework, {"title": "A\nB"})
    assert ONE_LINE in str(refused.value.message_dict["title"])
    with pytest.raises(ValidationError):
        indicators.create_indicator(
            coordinator, {"title": "Trained\x85", "frequency_months": 6}, action=plan_world.action_a
        )


def test_a_cluster_title_holds_one_line(client, plan_world, api):
    world = plan_world.world
    response = api.post(
        "/review/clusters",
        {
            "title": "Trafficking\nand more",
            "recommendation_ids": [world.draft.pk, world.sent_to_a.pk],
        },
    )
    assert response.status_code == 422 and ONE_LINE in str(response.json()["detail"])
    assert not Cluster.objects.exists()
    client.force_login(world.coordinator)
    page = client.post(
        reverse("recommendation-bulk"),
        {
            "action": "cluster",
            "title": "Trafficking\r\nand more",
            "ids": [world.draft.pk, world.sent_to_a.pk],
        },
        follow=True,
    )
    assert ONE_LINE in page.content.decode() and not Cluster.objects.exists()
    # Without a title, the first recommendation's text names it, on one line.
    type(world.draft).objects.filter(pk=world.draft.pk).update(text="Establish\nan\tinstitution.")
    world.draft.refresh_from_db()
    world.sent_to_a.refresh_from_db()
    cluster = make_cluster(world.coordinator, [world.draft, world.sent_to_a], "")
    assert cluster.title == "Establish an institution."


def test_an_old_multi_line_cluster_title_still_becomes_an_action(plan_world):
    world = plan_world.world
    second = type(world.published).objects.create(
        framework=world.framework,
        reference="1.9",
        text="Combat trafficking.",
        response="supported",
        status="published",
    )
    cluster = make_cluster(world.coordinator, [world.published, second], "Trafficking")
    Cluster.objects.filter(pk=cluster.pk).update(title="Trafficking\nin persons")
    cluster.refresh_from_db()
    made, _ = services.actions_from_clusters(
        world.coordinator, plan_world.plan, [cluster], world.agency_a
    )
    assert [a.title for a in made] == ["Trafficking in persons"]


def test_the_export_survives_control_characters_already_stored(client, plan_world):
    Action.objects.filter(pk=plan_world.action_a.pk).update(
        title="Train\x07 officers",
        budget_source='\x07=HYPERLINK("http://evil","x")',
        status_reason="Line one\nline two",
    )
    client.force_login(plan_world.world.coordinator)
    export = client.get(reverse("action-export"))
    assert export.status_code == 200
    sheet = load_workbook(io.BytesIO(export.content)).active
    row = {
        sheet.cell(1, column).value: sheet.cell(2, column).value
        for column in range(1, sheet.max_column + 1)
    }
    assert row["Title"] == "Train officers"
    assert row["Budget source"] == '\'=HYPERLINK("http://evil","x")'  # still inert
    assert row["Reason for the status"] == "Line one\nline two"
