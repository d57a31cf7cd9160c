"""Plans, actions, indicators and due dates as each user may see them.

An agency officer sees every action their agency leads or co-leads, and the published actions
of other agencies; viewers see published actions; a coordinator sees everything of the plans of
the frameworks they coordinate, and of other plans what a viewer sees; administrators see
everything.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from camket.accounts import roles
from camket.accounts.scope_memo import built_once_per_scope
from camket.frameworks.scoping import coordinated, visible_recommendations
from camket.plans.models import Action, DueDate, Indicator, Plan


def _agency_links(agency) -> Q:
    co_led = Action.co_agencies.through.objects.filter(action_id=OuterRef("pk"), agency=agency)
    return Q(lead_agency=agency) | Exists(co_led)


@built_once_per_scope
def visible_actions(user) -> QuerySet[Action]:
    queryset = Action.objects.all()
    if roles.role_of(user) is None:
        return queryset.none()
    if roles.role_of(user) == roles.Role.ADMINISTRATOR:
        return queryset
    published = Q(publication=Action.Publication.PUBLISHED)
    if roles.is_coordinator(user):
        return queryset.filter(published | coordinated(user, "plan__framework"))
    if roles.is_agency_officer(user):
        return queryset.filter(published | _agency_links(roles.agency_of(user)))
    return queryset.filter(published)


def visible_plans(user) -> QuerySet[Plan]:
    """The plans of the frameworks the user coordinates, and those with an action they see."""
    if roles.role_of(user) is None:
        return Plan.objects.none()
    mine = coordinated(user, "framework") if roles.is_coordinator(user) else Q(pk__in=[])
    return Plan.objects.filter(mine | Exists(visible_actions(user).filter(plan=OuterRef("pk"))))


@built_once_per_scope
def visible_indicators(user) -> QuerySet[Indicator]:
    queryset = Indicator.objects.all()
    if roles.role_of(user) is None:
        return queryset.none()
    if roles.role_of(user) == roles.Role.ADMINISTRATOR:
        return queryset
    # Asked per indicator (a primary-key lookup each), not as `IN (every visible item)`:
    # PostgreSQL hashed all the visible items (33,000+) for each use, 0.1 s every time.
    item_seen = visible_recommendations(user).filter(pk=OuterRef("recommendation_id"))
    seen = Q(action__in=visible_actions(user)) | Q(Exists(item_seen), action__isnull=True)
    if roles.is_coordinator(user):
        seen |= coordinated(user, "action__plan__framework") | coordinated(
            user, "recommendation__framework"
        )
    if roles.is_agency_officer(user):
        seen |= Q(agency=roles.agency_of(user))
    return queryset.filter(seen)


@built_once_per_scope
def visible_due_dates(user) -> QuerySet[DueDate]:
    return DueDate.objects.filter(indicator__in=visible_indicators(user))


def _get(queryset, pk, message):
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404(message) from None


def get_action_for_user(user, pk) -> Action:
    return _get(
        visible_actions(user).select_related("plan", "plan__framework", "lead_agency"),
        pk,
        "No such action.",
    )


def get_plan_for_user(user, pk) -> Plan:
    return _get(visible_plans(user).select_related("framework"), pk, "No such plan.")


def get_indicator_for_user(user, pk) -> Indicator:
    return _get(
        visible_indicators(user).select_related("action", "recommendation", "agency"),
        pk,
        "No such indicator.",
    )


def get_due_date_for_user(user, pk) -> DueDate:
    return _get(
        visible_due_dates(user).select_related(
            "indicator", "indicator__action", "indicator__recommendation", "indicator__agency"
        ),
        pk,
        "No such due date.",
    )
