from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.dashboard import charts, cycles, filters, services
from camket.plans.matching import Concerning


@dataclass
class Panel:
    id: str
    title: str
    note: str
    first_column: str
    chart: charts.BarChart
    rows: list

    @property
    def stacked(self) -> bool:
        return len(self.chart.legend) > 1


def concerning_from(data) -> Concerning:
    """The `framework`, `kind` and `category` filters; an unknown one is a 404."""
    try:
        return filters.concerning_from(data)
    except filters.UnknownFilter as error:
        raise Http404(str(error)) from None


def state_from(data) -> str:
    """The `state` filter (ISO3 or "all"; "" when not given); an unknown one is a 404."""
    try:
        return filters.state_from(data)
    except filters.UnknownFilter as error:
        raise Http404(str(error)) from None


def cycle_charts(columns) -> dict:
    return {
        "responses": charts.bar_chart(
            _("Responses to the recommendations of each cycle"),
            cycles.response_rows(columns),
            legend=[
                charts.LegendItem(cycles.ACCEPTED, _("Accepted")),
                charts.LegendItem(cycles.NOTED, _("Noted")),
                charts.LegendItem(cycles.UNDECIDED, _("No response yet")),
            ],
        ),
        "statuses": charts.bar_chart(
            _("Implementation of the accepted recommendations of each cycle"),
            cycles.status_rows(columns),
        ),
    }


def panels(result: services.Figures) -> list[Panel]:
    def panel(anchor, title, note, first_column, rows, legend=None):
        return Panel(
            id=anchor,
            title=title,
            note=note,
            first_column=first_column,
            chart=charts.bar_chart(title, rows, legend=legend),
            rows=rows,
        )

    return [
        panel(
            "by-framework",
            _("Implementation by framework"),
            _(
                "Accepted recommendations and commitments of each framework, by "
                "implementation status."
            ),
            _("Framework"),
            result.by_framework,
        ),
        panel(
            "by-kind",
            _("Implementation by kind of framework"),
            _(
                "UPR cycles, programmes, declarations, strategies and conventions, by "
                "implementation status."
            ),
            _("Kind"),
            result.by_kind,
        ),
        panel(
            "by-agency",
            _("Actions by lead agency"),
            _("Actions of the plans, by the agency that leads them and their status."),
            _("Agency"),
            result.by_agency,
        ),
        panel(
            "by-theme",
            _("Implementation by theme"),
            _("The UPR Info issues with the most accepted recommendations and commitments."),
            _("Theme"),
            result.by_theme,
        ),
        panel(
            "by-topic",
            _("Implementation by drug and crime subject"),
            _(
                "Accepted recommendations and commitments on each subject of the drug and "
                "crime taxonomy, across frameworks."
            ),
            _("Subject"),
            result.by_topic,
        ),
        panel(
            "by-sdg",
            _("Implementation by Sustainable Development Goal"),
            _(
                "Accepted recommendations and commitments linked to each goal or one of its "
                "targets."
            ),
            _("Goal"),
            result.by_sdg,
        ),
        panel(
            "overdue",
            _("Overdue reports by agency"),
            _(
                "Reporting periods past their due date without a submitted report, by the "
                "agency that reports."
            ),
            _("Agency"),
            result.overdue_by_agency,
            legend=[charts.LegendItem(services.OVERDUE, services.status_label(services.OVERDUE))],
        ),
    ]


def _with_state(query, state: str) -> str:
    params = query.copy()
    params["state"] = state
    return "?" + params.urlencode()


@login_required
def dashboard_view(request):
    if not roles.can_read(request.user):
        raise PermissionDenied
    concerning = concerning_from(request.GET)
    result = services.figures(
        request.user,
        concerning.framework,
        kind=concerning.kind,
        category=concerning.category,
        state=state_from(request.GET),
    )
    columns = cycles.cycle_comparison(request.user, result.state)
    context = {
        "state": result.state,
        "home_state": filters.home_state_code(),
        "all_states": filters.ALL_STATES,
        "state_name": filters.state_label(result.state),
        "home_state_name": filters.state_label(filters.home_state_code()),
        "states": filters.state_choices(request.user),
        "all_states_url": _with_state(request.GET, filters.ALL_STATES),
        "home_state_url": _with_state(request.GET, filters.home_state_code()),
        "cycles": columns,
        "cycle_charts": cycle_charts(columns) if columns else None,
        "cycle_statuses": cycles.status_table(columns),
        "figures": result,
        "headline": result.headline,
        "donut": charts.donut(
            _("Accepted recommendations and commitments by implementation status"),
            result.headline.segments,
        ),
        "panels": panels(result),
        "frameworks": services.framework_choices(request.user),
        "framework": concerning.framework,
        "kinds": services.kind_choices(),
        "kind": concerning.kind,
        "categories": filters.category_choices(request.user),
        "category": filters.chosen_category(concerning),
    }
    return render(request, "dashboard/index.html", context)
