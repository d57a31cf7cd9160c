"""The dashboard's figures: how far what the state committed to, and the plans' actions, have got.

Every figure is an aggregate query over the querysets the user may see (`visible_*`), so an
agency officer's or a viewer's dashboard counts only what they can open. `user=None` means
the whole government, unscoped: the command line uses it.

Items count when the state committed to them and they are not archived: recommendations it
accepted (`ACCEPTED_RESPONSES`) in frameworks whose items receive a response, and every item
of the frameworks whose items receive none (commitments, outputs, tasks…). Their status is the
`implementation` derived from their actions ("none": no action yet). Actions count unless
archived. The figures are of the home state by default, or of another state under review, or
of every state (`filters.item_state_condition`), and can be narrowed to a framework, a kind of
framework and a subject (a category of any taxonomy, its children included:
`plans/matching.py`). Each row and segment
carries the URL of the filtered list behind it, with the same filters.
"""

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.dashboard import filters
from camket.frameworks.models import Category, Framework, Implementation, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.frameworks.search import COMMITTED, committed_condition
from camket.lib import bilingual
from camket.lib.vocabulary import DRUGS_CRIME, SDG, UPR_INFO_ISSUES
from camket.plans.matching import Concerning, action_condition, due_date_condition, item_condition
from camket.plans.models import Action, DueDate
from camket.plans.scoping import visible_actions, visible_due_dates
from camket.reports.due_dates import due_dates_to_chase

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


@dataclass
class Headline:
    total: int  # accepted recommendations and commitments: the shares are of this
    accepted: int  # accepted recommendations (frameworks whose items receive a response)
    commitments: int  # items of frameworks whose items receive none
    implemented: int
    implemented_share: float  # per cent of the total, one decimal
    partly_implemented: int
    partly_implemented_share: float
    in_progress: int
    not_started: int
    not_implemented: int
    no_action: int
    url: str
    segments: list[Segment] = field(default_factory=list)


@dataclass
class Figures:
    state: str  # the state under review's ISO3 code, or "all"
    framework: str  # "" for every framework
    kind: str  # "" for every kind of framework
    category: int | None  # a category's id (its children count too); None for all
    scope: str  # "all" (unscoped) or the user's role
    today: date
    headline: Headline
    by_framework: list[Row]
    by_kind: list[Row]
    by_agency: list[Row]
    by_theme: list[Row]
    by_topic: list[Row]  # the drug and crime taxonomy's subjects
    by_sdg: list[Row]
    overdue_by_agency: list[Row]


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


def _url(name: str, **params) -> str:
    if name == "recommendation-list":
        params = {"response": ACCEPTED_FILTER, **params}
    else:  # the state under review is a filter of the recommendation list only
        params.pop("state", None)
    query = urlencode({key: value for key, value in params.items() if value not in ("", None)})
    return reverse(name) + (f"?{query}" if query else "")


list_url = _url  # the filtered list behind a figure, for the dashboard's other modules


def _segments(counts: dict[str, int], statuses, list_name: str, **params) -> list[Segment]:
    field_name = "implementation" if list_name == "recommendation-list" else "status"
    return [
        Segment(
            key=str(key),
            label=status_label(key),
            count=counts.get(key, 0),
            url=_url(list_name, **params, **{field_name: key}),
        )
        for key in statuses
    ]


def _row(key, label, counts, statuses, list_name, **params) -> Row:
    return Row(
        key=str(key),
        label=label,
        total=sum(counts.values()),
        url=_url(list_name, **params),
        segments=_segments(counts, statuses, list_name, **params),
    )


def _grouped(queryset: QuerySet, *fields: str, count: str = "pk") -> dict:
    """{(first field's value): {status: n}} from one GROUP BY query."""
    result: dict = {}
    rows = queryset.order_by().values_list(*fields).annotate(n=Count(count, distinct=True))
    for key, status, n in rows:
        status = status or NO_ACTION
        result.setdefault(key, {})
        result[key][status] = result[key].get(status, 0) + n
    return result


def _scoped(user):
    if user is None:
        return Recommendation.objects.all(), Action.objects.all(), DueDate.objects.all()
    return visible_recommendations(user), visible_actions(user), visible_due_dates(user)


def _concerning(framework) -> Concerning:
    """A framework's slug (the older call) or the filters themselves."""
    if isinstance(framework, Concerning):
        return framework
    return Concerning(framework=framework or "")


def counted_items(user, framework: str | Concerning = "") -> QuerySet[Recommendation]:
    """Accepted recommendations and commitments, not archived, as the filters narrow them."""
    concerning = _concerning(framework)
    items = (
        _scoped(user)[0]
        .filter(committed_condition())
        .exclude(status=Recommendation.Status.ARCHIVED)
    )
    return items.filter(item_condition(concerning)) if concerning else items


def accepted_recommendations(user, framework: str | Concerning = "") -> QuerySet[Recommendation]:
    return counted_items(user, framework).filter(framework__has_response=True)


def counted_actions(user, framework: str | Concerning = "") -> QuerySet[Action]:
    concerning = _concerning(framework)
    actions = (
        _scoped(user)[1]
        .exclude(publication=Action.Publication.ARCHIVED)
        .exclude(plan__archived=True)
    )
    return actions.filter(action_condition(concerning)) if concerning else actions


def overdue_due_dates(
    user, framework: str | Concerning = "", today: date | None = None
) -> QuerySet[DueDate]:
    today = today or timezone.localdate()
    due_dates = due_dates_to_chase().filter(due_on__lt=today)
    if user is not None:
        due_dates = due_dates.filter(pk__in=visible_due_dates(user).values("pk"))
    return due_dates.filter(due_date_condition(_concerning(framework)))


def framework_choices(user) -> QuerySet[Framework]:
    """The frameworks with counted items the user can see, for the filter."""
    return Framework.objects.filter(pk__in=counted_items(user).values("framework_id")).order_by(
        "-cycle", "name"
    )


def kind_choices() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in Framework.Kind.choices]


def _headline(items: QuerySet, params: dict) -> Headline:
    totals: dict[str, int] = {}
    by_response = {True: 0, False: 0}
    rows = (
        items.order_by()
        .values_list("implementation", "framework__has_response")
        .annotate(n=Count("pk"))
    )
    for status, has_response, n in rows:
        totals[status or NO_ACTION] = totals.get(status or NO_ACTION, 0) + n
        by_response[bool(has_response)] += n
    whole = sum(totals.values())

    def n(key):
        return totals.get(key, 0)

    return Headline(
        total=whole,
        accepted=by_response[True],
        commitments=by_response[False],
        implemented=n(Implementation.IMPLEMENTED),
        implemented_share=share(n(Implementation.IMPLEMENTED), whole),
        partly_implemented=n(Implementation.PARTLY_IMPLEMENTED),
        partly_implemented_share=share(n(Implementation.PARTLY_IMPLEMENTED), whole),
        in_progress=n(Implementation.IN_PROGRESS),
        not_started=n(Implementation.NOT_STARTED),
        not_implemented=n(Implementation.NOT_IMPLEMENTED),
        no_action=n(NO_ACTION),
        url=_url("recommendation-list", **params),
        segments=_segments(totals, RECOMMENDATION_STATUSES, "recommendation-list", **params),
    )


def _by_framework(items: QuerySet, params: dict) -> list[Row]:
    counts = _grouped(items, "framework_id", "implementation")
    frameworks = Framework.objects.filter(pk__in=list(counts)).order_by("-cycle", "name")
    language = get_language() or "vi"
    return [
        _row(
            f.slug,
            f.label(language),
            counts[f.pk],
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            **{**params, "framework": f.slug},
        )
        for f in frameworks
    ]


def _by_kind(items: QuerySet, params: dict) -> list[Row]:
    counts = _grouped(items, "framework__kind", "implementation")
    return [
        _row(
            value,
            str(label),
            counts[value],
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            **{**params, "kind": value},
        )
        for value, label in Framework.Kind.choices
        if value in counts
    ]


def _agency_label(agency: Agency) -> str:
    return bilingual.text(agency)


def _by_agency(actions: QuerySet, params: dict) -> list[Row]:
    counts = _grouped(actions, "lead_agency_id", "status")
    agencies = Agency.objects.in_bulk(list(counts))
    rows = [
        _row(
            agency.code,
            _agency_label(agency),
            counts[pk],
            ACTION_STATUSES,
            "action-list",
            lead=agency.code,
            **params,
        )
        for pk, agency in agencies.items()
    ]
    return sorted(rows, key=lambda row: (-row.total, row.label))


def _category_links(items: QuerySet, taxonomy: str, key: str):
    """Tags of counted items in one taxonomy, a tag on a child category counting for its
    parent (a target for its goal) — as the recommendation list's filters do."""
    links = Recommendation.categories.through.objects.filter(
        recommendation_id__in=items.values("pk"), category__taxonomy__slug=taxonomy
    )
    return links.annotate(group=Coalesce(f"category__parent__{key}", f"category__{key}"))


def _by_theme(items: QuerySet, params: dict, top: int) -> list[Row]:
    links = _category_links(items, UPR_INFO_ISSUES, "id")
    counts = _grouped(links, "group", "recommendation__implementation", count="recommendation_id")
    categories = Category.objects.in_bulk(list(counts))
    language = get_language() or "vi"
    rows = [
        _row(
            pk,
            category.label(language),
            counts[pk],
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            theme=pk,
            **params,
        )
        for pk, category in categories.items()
    ]
    return sorted(rows, key=lambda row: (-row.total, row.label))[:top]


def _by_topic(items: QuerySet, params: dict) -> list[Row]:
    """The drug and crime subjects, a sub-subject counting for its subject."""
    links = _category_links(items, DRUGS_CRIME, "id")
    counts = _grouped(links, "group", "recommendation__implementation", count="recommendation_id")
    categories = Category.objects.in_bulk(list(counts))
    language = get_language() or "vi"
    rows = [
        _row(
            pk,
            category.label(language),
            counts[pk],
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            **{**params, "theme": pk},
        )
        for pk, category in categories.items()
    ]
    return sorted(rows, key=lambda row: (-row.total, row.label))


def _goal_number(code: str) -> int:
    return int(code) if code.isdigit() else 999


def _by_sdg(items: QuerySet, params: dict) -> list[Row]:
    links = _category_links(items, SDG, "code")
    counts = _grouped(links, "group", "recommendation__implementation", count="recommendation_id")
    goals = Category.objects.filter(taxonomy__slug=SDG, parent__isnull=True)
    language = get_language() or "vi"
    return [
        _row(
            goal.code,
            goal.label(language),
            counts.get(goal.code, {}),
            RECOMMENDATION_STATUSES,
            "recommendation-list",
            sdg=goal.code,
            **params,
        )
        for goal in sorted(goals, key=lambda goal: _goal_number(goal.code))
    ]


def _overdue_by_agency(due_dates: QuerySet, params: dict) -> list[Row]:
    counts = dict(
        due_dates.order_by()
        .values_list("indicator__agency_id")
        .annotate(n=Count("pk", distinct=True))
    )
    rows = []
    for pk, agency in Agency.objects.in_bulk(list(counts)).items():
        url = _url("report-queue", agency=agency.code, **params) + "#overdue"
        rows.append(
            Row(
                key=agency.code,
                label=_agency_label(agency),
                total=counts[pk],
                url=url,
                segments=[
                    Segment(key=OVERDUE, label=status_label(OVERDUE), count=counts[pk], url=url)
                ],
            )
        )
    return sorted(rows, key=lambda row: (-row.total, row.label))


def chosen_state(state: str | None, framework: str | None) -> str:
    """The state counted: as asked; else every state for a chosen framework (its items
    already belong to one state), the home state otherwise."""
    if state:
        return state
    return filters.ALL_STATES if framework else filters.home_state_code()


def figures(
    user,
    framework: str | None = None,
    today: date | None = None,
    *,
    kind: str = "",
    category: int | None = None,
    state: str | None = None,
    top_themes: int = TOP_THEMES,
) -> Figures:
    """Everything the dashboard shows, for `user` (None: the whole government), narrowed to
    a state under review (ISO3 or "all"; `chosen_state`), a framework (slug), a kind of
    framework and a category (id, its children included)."""
    concerning = Concerning(framework=framework or "", kind=kind or "", category=category)
    state = chosen_state(state, framework)
    params = {**concerning.params(), "state": state}
    today = today or timezone.localdate()
    items = counted_items(user, concerning).filter(filters.item_state_condition(state))
    actions = counted_actions(user, concerning).filter(filters.action_state_condition(state))
    overdue = overdue_due_dates(user, concerning, today).filter(
        filters.due_date_state_condition(state)
    )
    return Figures(
        state=state,
        framework=concerning.framework,
        kind=concerning.kind,
        category=concerning.category,
        scope="all" if user is None else str(roles.role_of(user) or "none"),
        today=today,
        headline=_headline(items, params),
        by_framework=_by_framework(items, params),
        by_kind=_by_kind(items, params),
        by_agency=_by_agency(actions, params),
        by_theme=_by_theme(items, params, top_themes),
        by_topic=_by_topic(items, params),
        by_sdg=_by_sdg(items, params),
        overdue_by_agency=_overdue_by_agency(overdue, params),
    )


def as_dict(result: Figures) -> dict:
    """The figures as plain JSON-ready data (the date as YYYY-MM-DD)."""
    data = asdict(result)
    data["today"] = result.today.isoformat()
    return data
