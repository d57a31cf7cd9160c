"""Filtering and full-text search over recommendations, shared by the web UI and the API."""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q, QuerySet

from camket.accounts import roles
from camket.frameworks import home_state, ordering
from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import coordinated, visible_recommendations
from camket.frameworks.textsearch import Reading, apply_text_search, read_query
from camket.lib.numbers import positive_int_text
from camket.lib.vocabulary import ACCEPTED_RESPONSES, SDG
from camket.tagging.similarity import more_like_this

FILTER_NAMES = (
    "framework",
    "kind",
    "category",
    "state",
    "recommending_state",
    "theme",
    "sdg",
    "response",
    "action_category",
    "status",
    "agency",
    "cluster",
    "implementation",
    "like",
    "sort",
    "translation",
)
ID_FILTERS = (
    "category",
    "recommending_state",
    "theme",
    "action_category",
    "agency",
    "cluster",
    "like",
)
# What each parameter means, for the API's documentation.
FILTER_DESCRIPTIONS = {
    "q": "search words; results are then ranked by relevance unless `sort` says otherwise",
    "framework": "a framework's short name (slug)",
    "kind": "a framework kind: upr_cycle, treaty_body, programme, declaration, strategy, "
    "convention",
    "category": "a category id, of any taxonomy (its children count too)",
    "state": "the state under review: an ISO 3166 three-letter code (VNM), or `all`; empty: "
    "the chosen framework's state, else the home state (CAMKET_HOME_STATE), else "
    "every state when the home state is unknown to camket. A number is read as "
    "`recommending_state` (the old meaning) over all states",
    "recommending_state": "the id of a state that made the recommendation",
    "theme": "a theme id (its sub-themes count too)",
    "sdg": "an SDG goal or target code: 16, 16.2",
    "response": "supported, supported_in_part, noted, already_implemented, accepted (the "
    "first two and already_implemented), committed, none",
    "action_category": "an action category, 1 to 5",
    "status": "draft, published, archived",
    "agency": "the id of an agency asked for an opinion (coordinators only)",
    "cluster": "a cluster id",
    "implementation": "not_started, in_progress, partly_implemented, implemented, "
    "not_implemented, none",
    "like": "a recommendation id: the most similar ones, most similar first (`sort` ignored)",
    "sort": "relevance (default with `q`), newest (default: newest cycle and session first), "
    "oldest, state, response, status, implementation, reference",
    "translation": "missing: items without a Vietnamese text yet; done: items with one",
}
__all__ = ["apply_text_search"]  # re-exported: the public portal searches with it
# The `response` value for what the state committed to: accepted recommendations, and every
# item of a framework whose items receive no response (commitments, outputs, tasks…)
COMMITTED = "committed"


def committed_condition() -> Q:
    """Accepted recommendations, and the items of frameworks without a response that have no
    items below them (outputs, commitments, tasks: a sub-programme or an outcome is made of
    its outputs, and counting it too would count the same work twice)."""
    has_children = Exists(Recommendation.objects.filter(parent=OuterRef("pk")))
    return Q(response__in=ACCEPTED_RESPONSES, framework__has_response=True) | (
        Q(framework__has_response=False) & ~has_children
    )


def in_category_condition(category_id: int, prefix: str = "") -> Q:
    """Tagged with the category or one of its children or grandchildren (a theme and its
    sub-themes, an SDG goal and its targets)."""
    return (
        Q(**{f"{prefix}categories__id": category_id})
        | Q(**{f"{prefix}categories__parent_id": category_id})
        | Q(**{f"{prefix}categories__parent__parent_id": category_id})
    )


@dataclass
class SearchParams:
    q: str = ""
    framework: str = ""
    kind: str = ""  # a framework kind: upr_cycle, programme, declaration…
    category: str = ""  # a category's id, of any taxonomy: its children count too
    state: str = ""  # the state under review: ISO3, "all", or "" for the default
    recommending_state: str = ""  # a State id
    theme: str = ""
    sdg: str = ""
    response: str = ""
    action_category: str = ""
    status: str = ""
    agency: str = ""
    cluster: str = ""
    implementation: str = ""
    like: str = ""  # a recommendation's id: the most similar ones, most similar first
    translation: str = ""  # "missing": no Vietnamese text yet; "done": it has one
    sort: str = ""  # see camket.frameworks.ordering.SORTS; "" or unknown: the default

    @classmethod
    def from_mapping(cls, data) -> "SearchParams":
        params = cls(
            **{name: (data.get(name) or "").strip()[:200] for name in ("q", *FILTER_NAMES)}
        )
        if params.state.isdigit():
            # `state=<id>` was the recommending state before the state under review existed:
            # old bookmarks keep their meaning, over every state under review.
            params.recommending_state = params.recommending_state or params.state
            params.state = home_state.ALL_STATES if positive_int_text(params.state) else ""
        params.state = home_state.normalise_state_code(params.state)
        # Ids typed into the address: anything but a number from 1 to MAX_ID is ignored.
        for name in ID_FILTERS:
            setattr(params, name, positive_int_text(getattr(params, name)))
        return params

    def active(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in ("q", *FILTER_NAMES) if getattr(self, name)}

    def state_in_effect(self) -> str:
        """The state under review listed: an ISO3 code, or `all`."""
        return self.state or home_state.default_state_code(self.framework)

    def sort_in_effect(self) -> str:
        return ordering.chosen_sort(self.sort, self.q)


def search(user, params: SearchParams) -> QuerySet[Recommendation]:
    """The recommendations the user may see matching the filters, in the chosen order."""
    queryset = apply_text_search(visible_recommendations(user), params.q)
    queryset = in_state(queryset, params)
    if params.framework:
        queryset = queryset.filter(framework__slug=params.framework)
    if params.kind:
        queryset = queryset.filter(framework__kind=params.kind)
    if params.category.isdigit():
        queryset = queryset.filter(
            pk__in=Recommendation.objects.filter(
                in_category_condition(int(params.category))
            ).values("pk")
        )
    if params.recommending_state.isdigit():
        queryset = queryset.filter(recommending_states__id=int(params.recommending_state))
    if params.theme.isdigit():
        theme = int(params.theme)
        queryset = queryset.filter(Q(categories__id=theme) | Q(categories__parent_id=theme))
    if params.sdg:
        queryset = queryset.filter(
            Q(categories__taxonomy__slug=SDG)
            & (Q(categories__code=params.sdg) | Q(categories__parent__code=params.sdg))
        )
    if params.response == "none":
        queryset = queryset.filter(response="")
    elif params.response == "accepted":
        queryset = queryset.filter(response__in=ACCEPTED_RESPONSES)
    elif params.response == COMMITTED:
        queryset = queryset.filter(committed_condition())
    elif params.response:
        queryset = queryset.filter(response=params.response)
    if params.action_category.isdigit():
        queryset = queryset.filter(action_category=int(params.action_category))
    if params.status:
        queryset = queryset.filter(status=params.status)
    if params.agency.isdigit() and roles.is_coordinator(user):
        # Which agencies were asked is the business of the framework's coordinators only.
        queryset = queryset.filter(
            coordinated(user, "framework"), assessments__agency_id=int(params.agency)
        )
    if params.cluster.isdigit():
        queryset = queryset.filter(cluster_id=int(params.cluster))
    if params.implementation == "none":
        queryset = queryset.filter(implementation="")
    elif params.implementation:
        queryset = queryset.filter(implementation=params.implementation)
    if params.translation == "missing":
        queryset = queryset.filter(text_vi="")
    elif params.translation == "done":
        queryset = queryset.exclude(text_vi="")
    if params.recommending_state.isdigit() or params.theme.isdigit() or params.sdg or params.agency:
        queryset = queryset.distinct()
    if params.like.isdigit():
        like = int(params.like)
        visible = visible_recommendations(user).filter(pk=like).exists()
        return more_like_this(queryset, like) if visible else queryset.none()
    return ordering.ordered(queryset, params.sort_in_effect())


def query_reading(user, params: SearchParams) -> Reading | None:
    """How the search words were read for this user (the words left out because no item the
    user may see has them beside the rest of the query); None without search words."""
    if not params.q:
        return None
    return read_query(visible_recommendations(user), params.q, rank=False)


def in_state(queryset: QuerySet[Recommendation], params: SearchParams) -> QuerySet[Recommendation]:
    """Only the items about the state under review the parameters ask for (by default the
    home state's: see `home_state.state_condition`)."""
    condition = home_state.state_condition(params.state, params.framework)
    return queryset if condition is None else queryset.filter(condition)


@dataclass
class Facets:
    frameworks: list = field(default_factory=list)
    responses: list = field(default_factory=list)
    action_categories: list = field(default_factory=list)
    statuses: list = field(default_factory=list)
    states: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    sdgs: list = field(default_factory=list)
