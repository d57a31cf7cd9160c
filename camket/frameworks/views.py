from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.frameworks import home_state, ordering, search
from camket.frameworks.models import Category, Framework, Implementation, Recommendation
from camket.frameworks.outline import ancestors, has_tree, outline
from camket.frameworks.results import Results, filter_choices, sdg_goals
from camket.frameworks.scoping import (
    coordinated_framework_ids,
    get_framework_for_user,
    get_recommendation_for_user,
    visible_recommendations,
)
from camket.plans.scoping import visible_actions, visible_indicators
from camket.review.clusters import shown_title
from camket.review.forms import DecisionForm, SendForReviewForm
from camket.review.history import recommendation_history
from camket.review.scoping import opinion_requests
from camket.tagging import similarity
from camket.tagging.scoping import visible_suggestions

PAGE_SIZE = 25


@login_required
def recommendation_list(request):
    params = search.SearchParams.from_mapping(request.GET)
    results = Results(
        request.user,
        params,
        related=("cluster",),
        named=True,
    )
    page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    every_state = query.copy()
    every_state["state"] = home_state.ALL_STATES
    state_in_effect = params.state_in_effect()
    context = {
        "params": params,
        "page": page,
        "state_in_effect": state_in_effect,
        "state_listed": home_state.state_of_code(state_in_effect),
        "every_state_query": every_state.urlencode(),
        "all_states": home_state.ALL_STATES,
        "facets": results.facets(),
        "query_string": query.urlencode(),
        "reading": results.reading,
        "agencies": Agency.objects.filter(archived=False, is_coordinator=False),
        "is_coordinator": roles.is_coordinator(request.user),
        "language": get_language(),
    }
    if not request.htmx:  # htmx swaps the results alone: the filters stay as they are
        context.update(filters_context(request.user, params, state_in_effect, results))
    coordinated_ids = set(coordinated_framework_ids(request.user))
    titles: dict[int, str] = {}  # items of one cluster often follow each other on a page
    for rec in page.object_list:
        rec.coordinated = rec.framework_id in coordinated_ids  # selectable for bulk actions
        if rec.cluster_id:
            if rec.cluster_id not in titles:
                titles[rec.cluster_id] = shown_title(request.user, rec.cluster)
            rec.cluster.shown_title = titles[rec.cluster_id]
    template = "frameworks/_results.html" if request.htmx else "frameworks/list.html"
    return render(request, template, context)


def filters_context(
    user, params: search.SearchParams, state_in_effect: str, listed: Results | None = None
) -> dict:
    """What the filter form offers."""
    choices = filter_choices(user, params, listed)
    return {
        **choices,
        "state_options": state_options(params, state_in_effect, choices["states_under_review"]),
        "sorts": ordering.sort_choices(),
        "tree_frameworks": [f for f in choices["frameworks"] if has_tree(f)],
        "responses": Recommendation.Response.choices,
        "statuses": Recommendation.Status.choices,
        "action_categories": Recommendation.ActionCategory.choices,
        "implementations": Implementation.choices,
        "kinds": Framework.Kind.choices,
        "chosen_category": Category.objects.filter(pk=params.category).first()
        if params.category
        else None,
        "sdg_goals": sdg_goals(),
    }


def state_options(params: search.SearchParams, in_effect: str, others) -> list[tuple]:
    """The state select's (value, label, selected): the default first, named after the home
    state (its value is empty, so the select keeps sending "the default" while htmx swaps the
    results and the framework filter changes), then every state, then the others."""
    home = home_state.home_state()
    every_state = home_state.ALL_STATES
    default_label = home.label(get_language()) if home is not None else _("All states")
    chosen = params.state or (
        in_effect if in_effect not in (every_state, getattr(home, "iso3", None)) else ""
    )
    if home is not None and chosen == home.iso3:
        chosen = ""
    options = [("", default_label, chosen == "")]
    if home is not None:
        options.append((every_state, _("All states"), chosen == every_state))
    options += [(state.iso3, state.label(get_language()), chosen == state.iso3) for state in others]
    return options


@login_required
def recommendation_detail(request, pk):
    recommendation = get_recommendation_for_user(request.user, pk)
    history = recommendation_history(request.user, recommendation)
    is_coordinator = roles.coordinates(request.user, recommendation.framework)
    language = get_language()
    framework = recommendation.framework
    context = {
        "recommendation": recommendation,
        "ancestors": ancestors(request.user, recommendation),
        "children": visible_recommendations(request.user)
        .filter(parent=recommendation)
        .order_by("id"),
        "has_tree": has_tree(framework),
        "level_label": framework.level_label(recommendation.level, language),
        "child_level_label": framework.level_label(recommendation.level + 1, language),
        "states": recommendation.recommending_states.all(),
        "categories": recommendation.categories.select_related("taxonomy").order_by(
            "taxonomy__name", "code", "name"
        ),
        "opinion_requests": opinion_requests(request.user, recommendation),
        "history": history,
        "is_coordinator": is_coordinator,
        "language": language,
        "actions": visible_actions(request.user)
        .filter(recommendations=recommendation)
        .exclude(publication="archived")
        .select_related("lead_agency"),
        "indicators": visible_indicators(request.user)
        .filter(recommendation=recommendation, archived=False)
        .select_related("agency")
        .prefetch_related("due_dates"),
        "suggestions": _decidable(
            visible_suggestions(request.user)
            .filter(recommendation=recommendation)
            .select_related("category", "decided_by")
            .order_by("state", "kind", "-confidence"),
            is_coordinator,
        ),
        **similar_recommendations(request.user, recommendation),
        "cluster_members": (
            visible_recommendations(request.user)
            .filter(cluster=recommendation.cluster_id)
            .exclude(pk=recommendation.pk)
            if recommendation.cluster_id
            else []
        ),
        "cluster_title": (
            shown_title(request.user, recommendation.cluster) if recommendation.cluster_id else ""
        ),
    }
    if is_coordinator:
        context["decision_form"] = DecisionForm(recommendation=recommendation)
        context["send_form"] = SendForReviewForm()
    return render(request, "frameworks/detail.html", context)


def _decidable(suggestions, decidable: bool) -> list:
    """The suggestions, each saying whether the reader may accept or reject it."""
    suggestions = list(suggestions)
    for suggestion in suggestions:
        suggestion.decidable = decidable
    return suggestions


def similar_recommendations(user, recommendation) -> dict:
    candidates = visible_recommendations(user).select_related("framework")
    return {
        "earlier_matches": similarity.earlier_cycles(recommendation, candidates),
        "near_duplicates": similarity.most_similar(
            recommendation,
            candidates.filter(framework=recommendation.framework),
            limit=5,
            minimum=similarity.NEAR_DUPLICATE,
        ),
    }


@login_required
def framework_tree(request, slug):
    """The framework's items as a tree (only those the reader may see), each with its level
    and its implementation rolled up from the leaves."""
    framework = get_framework_for_user(request.user, slug)
    language = get_language()
    return render(
        request,
        "frameworks/tree.html",
        {
            "framework": framework,
            "framework_label": framework.label(language),
            "levels": [level.label(language) for level in framework.level_list()],
            "roots": outline(request.user, framework, language),
        },
    )
