"""Links the similarity model proposes between the items of two frameworks.

The texts are compared with the one TF-IDF index of every item (`tagging/similarity.py`). A
pair at least `same_subject_at` alike is proposed as `same_subject`; a pair at least `minimum`
alike as `contributes_to`, pointing from the item of a national programme or strategy to the
international commitment it serves (between two frameworks of the same sort only
`same_subject` is proposed: which one serves the other cannot be told from the text). Each
item gets at most `per_item` proposals. A pair of items that has any link row already —
confirmed, rejected, removed, of any relation — is never proposed again; a pending suggestion
has its similarity refreshed.
"""

from dataclasses import dataclass, field

import numpy as np
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from camket.accounts import roles
from camket.frameworks.models import Framework, Recommendation
from camket.lib.history import attribute_change
from camket.links.models import ItemLink
from camket.tagging import similarity

Relation, State = ItemLink.Relation, ItemLink.State
SAME, CONTRIBUTES_TO = Relation.SAME_SUBJECT.value, Relation.CONTRIBUTES_TO.value
SAME_SUBJECT = similarity.NEAR_DUPLICATE
CONTRIBUTES = 0.3
PER_ITEM = 3
NATIONAL_KINDS = {Framework.Kind.PROGRAMME, Framework.Kind.STRATEGY}


@dataclass
class SuggestOutcome:
    created: int = 0
    refreshed: int = 0
    skipped: int = 0  # pairs already linked or decided
    links: list[ItemLink] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "refreshed": self.refreshed,
            "skipped": self.skipped,
            "links": [
                {
                    "id": link.pk,
                    "source": f"{link.source.framework.slug}:{link.source.reference}",
                    "target": f"{link.target.framework.slug}:{link.target.reference}",
                    "relation": link.relation,
                    "similarity": link.similarity,
                }
                for link in self.links
            ],
        }


def _items(framework) -> list[Recommendation]:
    return list(
        Recommendation.objects.filter(framework=framework)
        .exclude(status=Recommendation.Status.ARCHIVED)
        .select_related("framework")
        .order_by("pk")
    )


def _scored_pairs(items_a, items_b, minimum: float, per_item: int) -> dict[tuple, float]:
    """(item of A, item of B) → cosine, each item's best `per_item` at or above `minimum`."""
    index = similarity.current_index()
    items_a = [r for r in items_a if r.pk in index.position]
    items_b = [r for r in items_b if r.pk in index.position]
    if index.matrix is None or not items_a or not items_b:
        return {}
    rows_a = [index.position[r.pk] for r in items_a]
    rows_b = [index.position[r.pk] for r in items_b]
    scores = (index.matrix[rows_a] @ index.matrix[rows_b].T).toarray()
    pairs = {}
    for i, row in enumerate(scores):
        for j in np.argsort(-row)[:per_item]:
            if row[j] >= minimum:
                pairs[(i, int(j))] = float(row[j])
    for j, column in enumerate(scores.T):
        for i in np.argsort(-column)[:per_item]:
            if column[i] >= minimum:
                pairs[(int(i), j)] = float(column[i])
    return {(items_a[i], items_b[j]): score for (i, j), score in pairs.items()}


def _proposal(a, b, score: float, same_subject_at: float):
    """(source, target, relation) for a pair, or None when no relation can be told."""
    if score >= same_subject_at:
        return a, b, SAME
    national_a, national_b = (item.framework.kind in NATIONAL_KINDS for item in (a, b))
    if national_a == national_b:
        return None
    return (a, b, CONTRIBUTES_TO) if national_a else (b, a, CONTRIBUTES_TO)


def suggest_links(
    framework_a: Framework,
    framework_b: Framework,
    *,
    user=None,
    minimum: float = CONTRIBUTES,
    same_subject_at: float = SAME_SUBJECT,
    per_item: int = PER_ITEM,
) -> SuggestOutcome:
    """Write suggested links between the two frameworks' items (`user=None`: the system)."""
    if framework_a.pk == framework_b.pk:
        raise ValidationError(_("Choose two different frameworks."))
    if user is not None and not (
        roles.coordinates(user, framework_a) or roles.coordinates(user, framework_b)
    ):
        raise PermissionDenied(
            _("Only a coordinator of one of the two frameworks can ask for suggested links.")
        )
    pairs = _scored_pairs(_items(framework_a), _items(framework_b), minimum, max(per_item, 1))
    outcome = SuggestOutcome()
    with transaction.atomic():
        linked = _linked_pairs(framework_a, framework_b)
        for (a, b), score in sorted(pairs.items(), key=lambda p: (-p[1], p[0][0].pk, p[0][1].pk)):
            proposal = _proposal(a, b, score, same_subject_at)
            if proposal is None:
                continue
            existing = linked.get(frozenset((a.pk, b.pk)))
            if existing is not None:
                _refresh(existing, proposal, score, outcome)
                continue
            source, target, relation = proposal
            link = ItemLink(
                source=source,
                target=target,
                relation=relation,
                state=State.SUGGESTED,
                similarity=round(score, 3),
            )
            attribute_change(link, user, gettext_noop("Suggested by the similarity model"))
            link.save()
            linked[frozenset((a.pk, b.pk))] = [link]
            outcome.created += 1
            outcome.links.append(link)
    return outcome


def _linked_pairs(framework_a, framework_b) -> dict[frozenset, list[ItemLink]]:
    rows = ItemLink.objects.filter(
        source__framework__in=[framework_a, framework_b],
        target__framework__in=[framework_a, framework_b],
    ).select_related("source__framework", "target__framework")
    found: dict[frozenset, list[ItemLink]] = {}
    for link in rows:
        found.setdefault(frozenset((link.source_id, link.target_id)), []).append(link)
    return found


def _refresh(existing: list[ItemLink], proposal, score: float, outcome: SuggestOutcome) -> None:
    source, target, relation = proposal
    pending = [
        link
        for link in existing
        if link.state == State.SUGGESTED
        and not link.archived
        and (link.source_id, link.target_id, link.relation) == (source.pk, target.pk, relation)
    ]
    if len(pending) == len(existing) == 1 and pending[0].similarity != round(score, 3):
        ItemLink.objects.filter(pk=pending[0].pk).update(similarity=round(score, 3))
        outcome.refreshed += 1
    else:
        outcome.skipped += 1
