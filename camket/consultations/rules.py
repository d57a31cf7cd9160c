import rules

from camket.accounts import roles


@rules.predicate
def coordinates_framework(user, framework) -> bool:
    """The framework's own coordinators (administrators coordinate every one)."""
    return framework is not None and roles.coordinates(user, framework)


@rules.predicate
def coordinates_consulted_framework(user, consultation) -> bool:
    return consultation is not None and roles.coordinates(user, consultation.framework)


# object: the framework (not Django's model permission "add_consultation", which a group could
# grant regardless of the framework)
rules.add_perm("consultations.open_consultation", coordinates_framework)
# object: the consultation (edit, close, attach, moderate, answer, summarise, export)
rules.add_perm("consultations.manage_consultation", coordinates_consulted_framework)
