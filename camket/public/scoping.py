"""What anyone, signed in or not, may read: the only way the portal and open data reach records.

A framework is public when a coordinator puts it on the portal and it is not archived; inside it
only published recommendations and published actions of plans that are not archived; of the
monitoring, only accepted progress reports a coordinator marked public, and the public evidence
of those. Opinions (assessments), drafts, clusters, review comments and internal fields never
appear: the portal's views and exports choose their fields themselves.
"""

from django.conf import settings
from django.db.models import Q, QuerySet

from camket.frameworks.models import Framework, Recommendation
from camket.plans.models import Action, Indicator
from camket.reports.models import Evidence, ProgressReport


def portal_enabled() -> bool:
    return bool(settings.CAMKET_PUBLIC_PORTAL)


def public_frameworks() -> QuerySet[Framework]:
    return Framework.objects.filter(public=True, archived=False)


def public_recommendations() -> QuerySet[Recommendation]:
    return Recommendation.objects.filter(
        status=Recommendation.Status.PUBLISHED, framework__in=public_frameworks()
    )


def public_actions() -> QuerySet[Action]:
    return Action.objects.filter(
        publication=Action.Publication.PUBLISHED,
        plan__archived=False,
        plan__framework__in=public_frameworks(),
    )


def public_indicators() -> QuerySet[Indicator]:
    return Indicator.objects.filter(archived=False).filter(
        Q(action__in=public_actions()) | Q(recommendation__in=public_recommendations())
    )


def public_reports() -> QuerySet[ProgressReport]:
    return ProgressReport.objects.filter(
        is_public=True,
        state=ProgressReport.State.ACCEPTED,
        due_date__archived=False,
        due_date__indicator__in=public_indicators(),
    )


def public_evidence() -> QuerySet[Evidence]:
    return Evidence.objects.filter(is_public=True, archived=False, report__in=public_reports())
