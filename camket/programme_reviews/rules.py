import rules

from camket.accounts import roles


@rules.predicate
def coordinates_framework(user, framework) -> bool:
    """The framework's own coordinators (administrators coordinate every one)."""
    return framework is not None and roles.coordinates(user, framework)


@rules.predicate
def coordinates_reviewed_framework(user, review) -> bool:
    return review is not None and roles.coordinates(user, review.framework)


# object: the framework
rules.add_perm("programme_reviews.add_review", coordinates_framework)
# object: the review
rules.add_perm("programme_reviews.change_review", coordinates_reviewed_framework)
