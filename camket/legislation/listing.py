"""The register's list, filtered: by kind, status, instrument and words (found with or without
Vietnamese diacritics), archived acts only when asked for. The web page, the export, the API
and the CLI all filter through `filter_acts`."""

from dataclasses import dataclass

from django.db.models import Count, Q

from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.legislation.scoping import visible_acts
from camket.lib.folding import folded_document, search_terms
from camket.links.models import RegisterLink
from camket.links.registers import LIVE_STATES


@dataclass
class ActFilters:
    q: str = ""
    kind: str = ""
    status: str = ""
    instrument: str = ""  # an instrument's key
    archived: bool = False

    @classmethod
    def from_mapping(cls, data) -> "ActFilters":
        def text(name):
            return str(data.get(name) or "").strip()[:200]

        return cls(
            q=text("q"),
            kind=text("kind"),
            status=text("status"),
            instrument=text("instrument"),
            archived=text("archived").lower() in ("1", "true", "yes", "on"),
        )

    def as_dict(self) -> dict:
        return {
            "q": self.q,
            "kind": self.kind,
            "status": self.status,
            "instrument": self.instrument,
            "archived": self.archived,
        }


def searchable(act) -> str:
    return folded_document(
        act.number, act.title_vi, act.title, act.issuing_body, act.issuing_body_vi, act.note
    )


def filter_acts(user, filters: ActFilters):
    acts = visible_acts(user).filter(archived=filters.archived)
    if filters.kind:
        acts = acts.filter(kind=filters.kind)
    if filters.status:
        acts = acts.filter(status=filters.status)
    if filters.instrument:
        acts = acts.filter(instruments__key__iexact=filters.instrument)
    terms = search_terms(filters.q)
    if terms:  # the register is small: folded in Python rather than stored
        wanted = [f" {term}" for term in terms]
        acts = acts.filter(
            pk__in=[act.pk for act in acts if all(term in searchable(act) for term in wanted)]
        )
    return acts.distinct()


def with_commitment_counts(user, acts):
    """Each act's `commitment_count`: the live items it implements that the user may see."""
    items = Recommendation.objects.all() if user is None else visible_recommendations(user)
    return acts.annotate(
        commitment_count=Count(
            "item_links__item",
            distinct=True,
            filter=Q(
                item_links__relation=RegisterLink.Relation.IMPLEMENTED_BY,
                item_links__state__in=LIVE_STATES,
                item_links__archived=False,
                item_links__item__in=items,
            ),
        )
    )
