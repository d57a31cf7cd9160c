"""The review and decision workflow: send for opinion, assess, cluster, decide."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from camket.accounts import roles
from camket.accounts.models import Agency
from camket.accounts.permissions import require
from camket.frameworks.models import Recommendation
from camket.inbox.notify import notify_opinion_requested
from camket.lib.concurrency import save_if_current
from camket.lib.history import attribute_change
from camket.lib.text import as_one_line, single_line
from camket.plans import implementation
from camket.review.models import Assessment, Cluster

ASSESSMENT_FIELDS = [
    "conforms_to_law",
    "conforms_to_policy",
    "resources_available",
    "capacity_available",
    "proposed_response",
    "comment",
]


@dataclass
class Sent:
    """What sending for review did: new requests, open requests given the new answer due
    date, and requests left as they were (open with that due date already, or answered)."""

    sent: int = 0
    due_dates_updated: int = 0
    unchanged: int = 0

    def message(self) -> str:
        parts = [_("%(count)d request(s) for an opinion sent.") % {"count": self.sent}]
        if self.due_dates_updated:
            parts.append(
                _("%(count)d due date(s) of open requests updated.")
                % {"count": self.due_dates_updated}
            )
        if self.unchanged:
            parts.append(
                _(
                    "%(count)d left unchanged (already open with that due date, or "
                    "already answered)."
                )
                % {"count": self.unchanged}
            )
        return " ".join(parts)


@transaction.atomic
def send_for_review(user, recommendations, agencies, *, due_on: date | None = None) -> Sent:
    """Ask agencies for their opinion. An agency already asked and not yet answering gets the
    new answer due date (when one is given), recorded in the request's history."""
    recommendations = list(recommendations)
    require(user, "review.request_assessment")
    for recommendation in recommendations:
        require(user, "review.request_assessment", recommendation)
    result = Sent()
    requested = []
    for recommendation in recommendations:
        for agency in agencies:
            assessment = (
                Assessment.objects.select_for_update()
                .filter(recommendation=recommendation, agency=agency)
                .first()
            )
            if assessment is None:
                assessment = Assessment(
                    recommendation=recommendation, agency=agency, requested_by=user, due_on=due_on
                )
                attribute_change(assessment, user)
                assessment.save()
                result.sent += 1
                requested.append(assessment)
            elif assessment.state == Assessment.State.WITHDRAWN:
                attribute_change(assessment, user)
                assessment.state = Assessment.State.REQUESTED
                assessment.due_on = due_on
                assessment.save(update_fields=["state", "due_on"])
                result.sent += 1
                requested.append(assessment)
            elif assessment.is_open and due_on is not None and assessment.due_on != due_on:
                # Only the due date: the agency's draft (and its version) are left alone.
                assessment.due_on = due_on
                attribute_change(
                    assessment, user, gettext_noop("Asked again with a new answer due date")
                )
                assessment.save(update_fields=["due_on"])
                result.due_dates_updated += 1
            else:
                result.unchanged += 1
    notify_opinion_requested(requested)
    return result


@transaction.atomic
def withdraw_request(user, assessment: Assessment, *, version: int | None = None) -> None:
    """The coordinator no longer awaits this opinion. Refused once it is submitted, also when
    the agency submits it between the coordinator opening the page and withdrawing."""
    require(user, "review.request_assessment", assessment)
    if assessment.state == Assessment.State.SUBMITTED:
        raise ValidationError(_("A submitted opinion cannot be withdrawn."))
    if not assessment.is_open:
        raise ValidationError(_("This request has already been withdrawn."))
    assessment.state = Assessment.State.WITHDRAWN
    save_if_current(
        assessment, assessment.version if version is None else version, ["state"], user=user
    )


@transaction.atomic
def save_assessment(
    user, assessment: Assessment, values: dict, *, version: int, submit: bool = False
) -> Assessment:
    """An agency officer saves their agency's opinion as a draft, or submits it."""
    require(user, "review.change_assessment", assessment)
    for name in ASSESSMENT_FIELDS:
        if name in values:
            setattr(assessment, name, values[name])
    fields = list(ASSESSMENT_FIELDS) + ["state"]
    if submit:
        if not assessment.proposed_response:
            raise ValidationError({"proposed_response": _("Propose a response before submitting.")})
        assessment.state = Assessment.State.SUBMITTED
        assessment.submitted_on = timezone.now()
        assessment.submitted_by = user
        fields += ["submitted_on", "submitted_by"]
    else:
        assessment.state = Assessment.State.DRAFT
    save_if_current(assessment, version, fields, user=user)
    return assessment


def check_decision_date(decided_on: date | None) -> None:
    """A decision is recorded once it is made: a date after today is refused."""
    if decided_on is not None and decided_on > timezone.localdate():
        raise ValidationError({"decided_on": _("The decision date cannot be in the future.")})


@transaction.atomic
def decide(
    user,
    recommendation: Recommendation,
    *,
    response: str,
    reason: str,
    decided_on: date | None,
    version: int | None,
) -> list[Recommendation]:
    """Record the state's response; a clustered recommendation is decided with its cluster."""
    require(user, "frameworks.decide_recommendation", recommendation)
    if response not in Recommendation.Response.values:
        raise ValidationError({"response": _("Choose a response.")})
    check_decision_date(decided_on)
    decided = []
    members = [recommendation]
    if recommendation.cluster_id:
        members += list(recommendation.cluster.members.exclude(pk=recommendation.pk))
    for member in members:
        member.response = response
        member.response_reason = reason
        member.decided_on = decided_on or timezone.localdate()
        member.decided_by = user
        expected = version if member.pk == recommendation.pk else member.version
        save_if_current(
            member, expected, ["response", "response_reason", "decided_on", "decided_by"], user=user
        )
        decided.append(member)
    implementation.refresh([member.pk for member in decided], user=user)
    return decided


@transaction.atomic
def set_status(user, recommendations, status: str) -> int:
    recommendations = list(recommendations)
    require(user, "frameworks.publish_recommendation")
    for recommendation in recommendations:
        require(user, "frameworks.publish_recommendation", recommendation)
    changed = 0
    for recommendation in recommendations:
        if recommendation.status != status:
            recommendation.status = status
            save_if_current(recommendation, recommendation.version, ["status"], user=user)
            changed += 1
    return changed


@transaction.atomic
def make_cluster(user, recommendations, title: str) -> Cluster:
    require(user, "review.manage_clusters")
    recommendations = list(recommendations)
    for recommendation in recommendations:
        require(user, "review.manage_clusters", recommendation)
    frameworks = {r.framework_id for r in recommendations}
    if len(recommendations) < 2:
        raise ValidationError(_("A cluster needs at least two recommendations."))
    if len(frameworks) != 1:
        raise ValidationError(_("A cluster holds recommendations of one framework only."))
    try:
        title = single_line(title or "")
    except ValueError as error:
        raise ValidationError({"title": str(error)}) from None
    # A recommendation's text may run over several lines; a title holds one.
    cluster = Cluster(
        framework_id=frameworks.pop(),
        title=title or as_one_line(recommendations[0].text)[:200],
        created_by=user,
    )
    attribute_change(cluster, user)
    cluster.save()
    for recommendation in recommendations:
        recommendation.cluster = cluster
        save_if_current(recommendation, recommendation.version, ["cluster"], user=user)
    return cluster


@transaction.atomic
def remove_from_cluster(user, recommendation: Recommendation) -> None:
    require(user, "review.manage_clusters", recommendation)
    recommendation.cluster = None
    save_if_current(recommendation, recommendation.version, ["cluster"], user=user)


def review_progress(framework=None) -> list[dict]:
    """Per agency: how many opinions were asked, are awaited (not yet submitted), are in."""
    scope = Q()
    if framework is not None:
        scope = Q(assessments__recommendation__framework=framework)
    open_states = [Assessment.State.REQUESTED, Assessment.State.DRAFT]
    rows = (
        Agency.objects.filter(archived=False)
        .annotate(
            asked=Count(
                "assessments", filter=scope & ~Q(assessments__state=Assessment.State.WITHDRAWN)
            ),
            awaiting=Count("assessments", filter=scope & Q(assessments__state__in=open_states)),
            submitted=Count(
                "assessments", filter=scope & Q(assessments__state=Assessment.State.SUBMITTED)
            ),
        )
        .filter(asked__gt=0)
        .order_by("-awaiting", "name")
    )
    return [
        {"agency": a, "asked": a.asked, "awaiting": a.awaiting, "submitted": a.submitted}
        for a in rows
    ]


def open_assessments_for(user):
    agency = roles.agency_of(user)
    if not roles.is_agency_officer(user):
        return Assessment.objects.none()
    return Assessment.objects.filter(
        agency=agency, state__in=[Assessment.State.REQUESTED, Assessment.State.DRAFT]
    ).select_related("recommendation", "recommendation__framework")
