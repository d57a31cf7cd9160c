"""The orders a recommendation list can take (`sort=`), shared by the web list, the API and
the exports of the list."""

from django.db.models import Case, F, IntegerField, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from camket.frameworks.models import Implementation, Recommendation
from camket.frameworks.state_order import label_expression

RELEVANCE = "relevance"
NEWEST = "newest"
OLDEST = "oldest"

# Newest cycle or session first: a framework's cycle, then its start, then the item's session
# (camket/frameworks/index_order.py sorts the same way in memory).
_NEWEST = (
    F("framework__cycle").desc(nulls_last=True),
    F("framework__starts_on").desc(nulls_last=True),
    F("session").desc(nulls_last=True),
    "framework__slug",
    "id",
)
_OLDEST = (
    F("framework__cycle").asc(nulls_last=True),
    F("framework__starts_on").asc(nulls_last=True),
    F("session").asc(nulls_last=True),
    "framework__slug",
    "id",
)


def _rank(field: str, values) -> Case:
    """The position of the field's value among `values`; any other value (none) comes last."""
    return Case(
        *(When(**{field: value}, then=Value(index)) for index, value in enumerate(values)),
        default=Value(len(values)),
        output_field=IntegerField(),
    )


def _by_state():
    name = Coalesce(
        label_expression("state_under_review__"),
        label_expression("framework__state_under_review__"),
    )
    return (name.asc(nulls_last=True), *_NEWEST)


SORTS = {
    RELEVANCE: (_("Relevance"), None),
    NEWEST: (_("Newest first"), lambda: _NEWEST),
    OLDEST: (_("Oldest first"), lambda: _OLDEST),
    "state": (_("State under review"), _by_state),
    "response": (
        _("Response"),
        lambda: (
            _rank("response", [value for value, _label in Recommendation.Response.choices]),
            *_NEWEST,
        ),
    ),
    "status": (
        _("Status"),
        lambda: (
            _rank("status", [value for value, _label in Recommendation.Status.choices]),
            *_NEWEST,
        ),
    ),
    "implementation": (
        _("Implementation"),
        lambda: (
            _rank("implementation", [value for value, _label in Implementation.choices]),
            *_NEWEST,
        ),
    ),
    "reference": (_("Reference"), lambda: ("framework__slug", "reference", "id")),
}


def sort_choices() -> list[tuple[str, str]]:
    return [(value, label) for value, (label, _order) in SORTS.items()]


def chosen_sort(sort: str, query: str) -> str:
    """The sort in effect: the one asked for when camket knows it, else relevance when there
    are search words, else newest first."""
    if sort in SORTS:
        return sort
    return RELEVANCE if (query or "").strip() else NEWEST


def ordered(queryset: QuerySet[Recommendation], sort: str) -> QuerySet[Recommendation]:
    """The queryset in the chosen order (see `chosen_sort`). Relevance needs the `relevance`
    annotation of the text search (higher is better): without it, newest first."""
    if sort == RELEVANCE:
        if "relevance" in queryset.query.annotations:
            return queryset.order_by(F("relevance").desc(nulls_last=True), *_NEWEST)
        return queryset.order_by(*_NEWEST)
    return queryset.order_by(*SORTS.get(sort, SORTS[NEWEST])[1]())
