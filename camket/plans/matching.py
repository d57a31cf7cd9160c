"""Which items, actions and due dates concern a framework, a kind of framework or a subject
(a category of any taxonomy, its children included). Shared by the dashboard, the action
list, the report queue and the recommendation list, so every chart leads to a list that
counts the same.

An action concerns the framework of its plan and the frameworks of every item it implements:
a methadone action of the UPR plan that also implements an output of the drug programme is
found under either framework, and under "programme"."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from camket.frameworks.models import Recommendation
from camket.frameworks.search import in_category_condition


@dataclass(frozen=True)
class Concerning:
    framework: str = ""  # a framework's slug
    kind: str = ""  # a framework kind
    category: int | None = None  # a category's id

    def __bool__(self) -> bool:
        return bool(self.framework or self.kind or self.category)

    def params(self) -> dict:
        """The filters as list URLs spell them."""
        return {"framework": self.framework, "kind": self.kind, "category": self.category or ""}


def item_condition(concerning: Concerning, prefix: str = "") -> Q:
    condition = Q()
    if concerning.framework:
        condition &= Q(**{f"{prefix}framework__slug": concerning.framework})
    if concerning.kind:
        condition &= Q(**{f"{prefix}framework__kind": concerning.kind})
    if concerning.category:
        condition &= Q(
            **{
                f"{prefix}pk__in": Recommendation.objects.filter(
                    in_category_condition(concerning.category)
                ).values("pk")
            }
        )
    return condition


def _implements(**conditions) -> Exists:
    from camket.plans.models import Action

    return Exists(
        Action.recommendations.through.objects.filter(action_id=OuterRef("pk"), **conditions)
    )


def action_condition(concerning: Concerning) -> Q:
    """Each filter holds for the action's plan or for one of the items it implements."""
    condition = Q()
    if concerning.framework:
        condition &= Q(plan__framework__slug=concerning.framework) | _implements(
            recommendation__framework__slug=concerning.framework
        )
    if concerning.kind:
        condition &= Q(plan__framework__kind=concerning.kind) | _implements(
            recommendation__framework__kind=concerning.kind
        )
    if concerning.category:
        condition &= _implements(
            recommendation__in=Recommendation.objects.filter(
                in_category_condition(concerning.category)
            ).values("pk")
        )
    return condition


def due_date_condition(concerning: Concerning, prefix: str = "indicator__") -> Q:
    """Due dates (through `prefix`, "" for indicators) of an indicator of a concerned action,
    or of a concerned item."""
    from camket.plans.models import Action

    if not concerning:
        return Q()
    actions = Action.objects.filter(action_condition(concerning)).values("pk")
    items = Recommendation.objects.filter(item_condition(concerning)).values("pk")
    return Q(**{f"{prefix}action__in": actions}) | Q(**{f"{prefix}recommendation__in": items})
