from django.conf import settings

from camket.accounts import roles


def role(request) -> dict:
    """What the navigation offers depends on who is signed in."""
    user = request.user
    return {
        "nav_coordinator": roles.is_coordinator(user),
        "nav_agency_officer": roles.is_agency_officer(user),
        "nav_viewer": roles.role_of(user) == roles.Role.VIEWER,
        "nav_public_portal": settings.CAMKET_PUBLIC_PORTAL,
    }
