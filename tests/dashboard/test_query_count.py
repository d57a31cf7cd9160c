"""The dashboard's number of queries does not grow with the data: more items, tags, actions,
agencies and due dates are counted by the same queries (an N+1 would add queries per row)."""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.accounts.models import Agency
from camket.frameworks.models import Category, Framework, Recommendation
from camket.lib.vocabulary import SDG, UPR_INFO_ISSUES
from camket.plans import indicators, services
from tests.personas import make_recommendation

URL = "/dashboard/"


def _queries(client, user) -> tuple[int, int]:
    """(queries, headline total) of a request with nothing cached; the once-per-process and
    once-per-session look-ups are made by a request before."""
    client.force_login(user)
    client.get(URL)
    cache.clear()  # the menu's cached count would otherwise make the second request cheaper
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL)
    assert response.status_code == 200
    return len(queries), response.context["figures"].headline.total


def _add_more_of_everything(world) -> None:
    """A new framework and agency, tagged accepted items, actions with quarterly due dates."""
    coordinator = world.coordinator
    framework = Framework.objects.create(
        slug="upr-vn-2", name="UPR Viet Nam cycle 2", kind="upr_cycle", cycle=2
    )
    agency = Agency.objects.create(code="mof", name="Bộ Tài chính", name_en="Ministry of Finance")
    themes = list(Category.objects.filter(taxonomy__slug=UPR_INFO_ISSUES).order_by("name")[3:8])
    goals = list(Category.objects.filter(taxonomy__slug=SDG, parent__isnull=True)[:5])
    plan = services.create_plan(coordinator, framework, {"title": "Plan for cycle 2"})
    for number in range(5):
        item = make_recommendation(framework, f"9.{number}", f"Recommendation 9.{number}.")
        Recommendation.objects.filter(pk=item.pk).update(response="supported")
        item.categories.set([themes[number], goals[number]])
        action = services.create_action(
            coordinator,
            plan,
            {"title": f"Action 9.{number}", "lead_agency": (agency, world.agency_a)[number % 2]},
            recommendations=[item],
        )
        services.set_publication(coordinator, [action], "published")
        indicators.create_indicator(
            coordinator,
            {
                "title": f"Indicator 9.{number}",
                "starts_on": date(2025, 1, 1),
                "ends_on": date(2025, 12, 31),
                "frequency_months": 3,
            },
            action=action,
            agency=agency,
        )


@pytest.mark.parametrize("persona", ["coordinator", "officer_a"])
def test_the_queries_do_not_grow_with_the_data(client, dashboard_world, persona):
    user = getattr(dashboard_world, persona)
    before, total_before = _queries(client, user)
    _add_more_of_everything(dashboard_world.plan_world.world)
    after, total_after = _queries(client, user)
    assert total_after == total_before + 5  # the new items are counted…
    assert after == before  # …by the same queries
