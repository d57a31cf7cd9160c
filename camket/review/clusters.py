"""Clusters as each reader may see them: only those with a member they may read, and never a
title that repeats the text of a member (or former member) they may not read."""

from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.review.models import Cluster


def visible_clusters(user) -> QuerySet[Cluster]:
    return Cluster.objects.filter(
        Exists(visible_recommendations(user).filter(cluster=OuterRef("pk")))
    )


def reads_review_progress(user) -> bool:
    """The review progress page (and its clusters) is the coordinators' and viewers'."""
    return roles.is_coordinator(user) or roles.role_of(user) == "viewer"


def listed_clusters(user) -> QuerySet[Cluster]:
    """The clusters of the review progress page: those the user may see, not archived."""
    return visible_clusters(user).filter(archived=False).select_related("framework")


def shown_title(user, cluster: Cluster) -> str:
    """A cluster made without a title took its first member's text: to a reader who may not
    read that text, the cluster is named after a member they may read, or by its number."""
    if cluster.title and roles.coordinates(user, cluster.framework):
        return cluster.title
    if not cluster.title or _title_repeats_a_hidden_text(user, cluster):
        member = visible_recommendations(user).filter(cluster=cluster).order_by("id").first()
        return member.text[:200] if member else _("Cluster %(number)d") % {"number": cluster.pk}
    return cluster.title


def _title_repeats_a_hidden_text(user, cluster: Cluster) -> bool:
    """Whether an item of the cluster's framework the user may not read starts with its title.
    The few items starting with the title are checked against the visibility rules, not the
    framework's items against every item the user may read (a 45 ms query at 33,000 items)."""
    starting_with_title = list(
        Recommendation.objects.filter(
            framework_id=cluster.framework_id, text__startswith=cluster.title
        ).values_list("pk", flat=True)
    )
    if not starting_with_title:
        return False
    readable = visible_recommendations(user).filter(pk__in=starting_with_title).count()
    return readable < len(starting_with_title)


def with_shown_titles(user, clusters) -> list[Cluster]:
    """The clusters, each with `shown_title` set for this reader."""
    clusters = list(clusters)
    for cluster in clusters:
        cluster.shown_title = shown_title(user, cluster)
    return clusters


def with_visible_members(user, clusters) -> list[Cluster]:
    """The clusters with `shown_title` and `visible_members` (the references the user may
    read), for the export of the list."""
    clusters = with_shown_titles(user, clusters)
    members: dict[int, list[str]] = {}
    for cluster_id, reference in (
        visible_recommendations(user)
        .filter(cluster__in=[c.pk for c in clusters])
        .order_by("id")
        .values_list("cluster_id", "reference")
    ):
        members.setdefault(cluster_id, []).append(reference)
    for cluster in clusters:
        cluster.visible_members = members.get(cluster.pk, [])
    return clusters
