"""People's accounts: creating, changing, deactivating them and resetting their password. The
web pages and `camket users` call these; `actor=None` is the operator at the console.

An account is the Django user and its one membership (agency and role); the membership's
`version` guards the whole account against two edits overwriting each other. Every change is
written as an AccountEvent (who did what, the old and new values, never a password)."""

import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from camket.accounts.models import AccountEvent, Agency, ApiToken, Membership, TemporaryPassword
from camket.accounts.rules import is_administrator_user
from camket.lib.concurrency import StaleEdit, claim_version
from camket.lib.history import attribute_change

Role = Membership.Role
USER_FIELDS = ("username", "first_name", "last_name", "email", "is_superuser")
MEMBERSHIP_FIELDS = ("role", "agency")
AGENCY_ROLES = (Role.FOCAL_POINT, Role.MANAGER)


@dataclass
class AccountResult:
    user: object
    changed: list[str]
    password: str = ""  # a temporary password to show once, when one was set


def may_manage(actor) -> bool:
    return actor is None or actor.has_perm("accounts.manage_users")


def may_change(actor, target) -> bool:
    return actor is None or actor.has_perm("accounts.manage_users", target)


def may_grant_administrator(actor) -> bool:
    return actor is None or actor.has_perm("accounts.grant_administrator")


def _require_change(actor, target) -> None:
    if not may_change(actor, target):
        raise PermissionDenied(
            _("Only an administrator can change an administrator's account.")
            if may_manage(actor)
            else _("You are not allowed to manage accounts.")
        )


def listed_users(
    *, query: str = "", agency: Agency | None = None, role: str = "", active: bool | None = None
) -> QuerySet:
    users = get_user_model().objects.select_related("membership__agency")
    if query:
        users = users.filter(
            Q(username__icontains=query)
            | Q(first_name__icontains=query)
            | Q(last_name__icontains=query)
            | Q(email__icontains=query)
        )
    if agency is not None:
        users = users.filter(membership__agency=agency)
    if role == Role.ADMINISTRATOR:
        users = users.filter(Q(is_superuser=True) | Q(membership__role=role))
    elif role:
        users = users.filter(membership__role=role, is_superuser=False)
    if active is not None:
        users = users.filter(is_active=active)
    return users.order_by("username")


def membership_of(user) -> Membership | None:
    return Membership.objects.filter(user=user).select_related("agency").first()


def membership_of_loaded(user) -> Membership | None:
    """The membership `listed_users` already loaded with the user, or None."""
    try:
        return user.membership
    except Membership.DoesNotExist:
        return None


def account_version(user) -> int:
    """The version an edit of `user`'s account is based on (0: no membership yet)."""
    membership = membership_of(user)
    return membership.version if membership else 0


def temporary_password(user) -> str:
    """A random password that Django's validators accept, for the person to change."""
    while True:
        password = secrets.token_urlsafe(12)
        try:
            validate_password(password, user)
        except ValidationError:
            continue
        return password


def must_change_password(user) -> bool:
    """Whether `user` still signs in with a password someone else set for them."""
    return TemporaryPassword.objects.filter(user=user, password=user.password).exists()


def _check_values(actor, values: dict, target=None) -> None:
    granting = values.get("is_superuser") or values.get("role") == Role.ADMINISTRATOR
    if granting and not may_grant_administrator(actor):
        raise PermissionDenied(_("Only an administrator can make someone an administrator."))
    errors = {}
    role, agency = values.get("role"), values.get("agency")
    if role in AGENCY_ROLES and agency is None:
        errors["agency"] = _("An agency focal point or manager belongs to an agency.")
    current = membership_of(target) if target is not None else None
    if (
        agency is not None
        and agency.archived
        and (current is None or current.agency_id != agency.pk)
    ):
        errors["agency"] = _("The agency %(code)s is archived.") % {"code": agency.code}
    username = values.get("username")
    if username is not None:
        clash = get_user_model().objects.filter(username__iexact=username)
        if target is not None:
            clash = clash.exclude(pk=target.pk)
        if not username.strip():
            errors["username"] = _("A username is required.")
        elif clash.exists():
            errors["username"] = _("Someone already has the username %(name)s.") % {
                "name": username
            }
    if errors:
        raise ValidationError(errors)


def _record(target, actor, kind, changes=(), detail="") -> None:
    AccountEvent.objects.create(
        user=target, actor=actor, kind=kind, changes=list(changes), detail=detail[:200]
    )


def _shown(name: str, value) -> str | bool | None:
    """A value as the event stores it: agencies by code, the rest as they are."""
    if isinstance(value, Agency):
        return value.code
    return value


def _set_temporary_password(actor, user) -> str:
    password = temporary_password(user)
    user.set_password(password)
    user.save(update_fields=["password"])
    TemporaryPassword.objects.update_or_create(
        user=user, defaults={"password": user.password, "set_by": actor}
    )
    return password


@transaction.atomic
def create_user(actor, values: dict) -> AccountResult:
    """A new account with its membership and a temporary password (returned, to show once:
    the person must change it when they first sign in)."""
    if not may_manage(actor):
        raise PermissionDenied(_("You are not allowed to manage accounts."))
    values = {**values, "username": (values.get("username") or "").strip()}
    _check_values(actor, values)
    user = get_user_model()(**{name: values[name] for name in USER_FIELDS if name in values})
    user.is_staff = bool(user.is_superuser)
    user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    Membership.objects.create(
        user=user, role=values.get("role") or Role.VIEWER, agency=values.get("agency")
    )
    password = _set_temporary_password(actor, user)
    changes = [
        [name, None, _shown(name, values[name])]
        for name in (*USER_FIELDS, *MEMBERSHIP_FIELDS)
        if values.get(name) not in (None, "", False)
    ]
    _record(user, actor, AccountEvent.Kind.CREATED, changes)
    return AccountResult(user, [change[0] for change in changes], password)


def _claim(actor, target, version: int | None) -> Membership | None:
    """Lock the account and check the edit is based on its current version (StaleEdit if
    not); the membership, created here if the account had none."""
    membership = Membership.objects.select_for_update().filter(user=target).first()
    if membership is None:
        if version not in (None, 0):
            raise StaleEdit(Membership(user=target))
        return None
    claim_version(membership, version, user=actor)
    return membership


def _is_active_administrator(user) -> bool:
    return user.is_active and is_administrator_user(user)


def _keep_an_administrator(target, was_administrator: bool) -> None:
    """Refuse (rolling the change back) one that takes away the last active administrator:
    nobody could then grant the role again from the application."""
    target = get_user_model().objects.select_related("membership").get(pk=target.pk)
    if not was_administrator or _is_active_administrator(target):
        return
    others = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(membership__role=Role.ADMINISTRATOR))
        .exclude(pk=target.pk)
    )
    if not others.exists():
        raise ValidationError(
            _(
                "%(name)s is the last active administrator: make someone else "
                "an administrator first."
            )
            % {"name": target.username}
        )


@transaction.atomic
def update_user(actor, target, values: dict, *, version: int | None = None) -> AccountResult:
    """Change the fields `values` names (user fields and membership role and agency)."""
    target = get_user_model().objects.select_for_update().get(pk=target.pk)
    _require_change(actor, target)
    if "username" in values:
        values = {**values, "username": values["username"].strip()}
    _check_values(actor, values, target)
    current = membership_of(target)
    old = {name: getattr(target, name) for name in USER_FIELDS}
    old["role"] = current.role if current else None
    old["agency"] = current.agency if current else None
    changed = [
        name
        for name in (*USER_FIELDS, *MEMBERSHIP_FIELDS)
        if name in values and old[name] != values[name]
    ]
    if not changed:
        return AccountResult(target, [])
    membership = _claim(actor, target, version)
    was_administrator = _is_active_administrator(target)
    user_fields = [name for name in changed if name in USER_FIELDS]
    if user_fields:
        for name in user_fields:
            setattr(target, name, values[name])
        if "is_superuser" in user_fields:
            target.is_staff = target.is_superuser
            user_fields.append("is_staff")
        target.full_clean(exclude=["password"], validate_unique=False)
        target.save(update_fields=user_fields)
    if any(name in MEMBERSHIP_FIELDS for name in changed):
        if membership is None:
            membership = Membership(user=target, role=Role.VIEWER)
        for name in MEMBERSHIP_FIELDS:
            if name in values:
                setattr(membership, name, values[name])
        attribute_change(membership, actor)
        membership.save()
    _keep_an_administrator(target, was_administrator)
    _record(
        target,
        actor,
        AccountEvent.Kind.CHANGED,
        [[name, _shown(name, old[name]), _shown(name, values[name])] for name in changed],
    )
    return AccountResult(target, changed)


@transaction.atomic
def set_active(actor, target, active: bool, *, version: int | None = None) -> AccountResult:
    """Deactivate (the person can no longer sign in, nor use their API tokens) or reactivate
    an account. Accounts are never deleted: history names the people who acted."""
    target = get_user_model().objects.select_for_update().get(pk=target.pk)
    _require_change(actor, target)
    if actor is not None and actor.pk == target.pk and not active:
        raise ValidationError(_("You cannot deactivate your own account."))
    if target.is_active == active:
        return AccountResult(target, [])
    _claim(actor, target, version)
    was_administrator = _is_active_administrator(target)
    target.is_active = active
    target.save(update_fields=["is_active"])
    _keep_an_administrator(target, was_administrator)
    _record(
        target, actor, AccountEvent.Kind.REACTIVATED if active else AccountEvent.Kind.DEACTIVATED
    )
    return AccountResult(target, ["is_active"])


@transaction.atomic
def reset_password(actor, target) -> AccountResult:
    """Give `target` a new temporary password (returned, to show once); their old one and
    their API tokens stop working at once, and they must choose their own password when they
    next sign in."""
    target = get_user_model().objects.select_for_update().get(pk=target.pk)
    _require_change(actor, target)
    password = _set_temporary_password(actor, target)
    ApiToken.objects.filter(user=target, revoked=False).update(revoked=True)
    _record(target, actor, AccountEvent.Kind.PASSWORD_RESET)
    return AccountResult(target, ["password"], password)


def is_administrator(user) -> bool:
    return is_administrator_user(user)
