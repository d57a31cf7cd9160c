"""The date a state's position was adopted is public: in the open data as in the public API."""

import datetime

import pytest
from django.urls import reverse

from camket.frameworks.models import Recommendation

pytestmark = pytest.mark.django_db


def test_the_decision_date_is_in_the_open_data_and_the_api_alike(client, portal_world):
    item = portal_world.item
    Recommendation.objects.filter(pk=item.pk).update(decided_on=datetime.date(2024, 3, 7))
    slug = portal_world.framework.slug
    csv = client.get(
        reverse("public-export", args=[slug, "csv"]), {"columns": "reference,decided_on"}
    )
    assert csv.status_code == 200
    assert "2024-03-07" in csv.content.decode("utf-8-sig")
    data = client.get(
        reverse("public-export", args=[slug, "json"]), {"columns": "reference,decided_on"}
    ).json()
    dates = {record["reference"]: record["decided_on"] for record in data["items"]}
    assert dates[item.reference] == "2024-03-07"
    assert dates[portal_world.child.reference] is None  # never decided: no date
    api = client.get(f"/api/public/frameworks/{slug}/items").json()["items"]
    assert {i["reference"]: i["decided_on"] for i in api}[item.reference] == "2024-03-07"


def test_the_internal_columns_are_still_refused(client, portal_world):
    url = reverse("public-export", args=[portal_world.framework.slug, "csv"])
    for column in ("status", "actions"):
        assert client.get(url, {"columns": f"reference,{column}"}).status_code == 400, column


def test_the_implementation_status_is_open_data_as_on_the_portal(client, portal_world):
    url = reverse("public-export", args=[portal_world.framework.slug, "json"])
    response = client.get(url, {"columns": "reference,implementation"})
    assert response.status_code == 200
    assert all("implementation" in item for item in response.json()["items"])
