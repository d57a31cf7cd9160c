"""Filtering and full-text search over recommendations, shared by the web UI and the API."""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext as _

from camket.frameworks.models import Category, Framework, Recommendation, State
from camket.frameworks.scoping import visible_recommendations
from camket.lib.folding import search_terms
from camket.lib.vocabulary import SDG

FILTER_NAMES = ("framework", "state", "theme", "sdg", "response", "action_category", "status",
                "agency", "cluster")


@dataclass
class SearchParams:
    q: str = ""
    framework: str = ""
    state: str = ""
    theme: str = ""
    sdg: str = ""
    response: str = ""
    action_category: str = ""
    status: str = ""
    agency: str = ""
    cluster: str = ""

    @classmethod
    def from_mapping(cls, data) -> "SearchParams":
        return cls(**{name: (data.get(name) or "").strip()[:200]
                      for name in ("q", *FILTER_NAMES)})

    def active(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in ("q", *FILTER_NAMES) if getattr(self, name)}


def apply_text_search(queryset: QuerySet, query: str) -> QuerySet:
    """Every word must appear, diacritics and case ignored, matched at a word start.

    Uses the full-text index the migrations create (FTS5 on SQLite, GIN on PostgreSQL);
    any other database scans the folded column.
    """
    terms = search_terms(query)
    if not terms:
        return queryset
    vendor = connection.vendor
    if vendor == "sqlite":
        match = " AND ".join(f'"{term}"*' for term in terms)
        return queryset.filter(pk__in=RawSQL(
            "SELECT rowid FROM frameworks_recommendation_fts "
            "WHERE frameworks_recommendation_fts MATCH %s", [match]))
    if vendor == "postgresql":
        tsquery = " & ".join(f"'{term}':*" for term in terms)
        return queryset.filter(pk__in=RawSQL(
            "SELECT id FROM frameworks_recommendation WHERE "
            "to_tsvector('simple'::regconfig, search_document) @@ "
            "to_tsquery('simple'::regconfig, %s)", [tsquery]))
    for term in terms:
        queryset = queryset.filter(search_document__contains=" " + term)
    return queryset


def search(user, params: SearchParams) -> QuerySet[Recommendation]:
    queryset = apply_text_search(visible_recommendations(user), params.q)
    if params.framework:
        queryset = queryset.filter(framework__slug=params.framework)
    if params.state.isdigit():
        queryset = queryset.filter(recommending_states__id=int(params.state))
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
    elif params.response:
        queryset = queryset.filter(response=params.response)
    if params.action_category.isdigit():
        queryset = queryset.filter(action_category=int(params.action_category))
    if params.status:
        queryset = queryset.filter(status=params.status)
    if params.agency.isdigit():
        queryset = queryset.filter(assessments__agency_id=int(params.agency))
    if params.cluster.isdigit():
        queryset = queryset.filter(cluster_id=int(params.cluster))
    if params.state.isdigit() or params.theme.isdigit() or params.sdg or params.agency:
        queryset = queryset.distinct()
    return queryset


@dataclass
class Facets:
    frameworks: list = field(default_factory=list)
    responses: list = field(default_factory=list)
    action_categories: list = field(default_factory=list)
    statuses: list = field(default_factory=list)
    states: list = field(default_factory=list)
    themes: list = field(default_factory=list)
    sdgs: list = field(default_factory=list)


def facets(queryset: QuerySet[Recommendation], *, top: int = 12) -> Facets:
    """Counts of the current results per value of each filter."""
    ids = queryset.order_by().values("pk")
    base = Recommendation.objects.filter(pk__in=ids).order_by()
    result = Facets()
    frameworks = dict(Framework.objects.values_list("slug", "name"))
    result.frameworks = [
        (slug, frameworks.get(slug, slug), n)
        for slug, n in base.values_list("framework__slug").annotate(n=Count("pk")).order_by("-n")
    ]
    labels = dict(Recommendation.Response.choices)
    result.responses = [
        (value or "none", labels.get(value, _("Not yet decided")), n)
        for value, n in base.values_list("response").annotate(n=Count("pk")).order_by("-n")
    ]
    labels = dict(Recommendation.ActionCategory.choices)
    result.action_categories = [
        (value, labels[value], n)
        for value, n in base.values_list("action_category").annotate(n=Count("pk"))
        .order_by("action_category") if value
    ]
    labels = dict(Recommendation.Status.choices)
    result.statuses = [
        (value, labels[value], n)
        for value, n in base.values_list("status").annotate(n=Count("pk")).order_by("-n")
    ]
    state_counts = (State.objects.filter(recommended__in=ids).annotate(n=Count("recommended"))
                    .order_by("-n")[:top])
    result.states = [(s.pk, s.name, s.n) for s in state_counts]
    category_counts = (Category.objects.filter(recommendations__in=ids)
                       .exclude(taxonomy__slug=SDG).select_related("taxonomy")
                       .annotate(n=Count("recommendations")).order_by("-n")[:top])
    result.themes = [(c, c.n) for c in category_counts]
    sdg_counts = (Category.objects.filter(recommendations__in=ids, taxonomy__slug=SDG)
                  .values_list("parent__code", "code").annotate(n=Count("recommendations")))
    goals: dict[str, int] = {}
    for parent_code, code, n in sdg_counts:
        goal = parent_code or code
        goals[goal] = goals.get(goal, 0) + n
    result.sdgs = sorted(goals.items(), key=lambda item: int(item[0]))
    return result
