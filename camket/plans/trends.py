"""An indicator's reported values over time, against its baseline and target.

The values come from progress reports: accepted ones, and submitted ones for those who may
read them before the coordinator has decided (the reporting agency, the framework's
coordinators: `reports.scoping.visible_reports`). Drafts and reports returned for changes are
the agency's work in progress and never plotted. The public portal reads only accepted reports
a coordinator made public (`public.scoping.public_reports`).

Progress is how much of the way from the baseline to the target the latest value has
covered, in per cent: 100 when the target is reached, above it when exceeded, below zero when
the value moved away from the target. A target below the baseline is a decreasing indicator
(fewer cases, a lower share): the way runs downwards. Without a baseline the way starts at
zero. Without a target, without a value, or when the baseline equals the target and the
value differs from both, no percentage is given rather than a misleading one.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import QuerySet

from camket.plans.models import Indicator
from camket.reports.models import ProgressReport

State = ProgressReport.State
PLOTTED_STATES = (State.ACCEPTED, State.SUBMITTED)

INCREASING = "increasing"
DECREASING = "decreasing"
FLAT = "flat"  # the target equals the baseline: keep the value where it is


@dataclass
class TrendPoint:
    period_start: date
    period_end: date
    due_on: date
    value: Decimal
    state: str  # "accepted" or "submitted"
    report_id: int

    @property
    def accepted(self) -> bool:
        return self.state == State.ACCEPTED


@dataclass
class Trend:
    indicator_id: int
    title: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    direction: str | None  # INCREASING, DECREASING, FLAT; None without a target
    points: list[TrendPoint] = field(default_factory=list)

    @property
    def latest(self) -> TrendPoint | None:
        return self.points[-1] if self.points else None

    @property
    def latest_value(self) -> Decimal | None:
        return self.latest.value if self.points else None

    @property
    def percent_of_target(self) -> float | None:
        return progress(self.latest_value, self.baseline, self.target)

    @property
    def has_unaccepted(self) -> bool:
        return any(not point.accepted for point in self.points)


def _one_decimal(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def direction(baseline: Decimal | None, target: Decimal | None) -> str | None:
    if target is None:
        return None
    start = baseline if baseline is not None else Decimal(0)
    if target > start:
        return INCREASING
    if target < start:
        return DECREASING
    return FLAT


def progress(
    value: Decimal | None, baseline: Decimal | None, target: Decimal | None
) -> float | None:
    """Per cent of the way from the baseline (zero when missing) to the target, one decimal."""
    if value is None or target is None:
        return None
    start = baseline if baseline is not None else Decimal(0)
    if target == start:
        return 100.0 if value == target else None
    return _one_decimal(Decimal(100) * (value - start) / (target - start))


def build_trend(indicator: Indicator, reports) -> Trend:
    """The trend of `indicator` from `reports` (any of its reports: those without a value,
    drafts and returned ones are left out), oldest period first."""
    points = [
        TrendPoint(
            period_start=r.due_date.period_start,
            period_end=r.due_date.period_end,
            due_on=r.due_date.due_on,
            value=r.indicator_value,
            state=r.state,
            report_id=r.pk,
        )
        for r in reports
        if r.indicator_value is not None
        and r.state in PLOTTED_STATES
        and r.due_date.indicator_id == indicator.pk
        and not r.due_date.archived
    ]
    points.sort(key=lambda point: (point.period_end, point.due_on))
    return Trend(
        indicator_id=indicator.pk,
        title=indicator.title,
        unit=indicator.unit,
        baseline=indicator.baseline,
        target=indicator.target,
        direction=direction(indicator.baseline, indicator.target),
        points=points,
    )


def _reports(queryset: QuerySet[ProgressReport], indicator: Indicator):
    return queryset.filter(
        due_date__indicator=indicator, state__in=PLOTTED_STATES, indicator_value__isnull=False
    ).select_related("due_date")


def trend_for_user(user, indicator: Indicator) -> Trend:
    """The trend as `user` may see it; `indicator` must already be one they may see
    (`plans.scoping.get_indicator_for_user`)."""
    from camket.reports.scoping import visible_reports

    return build_trend(indicator, _reports(visible_reports(user), indicator))


def trends_for_user(user, indicators) -> dict[int, Trend]:
    """{indicator id: trend} for several indicators the user may see, in one query."""
    from camket.reports.scoping import visible_reports

    indicators = list(indicators)
    reports = (
        visible_reports(user)
        .filter(
            due_date__indicator__in=[i.pk for i in indicators],
            state__in=PLOTTED_STATES,
            indicator_value__isnull=False,
        )
        .select_related("due_date")
    )
    by_indicator: dict[int, list] = {}
    for report in reports:
        by_indicator.setdefault(report.due_date.indicator_id, []).append(report)
    return {i.pk: build_trend(i, by_indicator.get(i.pk, [])) for i in indicators}


def public_trend(indicator: Indicator) -> Trend:
    """The trend from the reports the public portal shows (accepted and made public)."""
    from camket.public.scoping import public_reports

    return build_trend(indicator, _reports(public_reports(), indicator))
