"""The parts of a kind of work on the "My work" page (camket/inbox/work.py): its rows, and the
`Source` that finds, counts and lists it (agency work in agency_sources.py, coordinators' in
coordinator_sources.py)."""

from dataclasses import dataclass
from datetime import date

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import get_language

from camket.accounts import roles
from camket.frameworks.models import Framework
from camket.lib.text import as_one_line
from camket.plans.scoping import visible_due_dates
from camket.reports.due_dates import due_dates_to_chase
from camket.reports.models import ProgressReport

ROWS_SHOWN = 50


@dataclass
class Row:
    what: str
    framework: str
    due_on: date | None
    overdue: bool
    url: str
    count: int = 1  # more than one: a row standing for several items (a framework's tags)

    def as_dict(self) -> dict:
        return {
            "what": self.what,
            "framework": self.framework,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "overdue": self.overdue,
            "url": self.url,
            "count": self.count,
        }


def framework_label(framework: Framework | None) -> str:
    return framework.label(get_language() or "vi") if framework is not None else ""


def _own_due_dates(user):
    return (
        due_dates_to_chase()
        .filter(
            pk__in=visible_due_dates(user).values("pk"), indicator__agency=roles.agency_of(user)
        )
        .exclude(report__state=ProgressReport.State.RETURNED)
    )


def due_date_framework(due_date) -> Framework | None:
    indicator = due_date.indicator
    if indicator.action_id:
        return indicator.action.plan.framework
    return indicator.recommendation.framework if indicator.recommendation_id else None


def due_date_what(due_date) -> str:
    indicator = due_date.indicator
    item = indicator.action if indicator.action_id else indicator.recommendation
    reference = as_one_line(item.reference) if item is not None else ""
    return f"{reference} — {as_one_line(indicator.title)}" if reference else indicator.title


DUE_DATE_RELATED = (
    "indicator",
    "indicator__action",
    "indicator__action__plan__framework",
    "indicator__recommendation",
    "indicator__recommendation__framework",
)


def due_date_rows(due_dates, today) -> list[Row]:
    return [
        Row(
            due_date_what(d),
            framework_label(due_date_framework(d)),
            d.due_on,
            d.due_on < today,
            reverse("due-date-report", args=[d.pk]),
        )
        for d in due_dates.select_related(*DUE_DATE_RELATED).order_by("due_on", "pk")[:ROWS_SHOWN]
    ]


class Source:
    """One kind of work: who has it, what it counts, how its rows read."""

    kind = ""
    label: str | Promise = ""  # a lazy translation, read in the language of the request
    more_url_name = ""
    # Each row is one item of the count (not a group of several, as a framework's tags are).
    row_per_item = True

    def applies_to(self, user) -> bool:
        return roles.is_agency_officer(user)

    def queryset(self, user, today):
        raise NotImplementedError

    def rows(self, queryset, today) -> list[Row]:
        raise NotImplementedError

    def count(self, queryset) -> int:
        return queryset.count()
