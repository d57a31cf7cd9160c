"""Indicator trends (issue 12, item 5): values over time against baseline and target."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.urls import reverse

from camket.plans import trends
from camket.plans.trend_chart import trend_view
from camket.reports.models import ProgressReport
from camket.reports.services import accept_report, return_report, save_report

D = Decimal


@pytest.mark.parametrize(
    ("value", "baseline", "target", "expected"),
    [
        (D(60), D(20), D(100), 50.0),  # increasing: 40 of the 80 to go
        (D(100), D(20), D(100), 100.0),
        (D(120), D(20), D(100), 125.0),  # exceeded
        (D(10), D(20), D(100), -12.5),  # moved away from the target
        (D(30), D(50), D(10), 50.0),  # decreasing: 20 of the 40 to lose
        (D(10), D(50), D(10), 100.0),
        (D(60), D(50), D(10), -25.0),
        (D(25), None, D(200), 12.5),  # no baseline: from zero
        (D(5), None, D(0), None),  # no baseline and a zero target: no way to measure
        (D(0), None, D(0), 100.0),
        (D(7), D(7), D(7), 100.0),  # zero range, reached
        (D(8), D(7), D(7), None),  # zero range, left
        (D(60), D(20), None, None),  # no target
        (None, D(20), D(100), None),  # no value
        (D(1), D(0), D(3), 33.3),  # rounded half up to one decimal
    ],
)
def test_progress(value, baseline, target, expected):
    assert trends.progress(value, baseline, target) == expected


@pytest.mark.parametrize(
    ("baseline", "target", "expected"),
    [
        (D(1), D(5), trends.INCREASING),
        (D(5), D(1), trends.DECREASING),
        (D(5), D(5), trends.FLAT),
        (None, D(5), trends.INCREASING),
        (D(5), None, None),
        (None, None, None),
    ],
)
def test_direction(baseline, target, expected):
    assert trends.direction(baseline, target) == expected


def _report(indicator, end, value, state="accepted", pk=1):
    due_date = SimpleNamespace(
        period_start=date(end.year, 1, 1),
        period_end=end,
        due_on=end,
        indicator_id=indicator.pk,
        archived=False,
    )
    return SimpleNamespace(due_date=due_date, indicator_value=value, state=state, pk=pk)


def test_points_are_in_time_order_without_drafts_returned_or_empty_values():
    indicator = SimpleNamespace(pk=3, title="Shelters", unit="", baseline=D(10), target=D(30))
    trend = trends.build_trend(
        indicator,
        [
            _report(indicator, date(2026, 6, 30), D(25)),
            _report(indicator, date(2025, 6, 30), D(15)),
            _report(indicator, date(2025, 12, 31), D(99), state="draft"),
            _report(indicator, date(2025, 12, 31), D(98), state="returned"),
            _report(indicator, date(2026, 12, 31), None),
            _report(indicator, date(2027, 6, 30), D(20), state="submitted"),
        ],
    )
    assert [p.value for p in trend.points] == [D(15), D(25), D(20)]
    assert trend.latest_value == D(20) and trend.percent_of_target == 50.0
    assert trend.has_unaccepted


def test_no_values_and_no_target_draw_no_chart_but_a_table():
    indicator = SimpleNamespace(pk=4, title="Bare", unit="", baseline=None, target=None)
    trend = trends.build_trend(indicator, [])
    assert trend.points == [] and trend.latest_value is None
    assert trend.percent_of_target is None and trend.direction is None
    view = trend_view(trend)
    assert view.chart.dots == [] and view.chart.path == ""


def test_a_single_value_is_a_dot_in_the_middle_without_a_line():
    indicator = SimpleNamespace(pk=5, title="One", unit="", baseline=D(0), target=D(40))
    view = trend_view(trends.build_trend(indicator, [_report(indicator, date(2025, 6, 30), D(10))]))
    chart = view.chart
    assert len(chart.dots) == 1 and chart.path == ""
    middle = chart.left + (float(chart.right) - chart.left) / 2
    assert float(chart.dots[0].x) == pytest.approx(middle)
    # the axis reaches the target: the target line is inside the plot, above the dot
    target = next(level for level in chart.levels if level.key == "target")
    assert chart.top <= float(target.y) < float(chart.dots[0].y) < float(chart.bottom)


def test_values_rise_on_the_chart_and_zero_range_is_drawn():
    indicator = SimpleNamespace(pk=6, title="Flat", unit="", baseline=D(0), target=D(0))
    view = trend_view(
        trends.build_trend(
            indicator,
            [
                _report(indicator, date(2025, 6, 30), D(0)),
                _report(indicator, date(2025, 12, 31), D(0)),
            ],
        )
    )
    assert {dot.y for dot in view.chart.dots} == {view.chart.bottom}
    indicator = SimpleNamespace(pk=7, title="Up", unit="", baseline=None, target=D(10))
    view = trend_view(
        trends.build_trend(
            indicator,
            [
                _report(indicator, date(2025, 6, 30), D(2)),
                _report(indicator, date(2025, 12, 31), D(8)),
            ],
        )
    )
    first, second = view.chart.dots
    assert float(second.y) < float(first.y) and float(first.x) < float(second.x)
    assert view.chart.path == f"{first.x},{first.y} {second.x},{second.y}"


# --- with the database: who sees which values ---------------------------------------------


@pytest.fixture
def reported(plan_world):
    """indicator_a (agency A) from 100 to 40 (decreasing): 90 accepted, 70 submitted,
    60 returned, 50 a draft."""
    world = plan_world.world
    indicator = plan_world.indicator_a
    indicator.baseline, indicator.target = D(100), D(40)
    indicator.save()
    due = list(indicator.due_dates.order_by("due_on"))
    first = save_report(
        world.officer_a,
        due[0],
        {"narrative": "Started.", "status": "in_progress", "indicator_value": D(90)},
        version=None,
        submit=True,
    )
    accept_report(world.coordinator, first, version=first.version)
    save_report(
        world.officer_a,
        due[1],
        {"narrative": "Going.", "status": "in_progress", "indicator_value": D(70)},
        version=None,
        submit=True,
    )
    third = save_report(
        world.officer_a,
        due[2],
        {"narrative": "Hm.", "status": "in_progress", "indicator_value": D(60)},
        version=None,
        submit=True,
    )
    return_report(world.coordinator, third, version=third.version, comment="Source?")
    save_report(world.officer_a, due[3], {"indicator_value": D(50)}, version=None)
    return plan_world


@pytest.mark.parametrize(
    ("persona", "values"),
    [
        ("officer_a", [D(90), D(70)]),
        ("coordinator", [D(90), D(70)]),
        ("officer_b", [D(90)]),
        ("viewer", [D(90)]),
    ],
)
def test_submitted_values_only_for_the_agency_and_the_coordinator(reported, persona, values):
    user = getattr(reported.world, persona)
    trend = trends.trend_for_user(user, reported.indicator_a)
    assert [p.value for p in trend.points] == values
    assert trend.direction == trends.DECREASING
    assert trend.percent_of_target == {2: 50.0, 1: 16.7}[len(values)]


def test_public_trend_holds_only_accepted_reports_made_public(reported):
    indicator = reported.indicator_a
    framework = reported.world.framework
    framework.public = True
    framework.save()
    assert trends.public_trend(indicator).points == []
    ProgressReport.objects.filter(state="submitted").update(is_public=True)
    assert trends.public_trend(indicator).points == []  # submitted, not accepted
    ProgressReport.objects.filter(state="accepted").update(is_public=True)
    assert [p.value for p in trends.public_trend(indicator).points] == [D(90)]


def _page(client, user, indicator):
    client.force_login(user)
    return client.get(reverse("indicator-detail", args=[indicator.pk]))


def test_the_indicator_page_draws_the_chart_with_a_table(client, reported):
    content = _page(client, reported.world.viewer, reported.indicator_a).content.decode()
    assert '<svg class="chart line"' in content and "<desc id=" in content
    assert 'class="trend-values"' in content and "16.7%" in content
    assert "submitted" not in content.split('class="trend-values"')[1].split("</table>")[0]
    content = _page(client, reported.world.officer_a, reported.indicator_a).content.decode()
    assert 'class="value submitted"' in content and "50.0%" in content


def test_the_page_escapes_the_title(client, reported):
    indicator = reported.indicator_a
    indicator.title = '<script>alert("x")</script> & more'
    indicator.save()
    content = _page(client, reported.world.coordinator, indicator).content.decode()
    assert "<script>alert" not in content
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in content


def test_an_indicator_without_values_or_target(client, plan_world):
    response = _page(client, plan_world.world.coordinator, plan_world.indicator_a)
    content = response.content.decode()
    assert response.status_code == 200
    assert '<svg class="chart line"' not in content and "No value reported yet." in content


def test_an_officer_cannot_open_a_draft_action_of_another_agency(client, reported):
    # indicator_b is on agency B's draft action: agency A and the viewer cannot see it
    assert _page(client, reported.world.officer_a, reported.indicator_b).status_code == 404
    assert _page(client, reported.world.viewer, reported.indicator_b).status_code == 404
    assert _page(client, reported.world.officer_b, reported.indicator_b).status_code == 200


def test_the_action_page_shows_the_trend(client, reported):
    client.force_login(reported.world.viewer)
    content = client.get(reverse("action-detail", args=[reported.action_a.pk])).content.decode()
    assert f'id="trend-{reported.indicator_a.pk}"' in content
    assert reverse("indicator-detail", args=[reported.indicator_a.pk]) in content


def test_anonymous_is_sent_to_login(client, plan_world):
    response = client.get(reverse("indicator-detail", args=[plan_world.indicator_a.pk]))
    assert response.status_code == 302
