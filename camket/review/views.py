from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts import roles
from camket.frameworks.history import entries_for
from camket.frameworks.scoping import get_recommendation_for_user, visible_recommendations
from camket.lib.concurrency import StaleEdit
from camket.lib.numbers import positive_ints
from camket.review import services
from camket.review.clusters import (
    listed_clusters,
    reads_review_progress,
    shown_title,
    with_shown_titles,
)
from camket.review.forms import AssessmentForm, BulkActionForm, DecisionForm, SendForReviewForm
from camket.review.history import assessment_history
from camket.review.models import Assessment, Cluster
from camket.review.scoping import get_assessment_for_user, get_request_for_coordinator
from camket.web.helpers import (
    coordinator_only,
    error_text,
    keep_input_after_stale_edit,
    safe_next,
    stale_message,
)


@login_required
@require_POST
def decide_view(request, pk):
    recommendation = get_recommendation_for_user(request.user, pk)
    coordinator_only(request, recommendation)
    form = DecisionForm(request.POST, recommendation=recommendation)
    if not form.is_valid():
        messages.error(request, _("The decision was not saved: check the fields."))
        return redirect(recommendation_url(recommendation))
    try:
        decided = services.decide(
            request.user,
            recommendation,
            response=form.cleaned_data["response"],
            reason=form.cleaned_data["reason"],
            decided_on=form.cleaned_data["decided_on"],
            version=form.cleaned_data["version"],
        )
    except StaleEdit:
        messages.error(
            request,
            _(
                "Someone else changed this recommendation while you were editing. Your decision "
                "was not saved; the page now shows their version — please review and decide again."
            ),
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request,
            _("Decision recorded for %(count)d recommendation(s).") % {"count": len(decided)},
        )
    return redirect(recommendation_url(recommendation))


def recommendation_url(recommendation) -> str:
    return reverse("recommendation-detail", args=[recommendation.pk])


@login_required
@require_POST
def send_view(request, pk):
    recommendation = get_recommendation_for_user(request.user, pk)
    coordinator_only(request, recommendation)
    form = SendForReviewForm(request.POST)
    if form.is_valid():
        sent = services.send_for_review(
            request.user,
            [recommendation],
            form.cleaned_data["agencies"],
            due_on=form.cleaned_data["due_on"],
        )
        messages.success(request, sent.message())
    else:
        messages.error(request, _("Choose at least one agency."))
    return redirect(recommendation_url(recommendation))


@login_required
@require_POST
def bulk_view(request):
    coordinator_only(request)
    form = BulkActionForm(request.POST)
    ids = positive_ints(request.POST.getlist("ids"))
    selected = list(visible_recommendations(request.user).filter(pk__in=ids))
    if not form.is_valid() or not selected:
        messages.error(request, _("Select recommendations and an action."))
        return redirect(_safe_next(request))
    action = form.cleaned_data["action"]
    try:
        if action == "send":
            if not form.cleaned_data["agencies"]:
                raise ValidationError(_("Choose at least one agency."))
            sent = services.send_for_review(
                request.user,
                selected,
                form.cleaned_data["agencies"],
                due_on=form.cleaned_data["due_on"],
            )
            messages.success(request, sent.message())
        elif action == "cluster":
            cluster = services.make_cluster(request.user, selected, form.cleaned_data["title"])
            messages.success(request, _("Cluster “%(title)s” created.") % {"title": cluster.title})
            return redirect("cluster-detail", pk=cluster.pk)
        else:
            status = {"publish": "published", "draft": "draft", "archive": "archived"}[action]
            changed = services.set_status(request.user, selected, status)
            messages.success(
                request, _("%(count)d recommendation(s) updated.") % {"count": changed}
            )
    except (ValidationError, StaleEdit) as error:
        messages.error(
            request, error_text(error) if isinstance(error, ValidationError) else str(error)
        )
    return redirect(_safe_next(request))


def _safe_next(request) -> str:
    return safe_next(request, reverse("recommendation-list"))


@login_required
def progress_view(request):
    if not reads_review_progress(request.user):
        return redirect("my-assessments")
    return render(
        request,
        "review/progress.html",
        {
            "rows": services.review_progress(),
            "clusters": with_shown_titles(request.user, listed_clusters(request.user)[:200]),
        },
    )


@login_required
def my_assessments_view(request):
    return render(
        request,
        "review/mine.html",
        {
            "assessments": services.open_assessments_for(request.user),
            "agency": roles.agency_of(request.user),
        },
    )


@login_required
def assessment_edit_view(request, pk):
    assessment = get_assessment_for_user(request.user, pk)
    can_edit = request.user.has_perm("review.change_assessment", assessment)
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied(_("You cannot change this opinion."))
        form = AssessmentForm(request.POST, instance=Assessment.objects.get(pk=assessment.pk))
        if form.is_valid():
            values = {k: v for k, v in form.cleaned_data.items() if k != "version"}
            try:
                services.save_assessment(
                    request.user,
                    assessment,
                    values,
                    version=form.cleaned_data["version"],
                    submit="submit" in request.POST,
                )
            except StaleEdit as error:
                keep_input_after_stale_edit(form, error)
                # The page shows the opinion as stored, with the refused input in the form.
                assessment = get_assessment_for_user(request.user, pk)
                can_edit = request.user.has_perm("review.change_assessment", assessment)
                if not can_edit:  # submitted or withdrawn meanwhile: no form to come back to
                    messages.error(request, stale_message())
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("Opinion submitted.") if "submit" in request.POST else _("Draft saved."),
                )
                return redirect("assessment-edit", pk=pk)
    else:
        form = AssessmentForm(instance=assessment, initial={"version": assessment.version})
    return render(
        request,
        "review/assessment.html",
        {
            "assessment": assessment,
            "form": form,
            "can_edit": can_edit,
            "history": assessment_history(request.user, assessment),
        },
    )


@login_required
@require_POST
def withdraw_view(request, pk):
    coordinator_only(request)
    assessment = get_request_for_coordinator(request.user, pk)
    try:
        services.withdraw_request(request.user, assessment)
    except StaleEdit:
        messages.error(
            request,
            _("%(agency)s changed this request meanwhile: it was not withdrawn. Check it below.")
            % {"agency": assessment.agency},
        )
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(
            request, _("The request to %(agency)s was withdrawn.") % {"agency": assessment.agency}
        )
    return redirect(recommendation_url(assessment.recommendation))


@login_required
def cluster_detail_view(request, pk):
    cluster = get_object_or_404(Cluster, pk=pk)
    members = visible_recommendations(request.user).filter(cluster=cluster)
    if not members.exists():
        raise Http404
    return render(
        request,
        "review/cluster.html",
        {
            "cluster": cluster,
            "members": members,
            "title": shown_title(request.user, cluster),
            "history": entries_for(cluster, user=request.user),
        },
    )


@login_required
@require_POST
def uncluster_view(request, pk):
    recommendation = get_recommendation_for_user(request.user, pk)
    coordinator_only(request, recommendation)
    services.remove_from_cluster(request.user, recommendation)
    return redirect(recommendation_url(recommendation))
