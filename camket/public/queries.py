"""What the portal shows, read through `public.scoping` only: the pages and the public API
both call these. Every function runs a fixed number of queries, however many records."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from camket.frameworks import home_state
from camket.frameworks.models import Category, Framework, Implementation, Recommendation, State
from camket.frameworks.search import apply_text_search
from camket.frameworks.state_order import by_label
from camket.lib.numbers import positive_int_text
from camket.lib.vocabulary import SDG
from camket.plans.models import Action, Indicator
from camket.plans.trend_chart import trend_view
from camket.plans.trends import build_trend
from camket.public.scoping import (
    public_actions,
    public_evidence,
    public_frameworks,
    public_indicators,
    public_recommendations,
    public_reports,
)

FILTER_NAMES = ("q", "response", "theme", "sdg", "implementation", "state", "recommending_state")
NONE = "none"  # the filter value for "no response yet" / "not planned yet"


@dataclass
class PortalFilters:
    q: str = ""
    response: str = ""
    theme: str = ""
    sdg: str = ""
    implementation: str = ""
    state: str = ""  # the state under review: ISO3, "all", or "" (see frameworks.home_state)
    recommending_state: str = ""  # a State id

    @classmethod
    def from_mapping(cls, data) -> "PortalFilters":
        values = {name: (data.get(name) or "").strip()[:200] for name in FILTER_NAMES}
        values["theme"] = positive_int_text(values["theme"])
        if values["state"].isdigit():  # the recommending state, as the filter once was
            values["recommending_state"] = values["recommending_state"] or values["state"]
            values["state"] = home_state.ALL_STATES
        values["state"] = home_state.normalise_state_code(values["state"])
        values["recommending_state"] = positive_int_text(values["recommending_state"])
        values["sdg"] = values["sdg"] if values["sdg"].isdigit() else ""
        return cls(**values)

    def active(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in FILTER_NAMES if getattr(self, name)}


def get_public_framework(slug: str) -> Framework:
    return get_object_or_404(public_frameworks(), slug=slug)


def frameworks_with_counts() -> list[Framework]:
    """The public frameworks, each with `item_count`, `action_count` and `implementation`
    (a Counter of its published items per implementation status, "" = not planned)."""
    frameworks = list(public_frameworks().order_by("-cycle", "name"))
    per_status = (
        public_recommendations()
        .order_by()
        .values_list("framework_id", "implementation")
        .annotate(n=Count("pk"))
    )
    counts: dict[int, Counter] = defaultdict(Counter)
    for framework_id, status, n in per_status:
        counts[framework_id][status] += n
    actions = dict(
        public_actions().order_by().values_list("plan__framework_id").annotate(n=Count("pk"))
    )
    for framework in frameworks:
        framework.implementation = counts[framework.pk]
        framework.item_count = sum(counts[framework.pk].values())
        framework.action_count = actions.get(framework.pk, 0)
    return frameworks


def framework_items(framework: Framework) -> QuerySet[Recommendation]:
    return public_recommendations().filter(framework=framework)


def find_items(framework: Framework, filters: PortalFilters) -> QuerySet[Recommendation]:
    """The framework's public items matching the search words (diacritics folded) and filters."""
    queryset = apply_text_search(items_in_state(framework, filters), filters.q)
    if filters.response == NONE:
        queryset = queryset.filter(response="")
    elif filters.response:
        queryset = queryset.filter(response=filters.response)
    if filters.implementation == NONE:
        queryset = queryset.filter(implementation="")
    elif filters.implementation:
        queryset = queryset.filter(implementation=filters.implementation)
    if filters.theme:
        theme = int(filters.theme)
        queryset = queryset.filter(
            pk__in=Recommendation.objects.filter(
                Q(categories__id=theme) | Q(categories__parent_id=theme)
            ).values("pk")
        )
    if filters.sdg:
        queryset = queryset.filter(
            pk__in=Recommendation.objects.filter(
                Q(categories__taxonomy__slug=SDG)
                & (Q(categories__code=filters.sdg) | Q(categories__parent__code=filters.sdg))
            ).values("pk")
        )
    if filters.recommending_state:
        queryset = queryset.filter(
            pk__in=Recommendation.objects.filter(
                recommending_states__id=int(filters.recommending_state)
            ).values("pk")
        )
    return queryset.order_by("id")


def items_in_state(framework: Framework, filters: PortalFilters) -> QuerySet[Recommendation]:
    """The framework's public items about the state under review asked for; by default the
    home state's, as in the signed-in list (a framework about another state: that state's)."""
    condition = home_state.state_condition(filters.state, framework.slug)
    items = framework_items(framework)
    return items if condition is None else items.filter(condition)


def state_in_effect(framework: Framework, filters: PortalFilters) -> str:
    return filters.state or home_state.default_state_code(framework.slug)


def with_listing_details(queryset: QuerySet[Recommendation]) -> QuerySet[Recommendation]:
    """What a list of items shows: states and categories, fetched in one query each."""
    return queryset.prefetch_related(
        "recommending_states",
        Prefetch("categories", queryset=Category.objects.select_related("taxonomy")),
    )


@dataclass
class Choice:
    value: str
    label: str


@dataclass
class FilterChoices:
    responses: list[Choice]
    implementation: list[Choice]
    themes: list[Choice]
    sdgs: list[Choice]
    states: list[Choice]
    states_under_review: list[Choice]


def filter_choices(
    framework: Framework, language: str, filters: PortalFilters | None = None
) -> FilterChoices:
    """The values a filter can take, from the framework's public items only (a theme, state or
    status used by drafts alone is never offered), of the state under review chosen. The
    states under review: the home state, every state, then those the items are about."""
    every_item = framework_items(framework)
    items = items_in_state(framework, filters or PortalFilters()).order_by()
    ids = items.values("pk")
    responses = set(items.values_list("response", flat=True).distinct())
    statuses = set(items.values_list("implementation", flat=True).distinct())
    labels = dict(Recommendation.Response.choices)
    response_choices = [
        Choice(value, str(label)) for value, label in labels.items() if value in responses
    ]
    if "" in responses and framework.has_response:
        response_choices.append(Choice(NONE, _("Not yet decided")))
    labels = dict(Implementation.choices)
    status_choices = [
        Choice(value, str(label)) for value, label in labels.items() if value in statuses
    ]
    if "" in statuses:
        status_choices.append(Choice(NONE, _("Not planned yet")))
    categories = (
        Category.objects.filter(recommendations__in=ids)
        .select_related("taxonomy")
        .distinct()
        .order_by("taxonomy__name", "code", "name")
    )
    themes, goals = [], set()
    sdg_parents = set()
    for category in categories:
        if category.taxonomy.slug == SDG:
            (
                goals.add(category.code)
                if category.parent_id is None
                else sdg_parents.add(category.parent_id)
            )
        else:
            themes.append(Choice(str(category.pk), category.label(language)))
    goals |= set(Category.objects.filter(pk__in=sdg_parents).values_list("code", flat=True))
    sdgs = [
        Choice(code, _("Goal %(code)s") % {"code": code})
        for code in sorted((g for g in goals if g.isdigit()), key=int)
    ]
    states = by_label(State.objects.filter(recommended__in=ids).distinct(), language)
    home = home_state.home_state()
    about = [
        Choice(state.iso3, state.label(language))
        for state in home_state.states_under_review(every_item)
    ]
    return FilterChoices(
        responses=response_choices,
        implementation=status_choices,
        themes=themes,
        sdgs=sdgs,
        states=[Choice(str(state.pk), state.label(language)) for state in states],
        states_under_review=[
            *([Choice(home.iso3, home.label(language))] if home else []),
            Choice(home_state.ALL_STATES, _("All states")),
            *about,
        ]
        if about
        else [],
    )


def counts_by(queryset: QuerySet[Recommendation], field: str) -> Counter:
    return Counter(dict(queryset.order_by().values_list(field).annotate(n=Count("pk"))))


def get_public_item(framework: Framework, reference: str) -> Recommendation:
    queryset = framework_items(framework).select_related("framework")
    return get_object_or_404(with_listing_details(queryset), reference=reference)


def public_ancestors(item: Recommendation) -> list[Recommendation]:
    """The item's public parents, top first (stops at one that is not public)."""
    chain, seen, parent_id = [], {item.pk}, item.parent_id
    items = public_recommendations()
    while parent_id is not None and parent_id not in seen:
        parent = (
            items.filter(pk=parent_id)
            .only("pk", "reference", "text", "text_vi", "parent_id", "level", "framework_id")
            .first()
        )
        if parent is None:
            break
        chain.append(parent)
        seen.add(parent.pk)
        parent_id = parent.parent_id
    return chain[::-1]


def public_children(item: Recommendation) -> QuerySet[Recommendation]:
    return public_recommendations().filter(parent=item).order_by("id")


def _with_action_details(actions: QuerySet[Action]) -> QuerySet[Action]:
    """An action may implement items of several frameworks: each item (and the action) comes
    with its own framework, so links and references name the right one."""
    items = public_recommendations().select_related("framework").order_by("framework_id", "id")
    return (
        actions.select_related("lead_agency", "plan__framework")
        .prefetch_related(
            "co_agencies", Prefetch("recommendations", queryset=items, to_attr="public_items")
        )
        .order_by("plan_id", "reference", "id")
    )


def framework_actions(framework: Framework) -> QuerySet[Action]:
    return _with_action_details(public_actions().filter(plan__framework=framework))


def get_public_action(framework: Framework, pk: int) -> Action:
    return get_object_or_404(framework_actions(framework), pk=pk)


def item_actions(item: Recommendation) -> list[Action]:
    """The public actions implementing the item, whichever framework's plan holds them."""
    actions = list(_with_action_details(public_actions().filter(recommendations=item)))
    attach_progress(actions, public_indicators().filter(action__in=[a.pk for a in actions]))
    return actions


def item_indicators(item: Recommendation) -> list[Indicator]:
    """Indicators measured for the item itself (not through an action), with their progress."""
    attach_progress(
        [item], public_indicators().filter(recommendation=item), field="recommendation_id"
    )
    return item.public_indicators


def attach_progress(
    holders: list, indicators: QuerySet[Indicator], *, field: str = "action_id"
) -> None:
    """Give each holder (action or item) `public_indicators`, each with `public_reports`
    (accepted, public, oldest period first), each with `public_files`, and its `trend` (the
    chart of those values): three queries in all."""
    indicators = list(indicators.order_by("id"))
    reports = (
        public_reports()
        .filter(due_date__indicator__in=[i.pk for i in indicators])
        .select_related("due_date")
        .prefetch_related(
            Prefetch("evidence", queryset=public_evidence().order_by("id"), to_attr="public_files")
        )
        .order_by("due_date__period_start", "id")
    )
    by_indicator = defaultdict(list)
    for report in reports:
        by_indicator[report.due_date.indicator_id].append(report)
    by_holder = defaultdict(list)
    for indicator in indicators:
        indicator.public_reports = by_indicator[indicator.pk]
        indicator.trend = trend_view(build_trend(indicator, indicator.public_reports))
        by_holder[getattr(indicator, field)].append(indicator)
    for holder in holders:
        holder.public_indicators = by_holder[holder.pk]
