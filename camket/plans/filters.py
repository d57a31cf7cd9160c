"""Filtering actions, shared by the web list, its export and the API."""

from dataclasses import dataclass, fields

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.db.models.functions import Length
from django.utils import timezone

from camket.lib.folding import fold, search_terms
from camket.lib.numbers import positive_int_text
from camket.plans.matching import Concerning, action_condition
from camket.plans.models import Action
from camket.plans.scoping import visible_actions
from camket.reports.due_dates import open_due_dates


@dataclass
class ActionFilters:
    q: str = ""
    plan: str = ""
    framework: str = ""  # its plan's framework or that of an item it implements
    kind: str = ""  # a framework kind, likewise
    category: str = ""  # implements an item of this category (or of its children)
    agency: str = ""  # lead or co-agency
    lead: str = ""  # lead agency only
    status: str = ""
    publication: str = ""
    overdue: str = ""

    @classmethod
    def from_mapping(cls, data) -> "ActionFilters":
        filters = cls(**{f.name: str(data.get(f.name) or "").strip()[:200] for f in fields(cls)})
        filters.plan = positive_int_text(filters.plan)  # an id: any other value is ignored
        filters.category = positive_int_text(filters.category)
        return filters

    def concerning(self) -> Concerning:
        return Concerning(
            framework=self.framework,
            kind=self.kind,
            category=int(self.category) if self.category else None,
        )

    def active(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if getattr(self, f.name)}


def overdue_condition(today=None) -> Exists:
    today = today or timezone.localdate()
    return Exists(open_due_dates().filter(indicator__action=OuterRef("pk"), due_on__lt=today))


def filter_actions(user, filters: ActionFilters, *, today=None) -> QuerySet[Action]:
    """`user=None` is the system (the console): every action."""
    queryset = Action.objects.all() if user is None else visible_actions(user)
    if filters.publication:
        queryset = queryset.filter(publication=filters.publication)
    else:  # an archived plan's actions count as archived
        queryset = queryset.exclude(publication=Action.Publication.ARCHIVED).exclude(
            plan__archived=True
        )
    if filters.plan:
        queryset = queryset.filter(plan_id=int(filters.plan))
    if filters.concerning():
        queryset = queryset.filter(action_condition(filters.concerning()))
    if filters.agency:
        co_led = Action.co_agencies.through.objects.filter(
            action_id=OuterRef("pk"), agency__code=filters.agency
        )
        queryset = queryset.filter(Q(lead_agency__code=filters.agency) | Exists(co_led))
    if filters.lead:
        queryset = queryset.filter(lead_agency__code=filters.lead)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.overdue in ("1", "true", "yes"):
        queryset = queryset.filter(overdue_condition(today))
    if filters.q:
        words = search_terms(filters.q)
        matches = [
            a.pk
            for a in queryset.only("pk", "reference", "title", "description")
            if all(w in fold(f"{a.reference} {a.title} {a.description}") for w in words)
        ]
        queryset = queryset.filter(pk__in=matches)
    # Shorter references first, so that "2" comes before "10".
    return queryset.select_related("plan", "lead_agency").order_by(
        "plan_id", Length("reference"), "reference", "id"
    )
