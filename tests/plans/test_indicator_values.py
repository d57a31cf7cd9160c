"""Indicator values count people, laws, cases: a negative one is refused everywhere
(issue 9, item 12)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from camket.plans import indicators
from camket.plans.models import Indicator
from camket.reports.models import ProgressReport
from camket.reports.services import save_report
from tests.api.conftest import ApiClient

NEGATIVE = "An indicator's value cannot be negative."


@pytest.fixture
def due_a(plan_world):
    return plan_world.indicator_a.due_dates.order_by("due_on").first()


@pytest.mark.parametrize("field", ["baseline", "target"])
def test_the_service_refuses_a_negative_baseline_or_target(plan_world, field):
    with pytest.raises(ValidationError) as refused:
        indicators.create_indicator(
            plan_world.world.coordinator,
            {"title": "Shelters opened", "frequency_months": 6, field: Decimal("-3")},
            action=plan_world.action_a,
        )
    assert refused.value.message_dict[field] == [NEGATIVE]
    assert not Indicator.objects.filter(title="Shelters opened").exists()


def test_the_indicator_form_refuses_a_negative_target(client, plan_world):
    indicator = plan_world.indicator_a
    client.force_login(plan_world.world.coordinator)
    response = client.post(
        reverse("indicator-edit", args=[indicator.pk]),
        {
            "title": indicator.title,
            "unit": "people",
            "target": "-10",
            "frequency_months": 6,
            "starts_on": "2025-01-01",
            "ends_on": "2026-12-31",
            "version": indicator.version,
        },
    )
    assert response.status_code == 200 and "value cannot be negative" in response.content.decode()
    indicator.refresh_from_db()
    assert indicator.target is None


def test_the_api_refuses_a_negative_baseline(client, plan_world):
    indicator = plan_world.indicator_a
    response = ApiClient(client, plan_world.world.coordinator).put(
        f"/indicators/{indicator.pk}", {"baseline": "-1", "version": indicator.version}
    )
    assert response.status_code == 422
    assert response.json()["detail"]["baseline"] == [NEGATIVE]


def test_a_report_with_a_negative_value_is_refused(plan_world, due_a):
    with pytest.raises(ValidationError) as refused:
        save_report(
            plan_world.world.officer_a,
            due_a,
            {"narrative": "Fewer than before.", "indicator_value": Decimal("-5")},
            version=None,
        )
    assert refused.value.message_dict["indicator_value"] == [NEGATIVE]
    assert not ProgressReport.objects.exists()
    zero = save_report(
        plan_world.world.officer_a,
        due_a,
        {"narrative": "None yet.", "indicator_value": Decimal("0")},
        version=None,
    )
    assert zero.indicator_value == 0


def test_the_report_page_and_the_api_refuse_it_too(client, plan_world, due_a):
    client.force_login(plan_world.world.officer_a)
    response = client.post(
        reverse("due-date-report", args=[due_a.pk]),
        {"narrative": "Fewer.", "indicator_value": "-5", "version": ""},
    )
    assert "value cannot be negative" in response.content.decode()
    response = ApiClient(client, plan_world.world.officer_a).put(
        f"/due-dates/{due_a.pk}/report",
        {"narrative": "Fewer.", "indicator_value": "-5", "version": None},
    )
    assert response.status_code == 422, response.content
    assert not ProgressReport.objects.exists()
