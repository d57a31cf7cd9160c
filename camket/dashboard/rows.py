"""The pieces every dashboard figure is made of: statuses, rows of segments, shares, and the
filtered list behind each number."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.urls import get_script_prefix, reverse
from django.utils.translation import gettext as _

from camket.frameworks.models import Implementation
from camket.frameworks.search import COMMITTED

NO_ACTION = "none"  # the recommendation list's `implementation=none`
OVERDUE = "overdue"
ACTION_STATUSES = (
    Implementation.IMPLEMENTED,
    Implementation.PARTLY_IMPLEMENTED,
    Implementation.IN_PROGRESS,
    Implementation.NOT_STARTED,
    Implementation.NOT_IMPLEMENTED,
)
RECOMMENDATION_STATUSES = (*ACTION_STATUSES, NO_ACTION)
TOP_THEMES = 10


@dataclass
class Segment:
    key: str  # a status, "none" or "overdue"
    label: str
    count: int
    url: str


@dataclass
class Row:
    key: str  # framework slug, agency code, category id or SDG goal code
    label: str
    total: int
    url: str
    segments: list[Segment] = field(default_factory=list)  # every status, in order


def status_label(key: str) -> str:
    if key == NO_ACTION:
        return _("No action yet")
    if key == OVERDUE:
        return _("Overdue reports")
    return str(Implementation(key).label)


def share(part: int, whole: int) -> float:
    """`part` as a percentage of `whole`, rounded half up to one decimal (86.7)."""
    if not whole:
        return 0.0
    value = Decimal(100 * part) / Decimal(whole)
    return float(value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


ACCEPTED_FILTER = COMMITTED  # the recommendation list's value for what is counted


@lru_cache(maxsize=32)
def _path(name: str, script_prefix: str) -> str:
    """A list's path: a dashboard links to the same few lists hundreds of times."""
    return reverse(name)


def list_url(name: str, **params) -> str:
    if name == "recommendation-list":
        params = {"response": ACCEPTED_FILTER, **params}
    else:  # the state under review is a filter of the recommendation list only
        params.pop("state", None)
    query = urlencode({key: value for key, value in params.items() if value not in ("", None)})
    return _path(name, get_script_prefix()) + (f"?{query}" if query else "")


def segments(counts: dict[str, int], statuses, list_name: str, **params) -> list[Segment]:
    field_name = "implementation" if list_name == "recommendation-list" else "status"
    return [
        Segment(
            key=str(key),
            label=status_label(key),
            count=counts.get(key, 0),
            url=list_url(list_name, **params, **{field_name: key}),
        )
        for key in statuses
    ]


def row(key, label, counts, statuses, list_name, **params) -> Row:
    return Row(
        key=str(key),
        label=label,
        total=sum(counts.values()),
        url=list_url(list_name, **params),
        segments=segments(counts, statuses, list_name, **params),
    )


def grouped(queryset: QuerySet, *fields: str, count: str = "pk") -> dict:
    """{(first field's value): {status: n}} from one GROUP BY query."""
    result: dict = {}
    rows = queryset.order_by().values_list(*fields).annotate(n=Count(count, distinct=True))
    for key, status, n in rows:
        status = status or NO_ACTION
        result.setdefault(key, {})
        result[key][status] = result[key].get(status, 0) + n
    return result
