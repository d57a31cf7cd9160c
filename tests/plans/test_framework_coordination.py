"""Plans belong to their framework's coordinators: the MPS coordinator plans the drug
programme and is refused on the UPR cycle's plan (MOFA's), in services, web and CLI."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse

from camket.plans import indicators, services
from camket.plans.models import Action, Plan
from camket.plans.scoping import visible_actions, visible_plans
from tests.personas import make_drug_plan, make_plan_world


@pytest.fixture
def both_plans(drug_world):
    """The UPR cycle's plan (MOFA's) and the drug programme's plan (MPS's)."""
    return make_plan_world(drug_world), make_drug_plan(drug_world)


def test_the_mps_coordinator_plans_the_drug_programme(both_plans):
    upr, drug = both_plans
    world = upr.world

    assert drug.plan.created_by == world.mps_coordinator
    assert drug.action.history.first().history_user == world.mps_coordinator
    assert drug.indicator.due_dates.count() == 4
    updated = services.update_action(
        world.mps_coordinator, drug.action, {"title": "Ten clinics"}, version=drug.action.version
    )
    assert updated.title == "Ten clinics"


@pytest.mark.parametrize(
    ("persona", "other"), [("mps_coordinator", "upr"), ("coordinator", "drug")]
)
def test_a_coordinator_is_refused_on_the_other_framework_plan(both_plans, persona, other):
    upr, drug = both_plans
    user = getattr(upr.world, persona)
    plan, action, indicator = (
        (upr.plan, upr.action_a, upr.indicator_a)
        if other == "upr"
        else (drug.plan, drug.action, drug.indicator)
    )
    refusals = [
        lambda: services.create_plan(user, plan.framework, {"title": "Mine now"}),
        lambda: services.update_plan(user, plan, {"title": "Renamed"}, version=plan.version),
        lambda: services.create_action(
            user, plan, {"title": "Extra", "lead_agency": upr.world.agency_b}
        ),
        lambda: services.update_action(user, action, {"title": "Renamed"}, version=action.version),
        lambda: services.set_action_status(user, action, "implemented", version=action.version),
        lambda: services.set_publication(user, [action], "archived"),
        lambda: indicators.create_indicator(
            user, {"title": "More", "frequency_months": 12}, action=action
        ),
        lambda: indicators.update_indicator(
            user, indicator, {"title": "Renamed"}, version=indicator.version
        ),
    ]
    for refused in refusals:
        with pytest.raises(PermissionDenied, match="Only the coordinators of"):
            refused()

    action.refresh_from_db()
    indicator.refresh_from_db()
    assert action.title != "Renamed" and indicator.title != "Renamed"
    assert action.publication == "published" and action.status == "not_started"
    assert Plan.objects.count() == 2


def test_neither_coordinator_sees_the_other_framework_draft_actions(both_plans):
    upr, drug = both_plans
    world = upr.world
    services.set_publication(world.mps_coordinator, [drug.action], "draft")

    assert drug.action not in visible_actions(world.coordinator)
    assert upr.action_b not in visible_actions(world.mps_coordinator)  # MOFA's draft
    assert set(visible_plans(world.mps_coordinator)) == {upr.plan, drug.plan}  # UPR: published
    assert drug.plan not in visible_plans(world.coordinator)


# --- web ---------------------------------------------------------------------------------------


def test_web_plan_form_offers_only_coordinated_frameworks(drug_world, client):
    client.force_login(drug_world.mps_coordinator)

    form = client.get(reverse("plan-create")).context["form"]
    refused = client.post(
        reverse("plan-create"), {"framework": drug_world.framework.pk, "title": "UPR plan by MPS"}
    )

    assert list(form.fields["framework"].queryset) == [drug_world.drug_programme]
    assert refused.status_code == 200 and "framework" in refused.context["form"].errors
    assert not Plan.objects.exists()


@pytest.mark.parametrize(("persona", "status"), [("mps_coordinator", 403), ("coordinator", 200)])
def test_web_edit_pages_of_the_upr_plan(both_plans, client, persona, status):
    upr, _drug = both_plans
    client.force_login(getattr(upr.world, persona))

    for name, args in [
        ("plan-edit", [upr.plan.pk]),
        ("action-create", [upr.plan.pk]),
        ("action-edit", [upr.action_a.pk]),
        ("action-indicator-create", [upr.action_a.pk]),
        ("indicator-edit", [upr.indicator_a.pk]),
    ]:
        assert client.get(reverse(name, args=args)).status_code == status, name


def test_web_status_post_on_another_framework_is_refused(both_plans, client):
    upr, drug = both_plans
    client.force_login(upr.world.coordinator)

    response = client.post(
        reverse("action-status", args=[drug.action.pk]),
        {"status": "implemented", "reason": "", "version": drug.action.version},
    )
    publication = client.post(
        reverse("action-publication"), {"ids": [drug.action.pk], "publication": "archived"}
    )
    listing = client.get(reverse("action-list")).content.decode()

    assert response.status_code == 403 and publication.status_code == 403
    drug.action.refresh_from_db()
    assert (drug.action.status, drug.action.publication) == ("not_started", "published")
    assert f'value="{drug.action.pk}" form="publication-form"' not in listing
    assert f'value="{upr.action_a.pk}" form="publication-form"' in listing


# --- CLI ---------------------------------------------------------------------------------------


def test_cli_status_change_on_another_framework_is_refused(both_plans):
    upr, drug = both_plans

    with pytest.raises(CommandError, match="Only the coordinators of"):
        call_command(
            "plan",
            "status",
            str(upr.action_a.pk),
            "implemented",
            "--user",
            "mps_coordinator",
            stdout=StringIO(),
        )
    out = StringIO()
    call_command(
        "plan",
        "status",
        str(drug.action.pk),
        "implemented",
        "--user",
        "mps_coordinator",
        stdout=out,
    )

    assert Action.objects.get(pk=upr.action_a.pk).status == "not_started"
    assert Action.objects.get(pk=drug.action.pk).status == "implemented"
