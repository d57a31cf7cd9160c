"""The dashboard's figures: how far accepted recommendations and the plan's actions have got.

Every figure is an aggregate query over the querysets the user may see (`visible_*`), so an
agency officer's or a viewer's dashboard counts only what they can open. `user=None` means
the whole government, unscoped: the command line uses it.

Recommendations count when the state accepted them (`ACCEPTED_RESPONSES`) and they are not
archived; their status is the `implementation` derived from their actions ("none": no action
yet). Actions count unless archived. Each row and segment carries the URL of the filtered list
behind it.
"""

from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.frameworks.models import Category, Framework, Implementation, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.lib.vocabulary import ACCEPTED_RESPONSES, SDG, UPR_INFO_ISSUES
from camket.plans.models import Action, DueDate
from camket.plans.scoping import visible_actions, visible_due_dates
from camket.reminders.services import due_dates_to_chase

NO_ACTION = "none"  # the recommendation list's `implementation=none`
OVERDUE = "overdue"
ACTION_STATUSES = (Implementation.IMPLEMENTED, Implementation.PARTLY_IMPLEMENTED,
                   Implementation.IN_PROGRESS, Implementation.NOT_STARTED,
                   Implementation.NOT_IMPLEMENTED)
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
    accepted: int
    implemented: int
    implemented_share: float  # per cent of accepted, one decimal
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
    framework: str  # "" for every framework
    scope: str  # "all" (unscoped) or the user's role
    today: date
    headline: Headline
    by_framework: list[Row]
    by_agency: list[Row]
    by_theme: list[Row]
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


ACCEPTED_FILTER = "accepted"  # the recommendation list's value for the accepted responses


def _url(name: str, **params) -> str:
    if name == "recommendation-list":
        params = {"response": ACCEPTED_FILTER, **params}
    query = urlencode({key: value for key, value in params.items() if value not in ("", None)})
    return reverse(name) + (f"?{query}" if query else "")


def _segments(counts: dict[str, int], statuses, list_name: str, **params) -> list[Segment]:
    field_name = "implementation" if list_name == "recommendation-list" else "status"
    return [Segment(key=str(key), label=status_label(key), count=counts.get(key, 0),
                    url=_url(list_name, **params, **{field_name: key}))
            for key in statuses]


def _row(key, label, counts, statuses, list_name, **params) -> Row:
    return Row(key=str(key), label=label, total=sum(counts.values()),
               url=_url(list_name, **params),
               segments=_segments(counts, statuses, list_name, **params))


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


def accepted_recommendations(user, framework: str = "") -> QuerySet[Recommendation]:
    recommendations = _scoped(user)[0].filter(response__in=ACCEPTED_RESPONSES).exclude(
        status=Recommendation.Status.ARCHIVED)
    return recommendations.filter(framework__slug=framework) if framework else recommendations


def counted_actions(user, framework: str = "") -> QuerySet[Action]:
    actions = _scoped(user)[1].exclude(publication=Action.Publication.ARCHIVED).exclude(
        plan__archived=True)
    return actions.filter(plan__framework__slug=framework) if framework else actions


def overdue_due_dates(user, framework: str = "", today: date | None = None) -> QuerySet[DueDate]:
    today = today or timezone.localdate()
    due_dates = due_dates_to_chase().filter(due_on__lt=today)
    if user is not None:
        due_dates = due_dates.filter(pk__in=visible_due_dates(user).values("pk"))
    if framework:
        due_dates = due_dates.filter(Q(indicator__action__plan__framework__slug=framework)
                                     | Q(indicator__recommendation__framework__slug=framework))
    return due_dates


def framework_choices(user) -> QuerySet[Framework]:
    """The frameworks with accepted recommendations the user can see, for the filter."""
    return Framework.objects.filter(
        pk__in=accepted_recommendations(user).values("framework_id")).order_by("-cycle", "name")


def _headline(accepted: QuerySet, framework: str) -> Headline:
    totals = {status or NO_ACTION: n for status, n in accepted.order_by().values_list(
        "implementation").annotate(n=Count("pk"))}
    whole = sum(totals.values())

    def n(key):
        return totals.get(key, 0)

    return Headline(
        accepted=whole,
        implemented=n(Implementation.IMPLEMENTED),
        implemented_share=share(n(Implementation.IMPLEMENTED), whole),
        partly_implemented=n(Implementation.PARTLY_IMPLEMENTED),
        partly_implemented_share=share(n(Implementation.PARTLY_IMPLEMENTED), whole),
        in_progress=n(Implementation.IN_PROGRESS), not_started=n(Implementation.NOT_STARTED),
        not_implemented=n(Implementation.NOT_IMPLEMENTED), no_action=n(NO_ACTION),
        url=_url("recommendation-list", framework=framework),
        segments=_segments(totals, RECOMMENDATION_STATUSES, "recommendation-list",
                           framework=framework))


def _by_framework(accepted: QuerySet) -> list[Row]:
    counts = _grouped(accepted, "framework_id", "implementation")
    frameworks = Framework.objects.filter(pk__in=list(counts)).order_by("-cycle", "name")
    return [_row(f.slug, f.name, counts[f.pk], RECOMMENDATION_STATUSES, "recommendation-list",
                 framework=f.slug) for f in frameworks]


def _agency_label(agency: Agency) -> str:
    return agency.name_en if get_language() == "en" and agency.name_en else agency.name


def _by_agency(actions: QuerySet, framework: str) -> list[Row]:
    counts = _grouped(actions, "lead_agency_id", "status")
    agencies = Agency.objects.in_bulk(list(counts))
    rows = [_row(agency.code, _agency_label(agency), counts[pk], ACTION_STATUSES,
                 "action-list", lead=agency.code, framework=framework)
            for pk, agency in agencies.items()]
    return sorted(rows, key=lambda row: (-row.total, row.label))


def _category_links(accepted: QuerySet, taxonomy: str, key: str):
    """Tags of accepted recommendations in one taxonomy, a tag on a child category counting
    for its parent (a target for its goal) — as the recommendation list's filters do."""
    links = Recommendation.categories.through.objects.filter(
        recommendation_id__in=accepted.values("pk"), category__taxonomy__slug=taxonomy)
    return links.annotate(group=Coalesce(f"category__parent__{key}", f"category__{key}"))


def _by_theme(accepted: QuerySet, framework: str, top: int) -> list[Row]:
    links = _category_links(accepted, UPR_INFO_ISSUES, "id")
    counts = _grouped(links, "group", "recommendation__implementation", count="recommendation_id")
    categories = Category.objects.in_bulk(list(counts))
    language = get_language() or "vi"
    rows = [_row(pk, category.label(language), counts[pk], RECOMMENDATION_STATUSES,
                 "recommendation-list", theme=pk, framework=framework)
            for pk, category in categories.items()]
    return sorted(rows, key=lambda row: (-row.total, row.label))[:top]


def _goal_number(code: str) -> int:
    return int(code) if code.isdigit() else 999


def _by_sdg(accepted: QuerySet, framework: str) -> list[Row]:
    links = _category_links(accepted, SDG, "code")
    counts = _grouped(links, "group", "recommendation__implementation", count="recommendation_id")
    goals = Category.objects.filter(taxonomy__slug=SDG, parent__isnull=True)
    language = get_language() or "vi"
    return [_row(goal.code, goal.label(language), counts.get(goal.code, {}),
                 RECOMMENDATION_STATUSES, "recommendation-list", sdg=goal.code,
                 framework=framework)
            for goal in sorted(goals, key=lambda goal: _goal_number(goal.code))]


def _overdue_by_agency(due_dates: QuerySet, framework: str) -> list[Row]:
    counts = dict(due_dates.order_by().values_list("indicator__agency_id").annotate(
        n=Count("pk", distinct=True)))
    rows = []
    for pk, agency in Agency.objects.in_bulk(list(counts)).items():
        url = _url("report-queue", agency=agency.code, framework=framework) + "#overdue"
        rows.append(Row(key=agency.code, label=_agency_label(agency), total=counts[pk],
                        url=url, segments=[Segment(key=OVERDUE, label=status_label(OVERDUE),
                                                   count=counts[pk], url=url)]))
    return sorted(rows, key=lambda row: (-row.total, row.label))


def figures(user, framework: str | None = None, today: date | None = None, *,
            top_themes: int = TOP_THEMES) -> Figures:
    """Everything the dashboard shows, for `user` (None: the whole government)."""
    framework = framework or ""
    today = today or timezone.localdate()
    accepted = accepted_recommendations(user, framework)
    return Figures(
        framework=framework,
        scope="all" if user is None else str(roles.role_of(user) or "none"),
        today=today,
        headline=_headline(accepted, framework),
        by_framework=_by_framework(accepted),
        by_agency=_by_agency(counted_actions(user, framework), framework),
        by_theme=_by_theme(accepted, framework, top_themes),
        by_sdg=_by_sdg(accepted, framework),
        overdue_by_agency=_overdue_by_agency(overdue_due_dates(user, framework, today),
                                             framework),
    )


def as_dict(result: Figures) -> dict:
    """The figures as plain JSON-ready data (the date as YYYY-MM-DD)."""
    data = asdict(result)
    data["today"] = result.today.isoformat()
    return data
