from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.dashboard import charts, services
from camket.frameworks.models import Framework


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


def framework_from(data) -> str:
    """The `framework` filter: "" for all; an unknown slug is a 404."""
    slug = (data.get("framework") or "").strip()[:80]
    if slug and not Framework.objects.filter(slug=slug).exists():
        raise Http404("No such framework.")
    return slug


def panels(result: services.Figures) -> list[Panel]:
    def panel(anchor, title, note, first_column, rows, legend=None):
        return Panel(id=anchor, title=title, note=note, first_column=first_column,
                     chart=charts.bar_chart(title, rows, legend=legend), rows=rows)

    return [
        panel("by-framework", _("Implementation by framework"),
              _("Accepted recommendations of each framework, by implementation status."),
              _("Framework"), result.by_framework),
        panel("by-agency", _("Actions by lead agency"),
              _("Actions of the plans, by the agency that leads them and their status."),
              _("Agency"), result.by_agency),
        panel("by-theme", _("Implementation by theme"),
              _("The UPR Info issues with the most accepted recommendations."),
              _("Theme"), result.by_theme),
        panel("by-sdg", _("Implementation by Sustainable Development Goal"),
              _("Accepted recommendations linked to each goal or one of its targets."),
              _("Goal"), result.by_sdg),
        panel("overdue", _("Overdue reports by agency"),
              _("Reporting periods past their due date without a submitted report, by the "
                "agency that reports."),
              _("Agency"), result.overdue_by_agency,
              legend=[charts.LegendItem(services.OVERDUE,
                                        services.status_label(services.OVERDUE))]),
    ]


@login_required
def dashboard_view(request):
    if not roles.can_read(request.user):
        raise PermissionDenied
    framework = framework_from(request.GET)
    result = services.figures(request.user, framework)
    context = {
        "figures": result,
        "headline": result.headline,
        "donut": charts.donut(_("Accepted recommendations by implementation status"),
                              result.headline.segments),
        "panels": panels(result),
        "frameworks": services.framework_choices(request.user),
        "framework": framework,
    }
    return render(request, "dashboard/index.html", context)
