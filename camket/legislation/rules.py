"""Who reads and who edits the register of legal acts.

Laws are public facts: every member reads them. The coordinating ministry's coordinators (and
administrators) edit every act; the members of an act's drafting agency edit that act."""

import rules

from camket.accounts import roles
from camket.accounts.rules import is_member

Role = roles.Role


@rules.predicate
def coordinates_register(user) -> bool:
    role = roles.role_of(user)
    if role == Role.ADMINISTRATOR:
        return True
    if role != Role.COORDINATOR:
        return False
    agency = roles.agency_of(user)
    return agency is None or agency.is_coordinator


@rules.predicate
def belongs_to_drafting_agency(user, act) -> bool:
    if act is None or not act.drafting_agency_id:
        return False
    if roles.role_of(user) not in (Role.COORDINATOR, Role.MANAGER, Role.FOCAL_POINT):
        return False
    agency = roles.agency_of(user)
    return agency is not None and agency.pk == act.drafting_agency_id


@rules.predicate
def works_for_an_agency(user) -> bool:
    return roles.role_of(user) in (Role.COORDINATOR, Role.MANAGER, Role.FOCAL_POINT) and (
        roles.agency_of(user) is not None
    )


rules.add_perm("legislation.view_legalact", is_member)
# object: the act (unsaved when it is being created: its drafting agency decides)
rules.add_perm("legislation.change_legalact", coordinates_register | belongs_to_drafting_agency)
# no object: whether to offer the "new act" form at all
rules.add_perm("legislation.add_legalact", coordinates_register | works_for_an_agency)
