"""Plans and actions: create, change, link to items (of any framework), turn clusters into
actions."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from camket.accounts.permissions import require
from camket.frameworks.models import Implementation, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.lib.concurrency import save_if_current
from camket.lib.history import attribute_change
from camket.lib.text import as_one_line
from camket.lib.vocabulary import ACCEPTED_RESPONSES
from camket.plans import implementation
from camket.plans.models import Action, Plan

PLAN_FIELDS = ["title", "title_en", "decision_number", "approved_on", "archived"]
ACTION_FIELDS = [
    "reference",
    "title",
    "title_en",
    "description",
    "expected_output",
    "lead_agency",
    "start_on",
    "target_on",
    "budget_source",
]


@transaction.atomic
def create_plan(user, framework, values: dict) -> Plan:
    require(user, "plans.manage_plans", framework)
    plan = Plan(
        framework=framework,
        created_by=user,
        **{k: v for k, v in values.items() if k in PLAN_FIELDS},
    )
    plan.full_clean(exclude=["version"], validate_unique=False)
    attribute_change(plan, user)
    plan.save()
    return plan


@transaction.atomic
def update_plan(user, plan: Plan, values: dict, *, version: int | None) -> Plan:
    require(user, "plans.manage_plans", plan)
    fields = [name for name in PLAN_FIELDS if name in values]
    for name in fields:
        setattr(plan, name, values[name])
    plan.full_clean(exclude=["version", "framework", "created_by"])
    save_if_current(plan, version, fields, user=user)
    if "archived" in fields:  # its actions stop (or start again) counting
        implementation.refresh(
            Action.recommendations.through.objects.filter(action__plan=plan).values_list(
                "recommendation_id", flat=True
            ),
            user=user,
        )
    return plan


def _check_action(user, action: Action, recommendations) -> None:
    action.full_clean(
        exclude=["version", "plan", "lead_agency", "source_cluster"], validate_unique=False
    )
    errors = {}
    if action.start_on and action.target_on and action.target_on < action.start_on:
        errors["target_on"] = _("The target date is before the start date.")
    if action.lead_agency_id and action.lead_agency.archived:
        errors["lead_agency"] = _("This agency is archived.")
    duplicate = Action.objects.filter(plan_id=action.plan_id, reference=action.reference)
    if action.pk:
        duplicate = duplicate.exclude(pk=action.pk)
    if action.reference and duplicate.exists():
        errors["reference"] = _("Another action of this plan has reference %(reference)s.") % {
            "reference": action.reference
        }
    if recommendations:
        # Items of any framework (a UPR recommendation, a programme output, a declaration's
        # commitment…), as long as the person linking them may see them.
        seen = set(
            visible_recommendations(user)
            .filter(pk__in=[r.pk for r in recommendations])
            .values_list("pk", flat=True)
        )
        hidden = [r.reference for r in recommendations if r.pk not in seen]
        if hidden:
            errors["recommendations"] = _("No item you may see has the reference: %(refs)s") % {
                "refs": ", ".join(hidden)
            }
    if errors:
        raise ValidationError(errors)


def next_reference(plan: Plan) -> str:
    numbers = [
        int(ref)
        for ref in plan.actions.values_list("reference", flat=True)
        if ref.isascii() and ref.isdigit()
    ]  # "²" is a digit int() refuses
    return str(max(numbers, default=0) + 1)


@transaction.atomic
def create_action(user, plan: Plan, values: dict, *, co_agencies=(), recommendations=()) -> Action:
    require(user, "plans.change_action", plan)
    recommendations = list(recommendations)
    action = Action(plan=plan, **{k: v for k, v in values.items() if k in ACTION_FIELDS})
    if not action.reference:
        action.reference = next_reference(plan)
    _check_action(user, action, recommendations)
    attribute_change(action, user)
    action.save()
    action.co_agencies.set([a for a in co_agencies if a.pk != action.lead_agency_id])
    action.recommendations.set(recommendations)
    implementation.refresh([r.pk for r in recommendations], user=user)
    return action


@transaction.atomic
def update_action(
    user,
    action: Action,
    values: dict,
    *,
    version: int | None,
    co_agencies=None,
    recommendations=None,
) -> Action:
    require(user, "plans.change_action", action)
    fields = [name for name in ACTION_FIELDS if name in values]
    previous_lead = action.lead_agency_id
    for name in fields:
        setattr(action, name, values[name])
    recommendations = None if recommendations is None else list(recommendations)
    _check_action(user, action, recommendations)
    save_if_current(action, version, fields, user=user)
    if co_agencies is not None:
        action.co_agencies.set([a for a in co_agencies if a.pk != action.lead_agency_id])
    touched = set()
    if recommendations is not None:
        touched = set(action.recommendations.values_list("pk", flat=True))
        # Links to items the user may not see were not shown to them: they stay.
        unseen = action.recommendations.exclude(pk__in=visible_recommendations(user))
        action.recommendations.set([*recommendations, *unseen])
        touched |= {r.pk for r in recommendations}
    if action.lead_agency_id != previous_lead:
        for indicator in action.indicators.all():
            indicator.agency_id = action.lead_agency_id
            attribute_change(indicator, user)
            indicator.save(update_fields=["agency"])
    implementation.refresh(touched, user=user)
    return action


@transaction.atomic
def set_action_status(
    user, action: Action, status: str, reason: str = "", *, version: int | None
) -> Action:
    require(user, "plans.change_action", action)
    if status not in Implementation.values:
        raise ValidationError({"status": _("Choose a status.")})
    if status == Implementation.NOT_IMPLEMENTED and not reason.strip():
        raise ValidationError({"status_reason": _("Say why the action was not implemented.")})
    action.status, action.status_reason = status, reason.strip()
    save_if_current(action, version, ["status", "status_reason"], user=user)
    implementation.refresh(action.recommendations.values_list("pk", flat=True), user=user)
    return action


@transaction.atomic
def set_publication(user, actions, publication: str) -> int:
    actions = list(actions)
    require(user, "plans.change_action")
    for action in actions:
        require(user, "plans.change_action", action)
    if publication not in Action.Publication.values:
        raise ValidationError({"publication": _("Choose draft, published or archived.")})
    changed = 0
    for action in actions:
        if action.publication != publication:
            action.publication = publication
            save_if_current(action, action.version, ["publication"], user=user)
            implementation.refresh(action.recommendations.values_list("pk", flat=True), user=user)
            changed += 1
    return changed


@transaction.atomic
def actions_from_clusters(
    user,
    plan: Plan,
    clusters,
    lead_agency,
    *,
    start_on: date | None = None,
    target_on: date | None = None,
) -> tuple[list[Action], list]:
    """One action per cluster, linked to the cluster's accepted recommendations.

    Returns the actions made and the clusters skipped (already turned into an action of this
    plan, or with no accepted recommendation).
    """
    require(user, "plans.change_action", plan)
    made, skipped = [], []
    for cluster in clusters:
        accepted = list(
            Recommendation.objects.filter(
                cluster=cluster, framework=plan.framework, response__in=ACCEPTED_RESPONSES
            )
        )
        if not accepted or plan.actions.filter(source_cluster=cluster).exists():
            skipped.append(cluster)
            continue
        action = create_action(
            user,
            plan,
            {
                "title": as_one_line(cluster.title)[:500],
                "lead_agency": lead_agency,
                "start_on": start_on,
                "target_on": target_on,
            },
            recommendations=accepted,
        )
        action.source_cluster = cluster
        action.save(update_fields=["source_cluster"])
        made.append(action)
    return made, skipped
