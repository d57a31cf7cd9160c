"""Who may read and change agreements and cooperation requests.

Agreements are not confidential: every signed-in member reads them. Requests are: only the
members of their responsible and handling agencies read them — not the coordinating ministry
unless it handles the request, and not administrators by role. These are plain functions, not
`rules` permissions, because Django's ModelBackend grants every permission to a superuser and
requests must stay closed to them outside the Django admin."""

from camket.accounts import roles

Role = roles.Role
ACTING_ROLES = (Role.COORDINATOR, Role.FOCAL_POINT, Role.MANAGER, Role.ADMINISTRATOR)


def _membership_role(user) -> str | None:
    membership = roles.membership_of(user)
    return membership.role if membership else None


def reads_agreements(user) -> bool:
    return roles.can_read(user)


def edits_agreements(user, agreement=None) -> bool:
    """Coordinators of the coordinating ministry (and administrators) edit every agreement; an
    agency's officers edit the agreements naming their agency as central authority."""
    role = roles.role_of(user)
    if role == Role.ADMINISTRATOR:
        return True
    agency = roles.agency_of(user)
    if role == Role.COORDINATOR and (agency is None or agency.is_coordinator):
        return True
    if agreement is None or agency is None or role not in ACTING_ROLES:
        return False
    return agreement.central_authority_id == agency.pk


def creates_requests(user) -> bool:
    """A member of an agency acting for it (not a viewer) records its requests."""
    return roles.agency_of(user) is not None and _membership_role(user) in ACTING_ROLES


def picks_responsible_agency(user) -> bool:
    """A coordinator may name another agency as responsible; others record their own."""
    return _membership_role(user) in (Role.COORDINATOR, Role.ADMINISTRATOR)


def handles_request(user, request) -> bool:
    """The user's agency is responsible for the request or handles it."""
    agency = roles.agency_of(user)
    if agency is None or request is None or request.pk is None:
        return False
    return (
        request.responsible_agency_id == agency.pk
        or request.handling_agencies.filter(pk=agency.pk).exists()
    )


def edits_request(user, request) -> bool:
    return handles_request(user, request) and _membership_role(user) in ACTING_ROLES
