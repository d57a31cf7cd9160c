"""The plans of a framework: actions, who leads them, when, what they implement and measure."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from camket.documents import content
from camket.lib import bilingual
from camket.lib.vocabulary import ACCEPTED_RESPONSES
from camket.plans.models import Action, Indicator, Plan
from camket.plans.scoping import visible_actions, visible_indicators, visible_plans


@dataclass
class IndicatorLine:
    title: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    frequency: str


@dataclass
class ActionLine:
    reference: str
    title: str
    lead: str
    co_agencies: list[str]
    start_on: date | None
    target_on: date | None
    status: str
    status_label: str
    recommendations: list[str]
    indicators: list[IndicatorLine] = field(default_factory=list)


@dataclass
class PlanSection:
    title: str
    decision_number: str
    approved_on: date | None
    actions: list[ActionLine]


@dataclass
class Plans:
    plans: list[PlanSection]
    # Items the state committed to that no action of these plans implements yet.
    uncovered: list[str]
    action_count: int


def scoped(user):
    if user is None:
        return Plan.objects.all(), Action.objects.all(), Indicator.objects.all()
    return visible_plans(user), visible_actions(user), visible_indicators(user)


def committed(items):
    """What a plan implements: accepted items, or every item of a framework without responses."""
    return [
        item
        for item in items
        if not item.framework.has_response or item.response in ACCEPTED_RESPONSES
    ]


def build(framework, language: str, user) -> Plans:
    plans, actions, indicators = scoped(user)
    items = list(content.items_of(framework, user).select_related("framework"))
    item_ids = {item.pk for item in items}
    plans = list(plans.filter(framework=framework, archived=False).order_by("created", "pk"))
    actions = list(
        actions.filter(plan__in=plans)
        .exclude(publication=Action.Publication.ARCHIVED)
        .select_related("lead_agency")
        .prefetch_related("co_agencies", "recommendations")
        .order_by("plan", "reference")
    )
    indicator_lines: dict[int, list[IndicatorLine]] = {}
    for indicator in indicators.filter(action__in=actions, archived=False).order_by("id"):
        indicator_lines.setdefault(indicator.action_id, []).append(
            IndicatorLine(
                title=bilingual.text(indicator, language),
                unit=indicator.unit,
                baseline=indicator.baseline,
                target=indicator.target,
                frequency=indicator.get_frequency_months_display(),
            )
        )
    by_plan: dict[int, list[ActionLine]] = {}
    covered: set[int] = set()
    for action in actions:
        linked = [r for r in action.recommendations.all() if r.pk in item_ids]
        covered.update(r.pk for r in linked)
        by_plan.setdefault(action.plan_id, []).append(
            ActionLine(
                reference=action.reference,
                title=bilingual.text(action, language),
                lead=content.agency_name(action.lead_agency, language),
                co_agencies=[content.agency_name(a, language) for a in action.co_agencies.all()],
                start_on=action.start_on,
                target_on=action.target_on,
                status=action.status,
                status_label=str(action.get_status_display()),
                recommendations=[r.reference for r in linked],
                indicators=indicator_lines.get(action.pk, []),
            )
        )
    sections = [
        PlanSection(
            title=bilingual.text(plan, language),
            decision_number=plan.decision_number,
            approved_on=plan.approved_on,
            actions=by_plan.get(plan.pk, []),
        )
        for plan in plans
    ]
    uncovered = [item.reference for item in committed(items) if item.pk not in covered]
    return Plans(plans=sections, uncovered=uncovered, action_count=len(actions))
