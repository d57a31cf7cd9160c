from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.accounts.rules import framework_of


def not_coordinated_message(framework) -> str:
    return _("Only the coordinators of “%(framework)s” can do this.") % {"framework": framework}


def require(user, permission: str, obj=None) -> None:
    """Raise PermissionDenied unless the `rules` permission holds for this user (and object).
    A coordinator refused on a framework they do not coordinate is told so."""
    if user.has_perm(permission, obj):
        return
    framework = framework_of(obj) if obj is not None else None
    if (
        framework is not None
        and roles.is_coordinator(user)
        and not roles.coordinates(user, framework)
    ):
        raise PermissionDenied(not_coordinated_message(framework))
    raise PermissionDenied(_("You are not allowed to do this."))
