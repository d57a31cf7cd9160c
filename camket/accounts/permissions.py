from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _


def require(user, permission: str, obj=None) -> None:
    """Raise PermissionDenied unless the `rules` permission holds for this user (and object)."""
    if not user.has_perm(permission, obj):
        raise PermissionDenied(_("You are not allowed to do this."))
