"""Agencies: listing, creating, changing and archiving them. The web pages and `camket agencies`
call these. `user=None` is the operator at the console (a system change, allowed)."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from camket.accounts.models import Agency
from camket.lib.concurrency import save_if_current
from camket.lib.history import attribute_change

FIELDS = ("code", "name", "name_en", "is_coordinator")


@dataclass
class AgencyChange:
    agency: Agency
    created: bool
    changed: list[str] = field(default_factory=list)


@dataclass
class Blocker:
    """Open work that would be left with an archived agency: what, how many, where to look."""

    label: str
    count: int
    examples: list[str]


def may_manage(user) -> bool:
    return user is None or user.has_perm("accounts.manage_agencies")


def _require(user) -> None:
    if not may_manage(user):
        raise PermissionDenied(
            _("Only the coordinating ministry's coordinators and administrators manage agencies.")
        )


def listed_agencies(*, archived: bool = False, query: str = "") -> QuerySet[Agency]:
    agencies = Agency.objects.filter(archived=archived)
    if query:
        agencies = agencies.filter(
            Q(code__icontains=query) | Q(name__icontains=query) | Q(name_en__icontains=query)
        )
    return agencies.order_by("name")


def _check(agency: Agency, *, new: bool) -> None:
    agency.code = (agency.code or "").strip().lower()
    agency.name = (agency.name or "").strip()
    agency.name_en = (agency.name_en or "").strip()
    agency.full_clean(exclude=["version"], validate_unique=False)
    clash = Agency.objects.filter(code=agency.code)
    if not new:
        clash = clash.exclude(pk=agency.pk)
    if clash.exists():
        raise ValidationError(
            {"code": _("Another agency already has the code %(code)s.") % {"code": agency.code}}
        )


@transaction.atomic
def create_agency(user, values: dict) -> AgencyChange:
    _require(user)
    agency = Agency(**{name: values[name] for name in FIELDS if name in values})
    _check(agency, new=True)
    attribute_change(agency, user)
    agency.save()
    return AgencyChange(agency, created=True, changed=[n for n in FIELDS if n in values])


@transaction.atomic
def update_agency(
    user, agency: Agency, values: dict, *, version: int | None = None
) -> AgencyChange:
    """Change the fields `values` names; `version` is the one the edit was based on (a stale
    one is refused with StaleEdit), None takes the stored one. Nothing changed writes nothing."""
    _require(user)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    changed = [name for name in FIELDS if name in values and getattr(agency, name) != values[name]]
    if not changed:
        return AgencyChange(agency, created=False)
    for name in changed:
        setattr(agency, name, values[name])
    _check(agency, new=False)
    save_if_current(agency, agency.version if version is None else version, changed, user=user)
    return AgencyChange(agency, created=False, changed=changed)


def blockers(agency: Agency) -> list[Blocker]:
    """The open work that archiving `agency` would orphan: people who still sign in as its
    members, opinions it has not given, actions it leads that are not finished, reports still
    due from it, frameworks it coordinates and cooperation requests it handles."""
    from camket.cooperation.models import CooperationRequest
    from camket.frameworks.models import Framework, Implementation
    from camket.plans.models import Action, DueDate
    from camket.review.models import Assessment

    finished = (Implementation.IMPLEMENTED, Implementation.NOT_IMPLEMENTED)
    checks = [
        (
            _("active members"),
            agency.members.filter(user__is_active=True).select_related("user"),
            lambda m: m.user.get_full_name() or m.user.username,
        ),
        (
            _("opinions not yet given"),
            Assessment.objects.filter(
                agency=agency, state__in=[Assessment.State.REQUESTED, Assessment.State.DRAFT]
            ).select_related("recommendation"),
            lambda a: str(a.recommendation.reference),
        ),
        (
            _("unfinished actions it leads"),
            Action.objects.filter(lead_agency=agency)
            .exclude(publication=Action.Publication.ARCHIVED)
            .exclude(status__in=finished),
            str,
        ),
        (
            _("reports still due"),
            DueDate.objects.filter(indicator__agency=agency, archived=False)
            .exclude(report__state="accepted")
            .select_related("indicator"),
            str,
        ),
        (
            _("frameworks it coordinates"),
            Framework.objects.filter(coordinating_agency=agency, archived=False),
            str,
        ),
        (
            _("open cooperation requests"),
            CooperationRequest.objects.filter(
                responsible_agency=agency,
                status__in=[CooperationRequest.Status.OPEN, CooperationRequest.Status.IN_PROGRESS],
            ),
            lambda r: r.reference or str(r.pk),
        ),
    ]
    found = []
    for label, queryset, name in checks:
        count = queryset.count()
        if count:
            found.append(Blocker(label, count, [name(row) for row in queryset[:5]]))
    return found


def blockers_message(found: list[Blocker]) -> str:
    parts = [f"{blocker.label}: {blocker.count}" for blocker in found]
    return _("This agency still has open work (%(list)s): reassign or finish it first.") % {
        "list": "; ".join(parts)
    }


@transaction.atomic
def set_archived(
    user, agency: Agency, archived: bool, *, version: int | None = None
) -> AgencyChange:
    """Archive (refused while `blockers` finds open work) or bring back an agency."""
    _require(user)
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    if agency.archived == archived:
        return AgencyChange(agency, created=False)
    if archived:
        found = blockers(agency)
        if found:
            raise ValidationError(blockers_message(found))
    agency.archived = archived
    save_if_current(agency, agency.version if version is None else version, ["archived"], user=user)
    return AgencyChange(agency, created=False, changed=["archived"])
