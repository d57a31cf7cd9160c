import rules

from camket.accounts import roles


@rules.predicate
def is_coordinator(user) -> bool:
    return roles.is_coordinator(user)


@rules.predicate
def is_agency_officer(user) -> bool:
    return roles.is_agency_officer(user)


@rules.predicate
def is_member(user) -> bool:
    return roles.can_read(user)
