"""Scoping querysets built once per person object, not at every call.

A page asks `visible_recommendations(user)` and the querysets nesting it (actions, indicators,
due dates, reports) ten or more times; each builds the same nested filters again, which is
much of a signed-in page's Python time. The querysets kept are never evaluated: each call gets
a fresh copy, whose SQL reads the database when it runs, as before. What is kept is keyed by
every fact of the person that the scoping functions read (role, agency, whether the agency is
the coordinating ministry, superuser), so a changed role or agency builds anew."""

import functools
from collections.abc import Callable
from typing import TypeVar

from django.db.models import QuerySet

from camket.accounts import roles

Built = TypeVar("Built", bound=QuerySet)
MEMO_ATTRIBUTE = "_camket_scopes"


class _Memo(dict):
    """Left out when the person is pickled (a pickled queryset would be evaluated)."""

    def __reduce__(self):
        return (_Memo, ())


def scope_facts(user) -> tuple:
    """What decides what the person may see, as the scoping functions read it."""
    membership = roles.membership_of(user)
    agency = membership.agency if membership else None
    return (
        getattr(user, "pk", None),
        bool(getattr(user, "is_superuser", False)),
        bool(getattr(user, "is_authenticated", False)),
        membership.role if membership else None,
        agency.pk if agency else None,
        agency.is_coordinator if agency else None,
    )


def built_once_per_scope(build: Callable[[object], Built]) -> Callable[[object], Built]:
    """`build(user)` kept on the person object, keyed by `scope_facts`; a copy each call."""

    @functools.wraps(build)
    def scoped(user) -> Built:
        if not hasattr(user, "__dict__"):  # None: scoping functions refuse it their own way
            return build(user)
        memo = user.__dict__.get(MEMO_ATTRIBUTE)
        if memo is None:
            memo = user.__dict__[MEMO_ATTRIBUTE] = _Memo()
        key = (build.__module__, build.__qualname__, scope_facts(user))
        queryset = memo.get(key)
        if queryset is None:
            queryset = memo[key] = build(user)
        return queryset.all()

    return scoped
