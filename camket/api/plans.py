"""The Master Plan API: plans, actions, indicators (due dates and reports: api/reports.py).

Every read goes through the scoping functions of camket.plans and camket.reports, every write
through their services; the exception handlers of camket.api.api turn refusals into 403, stale
versions into 409, invalid input into 422 and anything the user may not see into 404.
"""

from django.core.exceptions import ValidationError
from ninja import Query, Router
from ninja.pagination import paginate

from camket.api import plan_schemas as s
from camket.api.agencies import agencies_by_code, agency_by_code
from camket.api.pagination import BoundedPageNumberPagination
from camket.api.reports import due_dates_seen_by
from camket.api.schemas import HistoryOut
from camket.api.trend_schemas import TrendOut
from camket.frameworks.models import Implementation
from camket.frameworks.scoping import (
    get_recommendation_for_user,
    visible_frameworks,
    visible_recommendations,
)
from camket.plans import indicators as indicator_services
from camket.plans import services as plan_services
from camket.plans.filters import ActionFilters, filter_actions, overdue_condition
from camket.plans.history import action_history
from camket.plans.items import find_items
from camket.plans.models import Action
from camket.plans.scoping import (
    get_action_for_user,
    get_indicator_for_user,
    get_plan_for_user,
    visible_actions,
    visible_plans,
)
from camket.plans.trends import trend_for_user
from camket.review.models import Cluster

plans = Router(tags=["plans"])
actions = Router(tags=["actions"])
indicators = Router(tags=["indicators"])
recommendation_indicators = Router(tags=["indicators"])


# --- helpers ---------------------------------------------------------------------------------


def _recommendations(user, ids, references=(), plan=None) -> list:
    """Items by id and by "SLUG:REF" reference (a bare one in the plan's framework)."""
    found = list(visible_recommendations(user).filter(pk__in=ids))
    unknown = sorted(set(ids) - {r.pk for r in found})
    if unknown:
        raise ValidationError(
            {"recommendation_ids": [f"Unknown recommendation: {pk}" for pk in unknown]}
        )
    by_reference = find_items(user, references, default_framework=plan.framework if plan else None)
    if by_reference.unknown:
        raise ValidationError({"items": [f"Unknown item: {ref}" for ref in by_reference.unknown]})
    return list(dict.fromkeys([*found, *by_reference.items]))


def _check_choice(value: str, choices, field: str) -> None:
    if value and value not in choices:
        raise ValidationError(
            {field: [f"Unknown {field}: {value}. Choose one of: " + ", ".join(choices)]}
        )


def _with_agencies(queryset):
    return queryset.select_related("lead_agency").prefetch_related("co_agencies")


# --- plans -----------------------------------------------------------------------------------


@plans.get("", response=list[s.PlanOut])
def list_plans(request):
    return visible_plans(request.user).select_related("framework").order_by("id")


@plans.post("", response=s.PlanOut)
def create_plan(request, payload: s.PlanIn):
    framework = visible_frameworks(request.user).filter(slug=payload.framework).first()
    if framework is None:
        raise ValidationError({"framework": [f"Unknown framework: {payload.framework}"]})
    return plan_services.create_plan(request.user, framework, payload.dict(exclude={"framework"}))


@plans.get("/{int:pk}", response=s.PlanOut)
def get_plan(request, pk: int):
    return get_plan_for_user(request.user, pk)


@plans.put("/{int:pk}", response=s.PlanOut)
def update_plan(request, pk: int, payload: s.PlanUpdateIn):
    plan = get_plan_for_user(request.user, pk)
    values = {
        k: v
        for k, v in payload.dict(exclude_unset=True, exclude={"version"}).items()
        if v is not None or k == "approved_on"
    }
    return plan_services.update_plan(request.user, plan, values, version=payload.version)


@plans.post("/{int:pk}/actions-from-clusters", response=s.FromClustersOut)
def actions_from_clusters(request, pk: int, payload: s.FromClustersIn):
    plan = get_plan_for_user(request.user, pk)
    lead = agency_by_code(payload.lead_agency, "lead_agency")
    # A cluster is reachable through the recommendations the user may see.
    clusters = list(
        Cluster.objects.filter(
            pk__in=payload.cluster_ids,
            archived=False,
            members__in=visible_recommendations(request.user),
        )
        .distinct()
        .order_by("id")
    )
    unknown = sorted(set(payload.cluster_ids) - {c.pk for c in clusters})
    if unknown:
        raise ValidationError({"cluster_ids": [f"Unknown cluster: {pk}" for pk in unknown]})
    made, skipped = plan_services.actions_from_clusters(
        request.user, plan, clusters, lead, start_on=payload.start_on, target_on=payload.target_on
    )
    return {"created": made, "skipped": [cluster.pk for cluster in skipped]}


def _sent_values(payload, *, nullable: set[str]) -> dict:
    """The fields the client sent (not `version`); null clears only the `nullable` ones."""
    sent = payload.dict(exclude_unset=True, exclude={"version"})
    return {k: v for k, v in sent.items() if v is not None or k in nullable}


# --- actions ---------------------------------------------------------------------------------


@actions.get("", response=list[s.ActionOut])
@paginate(BoundedPageNumberPagination)
def list_actions(request, filters: Query[s.ActionQuery]):
    """The web list's filters; archived actions are left out unless `publication=archived`."""
    _check_choice(filters.status, Implementation.values, "status")
    _check_choice(filters.publication, Action.Publication.values, "publication")
    for name in ("agency", "lead"):
        if getattr(filters, name):
            agency_by_code(getattr(filters, name), name)
    params = ActionFilters.from_mapping(
        {**filters.dict(), "overdue": "1" if filters.overdue else ""}
    )
    queryset = filter_actions(request.user, params)
    if filters.overdue is False:
        queryset = queryset.exclude(overdue_condition())
    return _with_agencies(queryset)


@actions.post("", response=s.ActionDetailOut)
def create_action(request, payload: s.ActionIn):
    plan = visible_plans(request.user).filter(pk=payload.plan).first()
    if plan is None:
        raise ValidationError({"plan": [f"Unknown plan: {payload.plan}"]})
    values = payload.dict(
        exclude={"plan", "co_agencies", "recommendation_ids", "items"}, exclude_none=True
    )
    values["lead_agency"] = agency_by_code(payload.lead_agency, "lead_agency")
    action = plan_services.create_action(
        request.user,
        plan,
        values,
        co_agencies=agencies_by_code(payload.co_agencies or [], "co_agencies"),
        recommendations=_recommendations(
            request.user, payload.recommendation_ids or [], payload.items or [], plan
        ),
    )
    return get_action_for_user(request.user, action.pk)


@actions.post("/publication", response=s.PublicationOut)
def set_publication(request, payload: s.PublicationIn):
    found = list(visible_actions(request.user).filter(pk__in=payload.ids))
    unknown = sorted(set(payload.ids) - {a.pk for a in found})
    if unknown:
        raise ValidationError({"ids": [f"Unknown action: {pk}" for pk in unknown]})
    changed = plan_services.set_publication(request.user, found, payload.publication)
    return {"changed": changed}


@actions.get("/{int:pk}", response=s.ActionDetailOut)
def get_action(request, pk: int):
    return get_action_for_user(request.user, pk)


@actions.put("/{int:pk}", response=s.ActionDetailOut)
def update_action(request, pk: int, payload: s.ActionUpdateIn):
    action = get_action_for_user(request.user, pk)
    values = _sent_values(payload, nullable={"start_on", "target_on"})
    if "lead_agency" in values:
        values["lead_agency"] = agency_by_code(values["lead_agency"], "lead_agency")
    co_agencies = values.pop("co_agencies", None)
    recommendation_ids = values.pop("recommendation_ids", None)
    references = values.pop("items", None)
    linked = None
    if recommendation_ids is not None or references is not None:
        linked = _recommendations(
            request.user, recommendation_ids or [], references or [], action.plan
        )
    plan_services.update_action(
        request.user,
        action,
        values,
        version=payload.version,
        co_agencies=None if co_agencies is None else agencies_by_code(co_agencies, "co_agencies"),
        recommendations=linked,
    )
    return get_action_for_user(request.user, pk)


@actions.post("/{int:pk}/status", response=s.ActionDetailOut)
def set_action_status(request, pk: int, payload: s.ActionStatusIn):
    action = get_action_for_user(request.user, pk)
    plan_services.set_action_status(
        request.user, action, payload.status, payload.reason, version=payload.version
    )
    return get_action_for_user(request.user, pk)


@actions.get("/{int:pk}/history", response=list[HistoryOut])
def get_action_history(request, pk: int):
    action = get_action_for_user(request.user, pk)
    return action_history(request.user, action)


# --- indicators ------------------------------------------------------------------------------


@actions.post("/{int:pk}/indicators", response=s.IndicatorOut)
def create_action_indicator(request, pk: int, payload: s.IndicatorIn):
    action = get_action_for_user(request.user, pk)
    indicator = indicator_services.create_indicator(request.user, payload.dict(), action=action)
    return get_indicator_for_user(request.user, indicator.pk)


@recommendation_indicators.post("/{int:pk}/indicators", response=s.IndicatorOut)
def create_recommendation_indicator(request, pk: int, payload: s.RecommendationIndicatorIn):
    recommendation = get_recommendation_for_user(request.user, pk)
    agency = agency_by_code(payload.agency, "agency")
    indicator = indicator_services.create_indicator(
        request.user, payload.dict(exclude={"agency"}), recommendation=recommendation, agency=agency
    )
    return get_indicator_for_user(request.user, indicator.pk)


@indicators.get("/{int:pk}", response=s.IndicatorOut)
def get_indicator(request, pk: int):
    return get_indicator_for_user(request.user, pk)


@indicators.put("/{int:pk}", response=s.IndicatorOut)
def update_indicator(request, pk: int, payload: s.IndicatorUpdateIn):
    indicator = get_indicator_for_user(request.user, pk)
    values = _sent_values(payload, nullable={"baseline", "target"})
    indicator_services.update_indicator(request.user, indicator, values, version=payload.version)
    return get_indicator_for_user(request.user, pk)


@indicators.get("/{int:pk}/due-dates", response=list[s.DueDateOut])
def indicator_due_dates(request, pk: int):
    indicator = get_indicator_for_user(request.user, pk)
    return due_dates_seen_by(request.user).filter(indicator=indicator)


@indicators.get("/{int:pk}/trend", response=TrendOut, summary="Values over time")
def indicator_trend(request, pk: int):
    """The indicator's reported values, oldest period first, against its baseline and target,
    and the latest value as a percentage of the way to the target. Accepted reports for
    everyone who may see the indicator; submitted ones too for the reporting agency and the
    framework's coordinators."""
    return trend_for_user(request.user, get_indicator_for_user(request.user, pk))
