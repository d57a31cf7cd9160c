"""Histories of recommendations and opinions as each reader may see them.

An agency's opinion is its own until submitted: anyone outside that agency (the coordinator
too) reads it from its submission on, never the texts and values it had as a draft. A draft
recommendation's history is read only by those who may see the draft; others read it from
its publication on.
"""

from camket.accounts import roles
from camket.frameworks.history import HistoryEntry, Lens, entries_for
from camket.frameworks.models import Recommendation
from camket.review.models import Assessment
from camket.review.scoping import visible_assessments
from camket.review.services import ASSESSMENT_FIELDS

State = Assessment.State


def writes_assessment(user, assessment) -> bool:
    """The agency that writes the opinion reads every draft of it."""
    return roles.is_agency_officer(user) and assessment.agency_id == roles.agency_of(user).pk


def _mask_unsubmitted(record) -> None:
    """Before submission an opinion reads as asked for and empty, whatever the draft said."""
    if record.state == State.SUBMITTED:
        return
    for name in ASSESSMENT_FIELDS:
        setattr(record, name, Assessment._meta.get_field(name).get_default())
    if record.state == State.DRAFT:
        record.state = State.REQUESTED


def assessment_lens(user, assessment) -> Lens | None:
    if writes_assessment(user, assessment):
        return None
    if roles.coordinates(user, assessment.recommendation.framework):
        # The coordinators see the requests and withdrawals made, and the submission.
        return Lens(
            shows=lambda record, older: record.state != State.DRAFT,
            mask=_mask_unsubmitted,
            compare_first=True,
        )
    return Lens(
        shows=lambda record, older: record.state == State.SUBMITTED,
        mask=_mask_unsubmitted,
        compare_first=True,
    )


def assessment_history(user, assessment) -> list[HistoryEntry]:
    return entries_for(
        assessment,
        subject=str(assessment.agency),
        user=user,
        lens=assessment_lens(user, assessment),
    )


def sees_unpublished(user, recommendation) -> bool:
    """The framework's coordinators, and an agency asked for its opinion, see the
    recommendation as a draft."""
    if roles.coordinates(user, recommendation.framework):
        return True
    return (
        roles.is_agency_officer(user)
        and Assessment.objects.filter(recommendation=recommendation, agency=roles.agency_of(user))
        .exclude(state=State.WITHDRAWN)
        .exists()
    )


def recommendation_lens(user, recommendation) -> Lens | None:
    if sees_unpublished(user, recommendation):
        return None
    return Lens(shows=lambda record, older: record.status == Recommendation.Status.PUBLISHED)


def recommendation_history(user, recommendation) -> list[HistoryEntry]:
    """The recommendation's history with the opinions on it the reader may see."""
    entries = entries_for(recommendation, user=user, lens=recommendation_lens(user, recommendation))
    for assessment in (
        visible_assessments(user).filter(recommendation=recommendation).select_related("agency")
    ):
        entries += assessment_history(user, assessment)
    return sorted(entries, key=lambda entry: entry.when, reverse=True)
