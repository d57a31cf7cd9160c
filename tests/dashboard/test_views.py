"""The dashboard page: who may see it, what each persona counts, charts and their links."""

import html
import re
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from camket.dashboard import services
from camket.frameworks import search
from camket.plans.filters import ActionFilters, filter_actions

URL = "/dashboard/"


def test_the_url_is_named():
    assert reverse("dashboard") == URL


@pytest.mark.parametrize("persona", ["coordinator", "officer_a", "officer_b", "viewer"])
def test_every_role_sees_the_dashboard(client, plan_world, persona):
    client.force_login(getattr(plan_world.world, persona))
    assert client.get(URL).status_code == 200


def test_anonymous_is_sent_to_the_login_page(client, world):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_a_user_without_membership_is_refused(client, world):
    client.force_login(get_user_model().objects.create_user("stranger", password="x"))
    assert client.get(URL).status_code == 403


def test_an_unknown_framework_is_not_found(client, world):
    client.force_login(world.coordinator)
    assert client.get(URL, {"framework": "no-such-thing"}).status_code == 404


@pytest.mark.parametrize(
    ("persona", "counts_b_draft"),
    [("coordinator", True), ("officer_b", True), ("officer_a", False), ("viewer", False)],
)
def test_agency_b_draft_action_counts_only_for_who_can_see_it(plan_world, persona, counts_b_draft):
    """action_b (agency B, draft) and its indicator's due dates are B's and the coordinator's."""
    today = plan_world.indicator_b.due_dates.order_by("due_on")[1].due_on  # one is overdue
    result = services.figures(getattr(plan_world.world, persona), today=today)
    agencies = {row.key: row.total for row in result.by_agency}
    overdue = {row.key: row.total for row in result.overdue_by_agency}
    assert agencies.get("moj", 0) == (1 if counts_b_draft else 0)
    assert overdue.get("moj", 0) == 0  # nothing is due on a draft action
    assert agencies["mps"] == 1 and overdue["mps"] == 1


def _hrefs(content: str) -> set[str]:
    return {html.unescape(href) for href in re.findall(r'href="([^"]+)"', content)}


@pytest.mark.parametrize("framework", ["", "upr-vn-4"])
def test_the_page_shows_charts_numbers_and_links(client, dashboard_world, framework):
    client.force_login(dashboard_world.coordinator)
    response = client.get(URL, {"framework": framework} if framework else {})
    content = response.content.decode()
    # The donut and six bar charts; no item is tagged with a drug and crime subject yet.
    # Without a framework, the home state's UPR cycles are compared too: a table, two charts.
    cycles = 0 if framework else 2
    assert content.count('role="img"') == 7 + cycles
    assert content.count("<svg") == 7 + cycles
    assert content.count("<table") == 7 + cycles // 2
    assert "dashboard/dashboard.css" in content
    result = response.context["figures"]
    assert result.framework == framework
    share = f"{result.headline.implemented_share:.1f}%"
    assert share in content
    hrefs = _hrefs(content)
    rows = [
        *result.by_framework,
        *result.by_kind,
        *result.by_agency,
        *result.by_theme,
        *result.by_sdg,
        *result.overdue_by_agency,
    ]
    links = [row.url for row in rows if row.total]
    links += [s.url for row in rows for s in row.segments if s.count]
    links += [s.url for s in result.headline.segments if s.count]
    assert links and set(links) <= hrefs
    assert f"{reverse('report-queue')}?agency=moj" in "".join(hrefs)


def test_svg_numbers_ignore_the_language(client, dashboard_world):
    """Vietnamese writes 12,5 — SVG coordinates must keep the dot."""
    client.force_login(dashboard_world.coordinator)
    client.cookies["django_language"] = "vi"
    content = client.get(URL).content.decode()
    for attribute in ("width", "x", "stroke-dasharray", "stroke-dashoffset"):
        values = re.findall(rf' {attribute}="([^"]*)"', content)
        assert values and not any("," in value for value in values), attribute


def _query(url: str) -> dict:
    return dict(parse_qsl(urlsplit(url).query))


@pytest.mark.parametrize("persona", ["coordinator", "officer_a"])
def test_each_recommendation_link_selects_what_was_counted(dashboard_world, persona):
    """The list behind a segment holds exactly its recommendations (but for archived ones,
    which the list can show and the dashboard leaves out)."""
    user = getattr(dashboard_world, persona)
    result = services.figures(user)
    rows = [*result.by_framework, *result.by_theme, *result.by_sdg]
    segments = [*result.headline.segments, *(s for row in rows for s in row.segments)]
    for segment in segments:
        params = search.SearchParams.from_mapping(_query(segment.url))
        listed = search.search(user, params).exclude(status="archived")
        assert listed.count() == segment.count, segment.url


@pytest.mark.parametrize("persona", ["coordinator", "officer_a"])
def test_each_action_link_selects_what_was_counted(dashboard_world, persona):
    """The links filter on the lead agency, which is what the chart counts."""
    user = getattr(dashboard_world, persona)
    for row in services.figures(user).by_agency:
        for segment in row.segments:
            listed = filter_actions(user, ActionFilters.from_mapping(_query(segment.url)))
            assert listed.count() == segment.count
            assert {a.lead_agency.code for a in listed} <= {row.key}


@pytest.mark.parametrize("persona", ["coordinator", "officer_a", "officer_b", "viewer"])
def test_each_overdue_link_lists_exactly_the_overdue_reports(
    client, dashboard_world, persona, settings
):
    """The queue behind an overdue bar lists as many due dates as the bar counts."""
    user = getattr(dashboard_world, persona)
    client.force_login(user)
    rows = services.figures(user).overdue_by_agency
    assert rows, "the world must have overdue reports"
    for row in rows:
        queue = client.get(row.url).context
        assert len(queue["overdue"]) == row.total, row.url
        assert {d.indicator.agency.code for d in queue["overdue"]} == {row.key}
