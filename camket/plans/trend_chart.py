"""An indicator's trend as the inline SVG chart of its page (geometry: dashboard/charts.py)."""

from dataclasses import dataclass

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from camket.dashboard.charts import LineChart, line_chart
from camket.plans.trends import DECREASING, FLAT, INCREASING, Trend


@dataclass
class TrendView:
    trend: Trend
    chart: LineChart
    title: str
    description: str
    direction: str


def _value(value) -> str:
    return number_format(value, decimal_pos=None) if value is not None else "—"


def _date(day) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def describe(trend: Trend) -> str:
    """One sentence for screen readers: how many values, the latest, and how far it got."""
    if not trend.points:
        return _("No value reported yet.")
    parts = [
        _("%(count)d value(s) reported; the latest, for the period ending %(date)s, is %(value)s.")
        % {
            "count": len(trend.points),
            "value": _value(trend.latest_value),
            "date": _date(trend.latest.period_end),
        }
    ]
    parts.append(
        _("Baseline: %(baseline)s. Target: %(target)s.")
        % {"baseline": _value(trend.baseline), "target": _value(trend.target)}
    )
    if trend.percent_of_target is not None:
        parts.append(
            _("%(share)s%% of the way to the target.")
            % {"share": number_format(trend.percent_of_target, decimal_pos=1)}
        )
    return " ".join(parts)


def direction_label(trend: Trend) -> str:
    return {
        INCREASING: _("increasing: the target is above the baseline"),
        DECREASING: _("decreasing: the target is below the baseline"),
        FLAT: _("kept level: the target equals the baseline"),
    }.get(trend.direction or "", "")


def trend_view(trend: Trend) -> TrendView:
    points = [
        (
            point.period_end,
            point.value,
            f"{_date(point.period_end)}: {_value(point.value)}"
            + ("" if point.accepted else f" ({_('submitted, not yet accepted')})"),
            point.accepted,
        )
        for point in trend.points
    ]
    chart = line_chart(
        points,
        levels=[("baseline", _("Baseline"), trend.baseline), ("target", _("Target"), trend.target)],
        date_format=_date,
    )
    title = _("Values of “%(indicator)s” over time") % {"indicator": trend.title}
    return TrendView(
        trend=trend,
        chart=chart,
        title=title,
        description=describe(trend),
        direction=direction_label(trend),
    )
