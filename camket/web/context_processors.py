import rules
from django.conf import settings

from camket.accounts import roles


def role(request) -> dict:
    """What the navigation offers depends on who is signed in.

    `nav_manages_accounts` asks the `rules` permission itself: the template's
    `perms.accounts.manage_agencies` would also ask Django's ModelBackend whenever the rule says
    no (two queries of the user's and groups' permissions on every officer's page), and no
    database permission of that name exists to grant."""
    user = request.user
    return {
        "nav_coordinator": roles.is_coordinator(user),
        "nav_agency_officer": roles.is_agency_officer(user),
        "nav_viewer": roles.role_of(user) == roles.Role.VIEWER,
        "nav_public_portal": settings.CAMKET_PUBLIC_PORTAL,
        "nav_manages_accounts": rules.has_perm("accounts.manage_agencies", user),
    }
