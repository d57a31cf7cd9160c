"""The mid-term report: per theme, how far the committed items got, each action's latest
accepted progress narrative and its indicators against their targets; above them, the
dashboard's own figures and charts for the framework."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from camket.dashboard import charts, services
from camket.documents import content
from camket.frameworks.models import Implementation
from camket.lib import bilingual
from camket.plans.models import Action, Indicator
from camket.plans.scoping import visible_actions, visible_indicators
from camket.reports.models import ProgressReport
from camket.reports.scoping import visible_reports


@dataclass
class ItemStatus:
    reference: str
    text: str
    status: str  # an Implementation value or services.NO_ACTION
    status_label: str


@dataclass
class IndicatorProgress:
    title: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    value: Decimal | None  # the latest accepted value
    period_end: date | None
    share_of_target: float | None  # per cent of the way from baseline to target


@dataclass
class ActionProgress:
    reference: str
    title: str
    lead: str
    status_label: str
    items: list[str]  # the references of the counted items it implements
    narrative: str  # the latest accepted progress report's; "" when none
    narrative_period_end: date | None
    indicators: list[IndicatorProgress] = field(default_factory=list)


@dataclass
class ThemeProgress:
    theme: content.Theme
    counts: list[content.Count]
    items: list[ItemStatus]
    actions: list[ActionProgress]


@dataclass
class Midterm:
    figures: services.Figures
    status_chart: charts.BarChart
    theme_chart: charts.BarChart
    agency_chart: charts.BarChart
    themes: list[ThemeProgress]


def share_of_target(baseline, target, value) -> float | None:
    if target is None or value is None:
        return None
    start = baseline or Decimal(0)
    if target == start:
        return 100.0 if value >= target else 0.0
    return services.share(int((value - start) * 100), int((target - start) * 100))


def status_chart(figures: services.Figures) -> charts.BarChart:
    """The dashboard's headline, one bar per status (the donut's numbers)."""
    rows = [
        services.Row(
            key=segment.key,
            label=segment.label,
            total=segment.count,
            url=segment.url,
            segments=[segment],
        )
        for segment in figures.headline.segments
    ]
    legend = [charts.LegendItem(s.key, s.label) for s in figures.headline.segments]
    return charts.bar_chart(_("Implementation status"), rows, legend=legend)


def _latest_accepted(user, indicator_ids):
    reports = ProgressReport.objects.all() if user is None else visible_reports(user)
    accepted = (
        reports.filter(
            state=ProgressReport.State.ACCEPTED, due_date__indicator_id__in=indicator_ids
        )
        .select_related("due_date")
        .order_by("due_date__period_end", "id")
    )
    narrative, value = {}, {}
    for report in accepted:  # later periods overwrite earlier ones
        if report.narrative:
            narrative[report.due_date.indicator_id] = report
        if report.indicator_value is not None:
            value[report.due_date.indicator_id] = report
    return narrative, value


def _action_progress(user, actions, language: str, item_ids) -> dict[int, ActionProgress]:
    indicators = Indicator.objects.all() if user is None else visible_indicators(user)
    indicators = list(indicators.filter(action__in=actions, archived=False).order_by("id"))
    narratives, values = _latest_accepted(user, [i.pk for i in indicators])
    progress = {}
    for action in actions:
        progress[action.pk] = ActionProgress(
            reference=action.reference,
            title=bilingual.text(action, language),
            lead=content.agency_name(action.lead_agency, language),
            status_label=str(action.get_status_display()),
            narrative="",
            items=[r.reference for r in action.recommendations.all() if r.pk in item_ids],
            narrative_period_end=None,
        )
    for indicator in indicators:
        line = progress[indicator.action_id]
        report = narratives.get(indicator.pk)
        if report and (
            line.narrative_period_end is None
            or report.due_date.period_end >= line.narrative_period_end
        ):
            line.narrative, line.narrative_period_end = report.narrative, report.due_date.period_end
        measured = values.get(indicator.pk)
        value = measured.indicator_value if measured else None
        line.indicators.append(
            IndicatorProgress(
                title=bilingual.text(indicator, language),
                unit=indicator.unit,
                baseline=indicator.baseline,
                target=indicator.target,
                value=value,
                period_end=measured.due_date.period_end if measured else None,
                share_of_target=share_of_target(indicator.baseline, indicator.target, value),
            )
        )
    return progress


@dataclass
class StatusCount(content.Count):
    references: list[str] = field(default_factory=list)


def status_counts(items: list[ItemStatus]) -> list[StatusCount]:
    """Per status, how many items and which (the report names every item by reference; the
    texts are in the positions report)."""
    counts = []
    for key in services.RECOMMENDATION_STATUSES:
        references = [item.reference for item in items if item.status == key]
        counts.append(
            StatusCount(str(key), services.status_label(key), len(references), references)
        )
    return counts


def action_theme(action, statuses: dict, themes: dict) -> int | None:
    """The theme an action is reported under, once: the one most of the items it implements
    share (the first of them on a tie); None when it implements none of the counted items."""
    keys = [
        (themes.get(r.pk) or content.no_theme()).key
        for r in action.recommendations.all()
        if r.pk in statuses
    ]
    return max(keys, key=keys.count) if keys else None


def build(framework, language: str, user) -> Midterm:
    figures = services.figures(user, framework.slug)
    items = list(
        services.counted_items(user, framework.slug).filter(framework=framework).order_by("id")
    )
    labels = dict(Implementation.choices)
    statuses = {
        item.pk: ItemStatus(
            reference=item.reference,
            text=content.item_text(item, language),
            status=item.implementation or services.NO_ACTION,
            status_label=str(
                labels.get(item.implementation, services.status_label(services.NO_ACTION))
            ),
        )
        for item in items
    }
    actions = Action.objects.all() if user is None else visible_actions(user)
    actions = list(
        actions.filter(plan__framework=framework, plan__archived=False)
        .exclude(publication=Action.Publication.ARCHIVED)
        .select_related("lead_agency")
        .prefetch_related("recommendations")
        .order_by("plan", "reference")
    )
    progress = _action_progress(user, actions, language, statuses)
    themes = content.primary_themes(list(statuses), language)
    home = {action.pk: action_theme(action, statuses, themes) for action in actions}
    sections = []
    for theme, members in content.group_by_theme(items, themes):
        theme_items = [statuses[item.pk] for item in members]
        sections.append(
            ThemeProgress(
                theme=theme,
                counts=status_counts(theme_items),
                items=theme_items,
                actions=[progress[a.pk] for a in actions if home[a.pk] == theme.key],
            )
        )
    unlinked = [progress[a.pk] for a in actions if home[a.pk] is None]
    if unlinked:
        sections.append(
            ThemeProgress(
                theme=content.Theme(-1, _("Actions without an item")),
                counts=[],
                items=[],
                actions=unlinked,
            )
        )
    return Midterm(
        figures=figures,
        status_chart=status_chart(figures),
        theme_chart=charts.bar_chart(_("By theme"), figures.by_theme),
        agency_chart=charts.bar_chart(_("Actions by lead agency"), figures.by_agency),
        themes=sections,
    )
