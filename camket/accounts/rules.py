import rules

from camket.accounts import roles


@rules.predicate
def is_coordinator(user) -> bool:
    return roles.is_coordinator(user)


# The attributes that lead from a record towards its framework, tried in this order: an
# indicator belongs to its action's plan's framework, or to its recommendation's.
_TOWARDS_FRAMEWORK = ("framework", "plan", "action", "recommendation", "indicator", "due_date",
                      "report", "item")


def framework_of(obj):
    """The framework a record belongs to (a framework, recommendation, plan, action, indicator,
    due date, progress report, evidence file, assessment, cluster, suggestion…), or None."""
    while obj is not None and not hasattr(obj, "coordinating_agency_id"):
        obj = next((getattr(obj, name) for name in _TOWARDS_FRAMEWORK
                    if getattr(obj, name, None) is not None), None)
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
