"""Who a user is in camket: their role and agency, read from their membership."""

from camket.accounts.models import Agency, Membership

Role = Membership.Role


def membership_of(user) -> Membership | None:
    if not getattr(user, "is_authenticated", False):
        return None
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def role_of(user) -> str | None:
    if getattr(user, "is_superuser", False):
        return Role.ADMINISTRATOR
    membership = membership_of(user)
    return membership.role if membership else None


def agency_of(user) -> Agency | None:
    membership = membership_of(user)
    return membership.agency if membership else None


def is_coordinator(user) -> bool:
    """Whether the user has a coordinating role (coordinator or administrator): enough to be
    offered coordinators' pages; what they may do on a framework is `coordinates`."""
    return role_of(user) in (Role.ADMINISTRATOR, Role.COORDINATOR)


def is_agency_officer(user) -> bool:
    return role_of(user) in (Role.FOCAL_POINT, Role.MANAGER) and agency_of(user) is not None


def can_read(user) -> bool:
    return role_of(user) is not None


def coordinates(user, framework) -> bool:
    """Whether `user` coordinates `framework`: decides, plans and reviews for it. Administrators
    coordinate every framework; a coordinator those whose coordinating agency is their own; a
    framework that names none belongs to the coordinating ministry (an agency marked
    `is_coordinator`)."""
    role = role_of(user)
    if role == Role.ADMINISTRATOR:
        return True
    if role != Role.COORDINATOR:
        return False
    agency = agency_of(user)
    if framework.coordinating_agency_id:
        return agency is not None and agency.pk == framework.coordinating_agency_id
    return agency is None or agency.is_coordinator
