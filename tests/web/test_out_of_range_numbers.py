"""Numbers too big for the database in the address are ignored (web) or refused (API), never a
server error (issue 9, item 12)."""

import pytest
from django.urls import reverse

from camket.lib.numbers import MAX_ID, positive_int, positive_ints
from camket.plans.models import Action
from tests.api.conftest import ApiClient

BIG = "99999999999999999999"
ODD = ["²", "-1", "0", "1e3", " 12 ", "0x1f", "１２"]

WEB_LISTS = [
    "recommendation-list",
    "action-list",
    "action-export",
    "plan-list",
    "report-queue",
    "suggestion-list",
    "review-progress",
    "my-assessments",
    "near-duplicates",
    "dashboard",
]
WEB_PARAMETERS = [
    "page",
    "state",
    "theme",
    "action_category",
    "agency",
    "cluster",
    "like",
    "plan",
    "recommendation",
    "limit",
]
API_LISTS = [
    "/recommendations",
    "/actions",
    "/due-dates",
    "/suggestions",
    "/plans",
    "/review/assessments",
    "/review/progress",
    "/frameworks",
    "/dashboard",
    "/recommendations/{pk}/similar",
]


def test_positive_int():
    assert positive_int("12") == 12 and positive_int(12) == 12
    assert positive_int(str(MAX_ID)) == MAX_ID and positive_int(str(MAX_ID + 1)) is None
    assert positive_int(BIG) is None and positive_int(None) is None and positive_int(True) is None
    assert [positive_int(value) for value in ODD] == [None, None, None, None, 12, None, None]
    assert positive_ints(["3", BIG, "²", "", "4"]) == [3, 4]


@pytest.mark.parametrize("name", WEB_LISTS)
def test_every_list_page_ignores_a_huge_or_odd_number(client, plan_world, name):
    client.force_login(plan_world.world.coordinator)
    for value in [BIG, *ODD]:
        for parameter in WEB_PARAMETERS:
            response = client.get(reverse(name), {parameter: value})
            assert response.status_code == 200, (parameter, value, response.status_code)


def test_an_ignored_filter_lists_as_if_it_were_not_given(client, plan_world):
    client.force_login(plan_world.world.coordinator)

    def listed(query):
        return list(client.get(reverse("action-list"), query).context["page"].object_list)

    assert listed({"plan": BIG}) == listed({}) != []
    published = plan_world.world.published
    found = client.get(reverse("recommendation-list"), {"cluster": BIG, "theme": "²"})
    assert published in found.context["page"].object_list


@pytest.mark.parametrize("path", API_LISTS)
def test_every_api_list_answers_a_huge_number_with_a_client_error(client, plan_world, path):
    api = ApiClient(client, plan_world.world.coordinator)
    path = path.format(pk=plan_world.world.published.pk)
    for value in [BIG, *ODD]:
        for parameter in [*WEB_PARAMETERS, "page_size"]:
            response = api.get(path, {parameter: value})
            assert response.status_code in (200, 422), (parameter, value, response.status_code)
    assert api.get(path, {"page": BIG}).status_code in (200, 422)


def test_api_ids_out_of_range_are_refused_with_422(client, plan_world):
    api = ApiClient(client, plan_world.world.coordinator)
    assert api.get("/actions", {"plan": BIG}).status_code == 422
    assert api.get("/actions", {"page": BIG}).status_code == 422
    assert api.get("/suggestions", {"recommendation": BIG}).status_code == 422
    response = api.post("/actions/publication", {"ids": [int(BIG)], "publication": "published"})
    assert response.status_code == 422


def test_posted_ids_out_of_range_are_ignored(client, plan_world):
    client.force_login(plan_world.world.coordinator)
    action = plan_world.action_b
    response = client.post(
        reverse("action-publication"),
        {"publication": "published", "ids": [BIG, "²", str(action.pk)]},
    )
    assert response.status_code == 302
    assert Action.objects.get(pk=action.pk).publication == "published"
    response = client.post(reverse("recommendation-bulk"), {"action": "publish", "ids": [BIG]})
    assert response.status_code == 302
