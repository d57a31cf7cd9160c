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
    return role_of(user) in (Role.ADMINISTRATOR, Role.COORDINATOR)


def is_agency_officer(user) -> bool:
    return role_of(user) in (Role.FOCAL_POINT, Role.MANAGER) and agency_of(user) is not None


def can_read(user) -> bool:
    return role_of(user) is not None
