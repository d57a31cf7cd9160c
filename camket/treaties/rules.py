"""Who may change the register of instruments and states' status in them."""

import rules

from camket.accounts import roles


@rules.predicate
def is_ministry_coordinator(user) -> bool:
    """An administrator, or a coordinator of the coordinating ministry (an agency marked
    `is_coordinator`, or none): a state's treaty status concerns every framework at once, so a
    coordinator of one ministry's programme does not import it."""
    role = roles.role_of(user)
    if role == roles.Role.ADMINISTRATOR:
        return True
    if role != roles.Role.COORDINATOR:
        return False
    agency = roles.agency_of(user)
    return agency is None or agency.is_coordinator


rules.add_perm("treaties.import_status", is_ministry_coordinator)
