import rules

from camket.accounts import roles


@rules.predicate
def is_coordinator(user) -> bool:
    return roles.is_coordinator(user)


# The attributes that lead from a record towards its framework, tried in this order: an
# indicator belongs to its action's plan's framework, or to its recommendation's.
_TOWARDS_FRAMEWORK = (
    "framework",
    "plan",
    "action",
    "recommendation",
    "indicator",
    "due_date",
    "report",
    "item",
)


def framework_of(obj):
    """The framework a record belongs to (a framework, recommendation, plan, action, indicator,
    due date, progress report, evidence file, assessment, cluster, suggestion…), or None."""
    while obj is not None and not hasattr(obj, "coordinating_agency_id"):
        obj = next(
            (
                getattr(obj, name)
                for name in _TOWARDS_FRAMEWORK
                if getattr(obj, name, None) is not None
            ),
            None,
        )
    return obj


@rules.predicate
def is_framework_coordinator(user, obj=None) -> bool:
    """Whether the user coordinates the framework `obj` belongs to. Without an object: whether
    they coordinate any framework at all (to offer a page or a button; services always check
    with the object)."""
    if obj is None:
        return roles.is_coordinator(user)
    framework = framework_of(obj)
    return framework is not None and roles.coordinates(user, framework)


@rules.predicate
def is_agency_officer(user) -> bool:
    return roles.is_agency_officer(user)


@rules.predicate
def is_member(user) -> bool:
    return roles.can_read(user)


def is_administrator_user(user) -> bool:
    """A superuser, or a member with the administrator role."""
    return roles.role_of(user) == roles.Role.ADMINISTRATOR


def manages_accounts_user(user) -> bool:
    """Administrators, and the coordinators of the coordinating ministry (an agency marked
    `is_coordinator`, or none, as in `roles.coordinates`), manage agencies and people."""
    if is_administrator_user(user):
        return True
    if not getattr(user, "is_active", False) or roles.role_of(user) != roles.Role.COORDINATOR:
        return False
    agency = roles.agency_of(user)
    return agency is None or agency.is_coordinator


@rules.predicate
def is_administrator(user) -> bool:
    return is_administrator_user(user)


@rules.predicate
def manages_accounts(user) -> bool:
    return manages_accounts_user(user)


@rules.predicate
def may_change_account(user, target=None) -> bool:
    """Account managers change people's accounts; only an administrator changes an
    administrator's (a coordinator must not take over a more powerful account)."""
    if not manages_accounts_user(user):
        return False
    return target is None or is_administrator_user(user) or not is_administrator_user(target)


@rules.predicate
def owns_tokens(user, target=None) -> bool:
    """Everyone manages their own API tokens; administrators also other people's."""
    if not getattr(user, "is_authenticated", False):
        return False
    return target is None or target.pk == user.pk or is_administrator_user(user)


rules.add_perm("accounts.manage_agencies", manages_accounts)
rules.add_perm("accounts.manage_users", may_change_account)
rules.add_perm("accounts.grant_administrator", is_administrator)
rules.add_perm("accounts.manage_tokens", owns_tokens)
