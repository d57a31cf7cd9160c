from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.frameworks.history import entries_for
from camket.frameworks.models import Framework, Implementation
from camket.frameworks.scoping import coordinated, visible_recommendations
from camket.lib.concurrency import StaleEdit
from camket.lib.numbers import positive_ints
from camket.plans import services
from camket.plans.export import actions_workbook
from camket.plans.filters import ActionFilters, filter_actions, overdue_condition
from camket.plans.forms import (
    ActionForm,
    ActionStatusForm,
    FromClustersForm,
    PlanForm,
    PublicationForm,
)
from camket.plans.history import action_history
from camket.plans.items import items_by_framework
from camket.plans.listing import listed_plans
from camket.plans.models import Action, Plan
from camket.plans.scoping import (
    get_action_for_user,
    get_plan_for_user,
    visible_actions,
    visible_plans,
)
from camket.plans.trend_chart import trend_view
from camket.plans.trends import trends_for_user
from camket.reports.scoping import as_handed_over, visible_reports
from camket.web.helpers import (
    coordinator_only,
    error_text,
    keep_input_after_stale_edit,
    safe_next,
    stale_message,
)

PAGE_SIZE = 50


def _form_error(form, error):
    if isinstance(error, StaleEdit):
        keep_input_after_stale_edit(form, error)
    else:
        form.add_error(None, error)


@login_required
def plan_list_view(request):
    return render(
        request,
        "plans/plan_list.html",
        {"plans": listed_plans(request.user), "is_coordinator": roles.is_coordinator(request.user)},
    )


@login_required
def plan_edit_view(request, pk=None):
    coordinator_only(request)
    plan = get_plan_for_user(request.user, pk) if pk else None
    if plan is not None:
        coordinator_only(request, plan)
    form = PlanForm(request.POST or None, instance=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if plan is None:
                plan = services.create_plan(
                    request.user, form.cleaned_data["framework"], form.values()
                )
            else:
                services.update_plan(
                    request.user, plan, form.values(), version=form.cleaned_data["version"]
                )
        except (StaleEdit, ValidationError) as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Plan saved."))
            return redirect("plan-detail", pk=plan.pk)
    return render(request, "plans/plan_form.html", {"form": form, "plan": plan})


@login_required
def plan_detail_view(request, pk):
    plan = get_plan_for_user(request.user, pk)
    filters = ActionFilters(plan=str(plan.pk))
    actions = filter_actions(request.user, filters).annotate(
        recommendation_count=Count("recommendations", distinct=True)
    )
    is_coordinator = roles.coordinates(request.user, plan.framework)
    return render(
        request,
        "plans/plan_detail.html",
        {
            "plan": plan,
            "actions": actions,
            "is_coordinator": is_coordinator,
            "clusters_form": FromClustersForm(plan=plan) if is_coordinator else None,
            "history": entries_for(plan, user=request.user),
        },
    )


@login_required
@require_POST
def plan_from_clusters_view(request, pk):
    plan = get_plan_for_user(request.user, pk)
    coordinator_only(request, plan)
    form = FromClustersForm(request.POST, plan=plan)
    if not form.is_valid():
        messages.error(request, _("Choose clusters and a lead agency."))
        return redirect("plan-detail", pk=plan.pk)
    data = form.cleaned_data
    made, skipped = services.actions_from_clusters(
        request.user,
        plan,
        data["clusters"],
        data["lead_agency"],
        start_on=data["start_on"],
        target_on=data["target_on"],
    )
    messages.success(
        request,
        _(
            "%(made)d action(s) made from clusters; %(skipped)d skipped "
            "(no accepted recommendation, or already an action)."
        )
        % {"made": len(made), "skipped": len(skipped)},
    )
    return redirect("plan-detail", pk=plan.pk)


@login_required
def action_list_view(request):
    filters = ActionFilters.from_mapping(request.GET)
    actions = filter_actions(request.user, filters)
    page = Paginator(actions, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "plans/action_list.html",
        {
            "filters": filters,
            "page": page,
            "query_string": query.urlencode(),
            "plans": visible_plans(request.user),
            "frameworks": Framework.objects.filter(
                archived=False, plans__in=visible_plans(request.user)
            ).distinct(),
            "agencies": Agency.objects.filter(archived=False),  # the coordinator leads actions too
            "statuses": Implementation.choices,
            "publications": Action.Publication.choices,
            "is_coordinator": roles.is_coordinator(request.user),
            "coordinated_plan_ids": set(
                Plan.objects.filter(coordinated(request.user, "framework")).values_list(
                    "pk", flat=True
                )
            ),
            "overdue_ids": set(actions.filter(overdue_condition()).values_list("pk", flat=True)),
        },
    )


@login_required
def action_detail_view(request, pk):
    action = get_action_for_user(request.user, pk)
    indicators = list(action.indicators.select_related("agency").order_by("archived", "id"))
    reports = {
        r.due_date_id: as_handed_over(request.user, r)
        for r in visible_reports(request.user).filter(due_date__indicator__action=action)
    }
    trends = trends_for_user(request.user, indicators)
    for indicator in indicators:
        indicator.schedule = [
            (d, reports.get(d.pk)) for d in indicator.due_dates.filter(archived=False)
        ]
        indicator.trend = trend_view(trends[indicator.pk])
    is_coordinator = roles.coordinates(request.user, action.plan.framework)
    return render(
        request,
        "plans/action_detail.html",
        {
            "action": action,
            "indicators": indicators,
            "history": action_history(request.user, action),
            "co_agencies": action.co_agencies.all(),
            "items_by_framework": items_by_framework(request.user, action),
            "is_coordinator": is_coordinator,
            "publications": Action.Publication.choices,
            "status_form": ActionStatusForm(
                initial={
                    "status": action.status,
                    "reason": action.status_reason,
                    "version": action.version,
                }
            )
            if is_coordinator
            else None,
        },
    )


@login_required
def action_edit_view(request, pk=None, plan_pk=None):
    coordinator_only(request)
    action = get_action_for_user(request.user, pk) if pk else None
    plan = action.plan if action else get_plan_for_user(request.user, plan_pk)
    coordinator_only(request, plan)
    form = ActionForm(request.POST or None, instance=action, plan=plan, user=request.user)
    if request.method == "POST" and form.is_valid():
        links = {
            "co_agencies": form.cleaned_data["co_agencies"],
            "recommendations": form.cleaned_data["recommendation_references"],
        }
        try:
            if action is None:
                action = services.create_action(request.user, plan, form.values(), **links)
            else:
                services.update_action(
                    request.user,
                    action,
                    form.values(),
                    version=form.cleaned_data["version"],
                    **links,
                )
        except (StaleEdit, ValidationError) as error:
            _form_error(form, error)
        else:
            messages.success(request, _("Action saved."))
            return redirect("action-detail", pk=action.pk)
    return render(request, "plans/action_form.html", {"form": form, "action": action, "plan": plan})


@login_required
@require_POST
def action_status_view(request, pk):
    action = get_action_for_user(request.user, pk)
    coordinator_only(request, action)
    form = ActionStatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("action-detail", pk=pk)
    try:
        services.set_action_status(
            request.user,
            action,
            form.cleaned_data["status"],
            form.cleaned_data["reason"],
            version=form.cleaned_data["version"],
        )
    except StaleEdit:
        messages.error(request, stale_message())
    except ValidationError as error:
        messages.error(request, error_text(error))
    else:
        messages.success(request, _("Status saved."))
    return redirect("action-detail", pk=pk)


@login_required
@require_POST
def action_publication_view(request):
    coordinator_only(request)
    form = PublicationForm(request.POST)
    ids = positive_ints(request.POST.getlist("ids"))
    selected = list(visible_actions(request.user).filter(pk__in=ids)) if form.is_valid() else []
    if not selected:
        messages.error(request, _("Select actions and a publication state."))
    else:
        try:
            changed = services.set_publication(
                request.user, selected, form.cleaned_data["publication"]
            )
        except StaleEdit:
            messages.error(request, stale_message())
        else:
            messages.success(request, _("%(count)d action(s) updated.") % {"count": changed})
    return redirect(safe_next(request, reverse("action-list")))


@login_required
def action_export_view(request):
    filters = ActionFilters.from_mapping(request.GET)
    response = HttpResponse(
        actions_workbook(
            filter_actions(request.user, filters), visible_recommendations(request.user)
        ),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="camket-actions.xlsx"'
    return response
