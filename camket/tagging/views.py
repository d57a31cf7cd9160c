"""Suggested tags (list, accept, reject, in bulk), tagging runs and near-duplicate groups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts import roles
from camket.frameworks.scoping import (
    coordinated_framework_ids,
    coordinated_frameworks,
    visible_frameworks,
    visible_recommendations,
)
from camket.jobs.recovery import recover_lost_jobs
from camket.lib.numbers import positive_ints
from camket.tagging import suggestions
from camket.tagging.models import Suggestion, TaggingRun
from camket.tagging.runs import request_run, visible_runs
from camket.tagging.scoping import SuggestionFilters, parse_confidence, visible_suggestions
from camket.tagging.similarity import near_duplicate_groups
from camket.web.helpers import coordinator_only, error_text, safe_next

PAGE_SIZE = 50
MAX_GROUPS = 100


@login_required
def suggestion_list(request):
    filters = SuggestionFilters.from_mapping(request.GET)
    found = (
        filters.apply(visible_suggestions(request.user))
        .select_related("recommendation__framework", "category", "decided_by")
        .order_by("recommendation__framework__slug", "recommendation_id", "kind", "-confidence")
    )
    page = Paginator(found, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    is_coordinator = roles.is_coordinator(request.user)
    coordinated_ids = set(coordinated_framework_ids(request.user))
    for suggestion in page.object_list:  # decided by the coordinators of its framework only
        suggestion.decidable = suggestion.recommendation.framework_id in coordinated_ids
    if is_coordinator:
        recover_lost_jobs()  # so a run whose worker was killed shows as interrupted
    return render(
        request,
        "tagging/suggestions.html",
        {
            "filters": filters,
            "page": page,
            "query_string": query.urlencode(),
            "frameworks": visible_frameworks(request.user),
            "run_frameworks": coordinated_frameworks(request.user).filter(archived=False),
            "kinds": Suggestion.Kind.choices,
            "states": Suggestion.State.choices,
            "is_coordinator": is_coordinator,
            "language": get_language(),
            "runs": visible_runs(request.user).select_related("framework")[:5]
            if is_coordinator
            else [],
        },
    )


@login_required
@require_POST
def suggestion_decide(request, pk, decision):
    suggestion = get_object_or_404(visible_suggestions(request.user), pk=pk)
    try:
        (suggestions.accept if decision == "accept" else suggestions.reject)(
            request.user, suggestion
        )
        messages.success(
            request,
            _("Suggestion accepted.")
            if decision == "accept"
            else _("Suggestion rejected: it will not be suggested again."),
        )
    except suggestions.AlreadyDecided:
        messages.error(request, _("Someone already decided this suggestion; nothing changed."))
    except ValidationError as error:
        messages.error(request, error_text(error))
    return redirect(
        safe_next(request, reverse("recommendation-detail", args=[suggestion.recommendation_id]))
    )


@login_required
@require_POST
def suggestion_bulk(request):
    coordinator_only(request)
    decision = request.POST.get("decision")
    chosen = SuggestionFilters.from_mapping(request.POST).apply(visible_suggestions(request.user))
    if request.POST.get("scope") == "selected":
        chosen = chosen.filter(pk__in=positive_ints(request.POST.getlist("ids")))
        threshold = None
    else:
        threshold = parse_confidence(request.POST.get("threshold"))
    problem = bulk_problem(
        decision,
        threshold,
        selected=request.POST.get("scope") == "selected",
        any_chosen=chosen.exists(),
    )
    if problem:
        messages.error(request, problem)
        return redirect(safe_next(request, reverse("suggestion-list")))
    accepting = decision == "accept"
    if threshold is not None:
        chosen = suggestions.beyond_threshold(chosen, accepting=accepting, threshold=threshold)
    decided, skipped = suggestions.decide_many(request.user, chosen, accepting=accepting)
    message = (
        _("%(count)d suggestion(s) accepted.")
        if accepting
        else _("%(count)d suggestion(s) rejected.")
    ) % {"count": decided}
    if skipped:
        message += " " + _("%(count)d skipped: already decided or no longer applicable.") % {
            "count": skipped
        }
    messages.success(request, message)
    return redirect(safe_next(request, reverse("suggestion-list")))


def bulk_problem(decision, threshold, *, selected: bool, any_chosen: bool) -> str:
    if decision not in ("accept", "reject"):
        return _("Choose to accept or to reject.")
    if selected and not any_chosen:
        return _("Tick the suggestions to decide first.")
    if not selected and threshold is None:
        return _("Give a confidence between 0 and 1.")
    return ""


@login_required
@require_POST
def tagging_run_start(request):
    coordinator_only(request)
    job = request.POST.get("job")
    if job not in TaggingRun.Job.values:
        messages.error(request, _("Choose what to run."))
        return redirect("suggestion-list")
    slug = request.POST.get("framework", "")
    framework = get_object_or_404(visible_frameworks(request.user), slug=slug) if slug else None
    try:
        run = request_run(request.user, job, framework)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("suggestion-list")
    messages.success(
        request,
        _("“%(job)s” queued: the background worker will do it (camket db_worker).")
        % {"job": run.get_job_display()},
    )
    return redirect("suggestion-list")


@login_required
def near_duplicates(request):
    frameworks = visible_frameworks(request.user)
    framework = frameworks.filter(slug=request.GET.get("framework", "")).first()
    groups, total = [], 0
    if framework is not None:
        candidates = (
            visible_recommendations(request.user)
            .filter(framework=framework, cluster__isnull=True)
            .exclude(status="archived")
            .select_related("framework")
        )
        groups = near_duplicate_groups(candidates)
        total, groups = len(groups), groups[:MAX_GROUPS]
    return render(
        request,
        "tagging/duplicates.html",
        {
            "frameworks": frameworks,
            "framework": framework,
            "groups": groups,
            "total": total,
            "is_coordinator": framework is not None and roles.coordinates(request.user, framework),
        },
    )
