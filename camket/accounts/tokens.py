"""API tokens: issuing (the secret is returned once, only its hash is kept), listing and
revoking them. Everyone manages their own; administrators also other people's. The web pages
and `camket token` call these; `actor=None` is the operator at the console."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from camket.accounts.models import AccountEvent, ApiToken


def may_manage(actor, owner) -> bool:
    return actor is None or actor.has_perm("accounts.manage_tokens", owner)


def _require(actor, owner) -> None:
    if not may_manage(actor, owner):
        raise PermissionDenied(_("Only administrators manage other people's API tokens."))


def tokens_of(owner) -> QuerySet[ApiToken]:
    return owner.api_tokens.order_by("revoked", "-created")


@transaction.atomic
def issue_token(actor, owner, name: str) -> tuple[ApiToken, str]:
    """A new token for `owner`, and its secret: show it once, it cannot be read again."""
    _require(actor, owner)
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Give the token a name, to recognise it later.")})
    if not owner.is_active:
        raise ValidationError(_("This account is deactivated."))
    token, secret = ApiToken.issue(owner, name[:100])
    AccountEvent.objects.create(
        user=owner,
        actor=actor,
        kind=AccountEvent.Kind.TOKEN_ISSUED,
        detail=f"{token.name} ({token.prefix}…)",
    )
    return token, secret


@transaction.atomic
def revoke_token(actor, token: ApiToken) -> bool:
    """Revoke `token`; whether it was still active."""
    _require(actor, token.user)
    if not ApiToken.objects.filter(pk=token.pk, revoked=False).update(revoked=True):
        return False
    token.revoked = True
    AccountEvent.objects.create(
        user=token.user,
        actor=actor,
        kind=AccountEvent.Kind.TOKEN_REVOKED,
        detail=f"{token.name} ({token.prefix}…)",
    )
    return True


def revoke_by_prefix(actor, prefix: str) -> int:
    """Revoke the active tokens whose secret starts with `prefix` (the console's way)."""
    count = 0
    for token in ApiToken.objects.filter(prefix=prefix, revoked=False).select_related("user"):
        count += revoke_token(actor, token)
    return count
