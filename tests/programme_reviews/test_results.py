"""The results framework page: each output's indicators, baseline, target and the values of
accepted reports per period, as each persona may see them."""

from datetime import date
from decimal import Decimal

import pytest

from camket.frameworks.models import Recommendation
from camket.plans.indicators import create_indicator
from camket.reports import services as reports

PERSONAS = ["mps_coordinator", "coordinator", "officer_a", "officer_b", "viewer"]


@pytest.fixture
def indicator(world, programme):
    """Methadone patients on output SP5.1.1, reported by agency A every 6 months of 2025: two
    periods, both reported and accepted (52,000 then 56,500)."""
    output = Recommendation.objects.get(framework=programme, reference="SP5.1.1")
    indicator = create_indicator(
        world.mps_coordinator,
        {
            "title": "People on methadone treatment",
            "unit": "people",
            "baseline": 50000,
            "target": 80000,
            "frequency_months": 6,
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2025, 12, 31),
        },
        recommendation=output,
        agency=world.agency_a,
    )
    for due_date, value in zip(indicator.due_dates.order_by("due_on"), (52000, 56500), strict=True):
        report = reports.save_report(
            world.officer_a,
            due_date,
            {"narrative": "Clinics opened.", "indicator_value": value},
            version=None,
            submit=True,
        )
        reports.accept_report(world.mps_coordinator, report, version=report.version)
    return indicator


def _rows(response):
    return {
        (output.item.reference, row.indicator.title): row.values
        for output in response.context["results"].outputs
        for row in output.indicators
    }


@pytest.mark.parametrize("persona", PERSONAS)
def test_indicator_values_over_two_reviews_are_shown(client, world, indicator, persona):
    client.force_login(getattr(world, persona))
    response = client.get("/frameworks/drug-programme/results/")
    assert response.status_code == 200
    periods = response.context["results"].periods
    assert periods == [
        (date(2025, 1, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 12, 31)),
    ]
    assert _rows(response) == {
        ("SP5.1.1", "People on methadone treatment"): [Decimal("52000.00"), Decimal("56500.00")]
    }
    page = response.content.decode()
    for shown in ("50000", "80000", "52000", "56500", "2025-06-30", "2025-12-31"):
        assert shown in page
    outputs = [output.item.reference for output in response.context["results"].outputs]
    # Only the programme's own coordinators (agency A's) see its draft output.
    coordinates = persona == "mps_coordinator"
    assert outputs == (["SP5.1.1", "SP5.1.2"] if coordinates else ["SP5.1.1"])
    assert ("Harm reduction output" in page) == coordinates


def test_a_report_not_yet_accepted_shows_no_value(client, world, programme, indicator):
    later = create_indicator(
        world.mps_coordinator,
        {
            "title": "Provinces with methadone clinics",
            "frequency_months": 6,
            "starts_on": date(2025, 1, 1),
            "ends_on": date(2025, 6, 30),
        },
        recommendation=indicator.recommendation,
        agency=world.agency_a,
    )
    reports.save_report(
        world.officer_a,
        later.due_dates.get(),
        {"narrative": "63 provinces.", "indicator_value": 63},
        version=None,
        submit=True,
    )
    client.force_login(world.viewer)
    response = client.get("/frameworks/drug-programme/results/")
    assert _rows(response)[("SP5.1.1", "Provinces with methadone clinics")] == [None, None]


def test_anonymous_is_sent_to_the_login_page(client, programme):
    response = client.get("/frameworks/drug-programme/results/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")
