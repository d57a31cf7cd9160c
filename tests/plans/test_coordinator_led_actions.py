"""The coordinating ministry leads actions of its own: the pickers offer it and keep it."""

from django.urls import reverse

from camket.plans import services
from camket.plans.models import Action


def _coordinator_client(client, plan_world):
    client.force_login(plan_world.world.coordinator)
    return client


def test_an_action_led_by_the_coordinating_ministry_opens_with_its_lead(client, plan_world):
    world = plan_world.world
    action = services.create_action(
        world.coordinator,
        plan_world.plan,
        {
            "reference": "3",
            "title": "Report to the Human Rights Council",
            "lead_agency": world.coordinating_agency,
        },
        co_agencies=[world.agency_a],
    )

    response = _coordinator_client(client, plan_world).get(reverse("action-edit", args=[action.pk]))

    form = response.context["form"]
    assert world.coordinating_agency in form.fields["lead_agency"].queryset
    assert world.coordinating_agency in form.fields["co_agencies"].queryset
    assert f'<option value="{world.coordinating_agency.pk}" selected>' in response.content.decode()


def test_saving_an_action_led_by_the_coordinating_ministry_keeps_its_lead(client, plan_world):
    world = plan_world.world
    action = services.create_action(
        world.coordinator,
        plan_world.plan,
        {
            "reference": "3",
            "title": "Report to the Human Rights Council",
            "lead_agency": world.coordinating_agency,
        },
    )
    edit = _coordinator_client(client, plan_world).get(reverse("action-edit", args=[action.pk]))
    form = edit.context["form"]
    posted = {
        name: form[name].value()
        for name in ("reference", "title", "lead_agency", "start_on", "target_on", "version")
    }
    posted = {k: ("" if v is None else v) for k, v in posted.items()}

    response = client.post(
        reverse("action-edit", args=[action.pk]), {**posted, "title": "Report to the Council"}
    )

    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.title, action.lead_agency) == (
        "Report to the Council",
        world.coordinating_agency,
    )


def test_the_coordinating_ministry_can_be_chosen_as_a_co_agency(client, plan_world):
    world = plan_world.world
    response = _coordinator_client(client, plan_world).post(
        reverse("action-create", args=[plan_world.plan.pk]),
        {
            "title": "Joint campaign",
            "lead_agency": world.agency_a.pk,
            "co_agencies": [world.coordinating_agency.pk],
        },
    )

    assert response.status_code == 302
    action = Action.objects.get(title="Joint campaign")
    assert list(action.co_agencies.all()) == [world.coordinating_agency]


def test_the_action_list_filters_by_the_coordinating_ministry(client, plan_world):
    world = plan_world.world
    services.create_action(
        world.coordinator,
        plan_world.plan,
        {
            "reference": "3",
            "title": "Report to the Human Rights Council",
            "lead_agency": world.coordinating_agency,
        },
    )

    response = _coordinator_client(client, plan_world).get(
        reverse("action-list"), {"agency": world.coordinating_agency.code}
    )

    assert world.coordinating_agency in response.context["agencies"]
    assert [a.reference for a in response.context["page"]] == ["3"]
