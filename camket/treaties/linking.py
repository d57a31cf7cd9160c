"""Write the links detection finds: on import (new or re-worded items) and on demand."""

from dataclasses import dataclass

from camket.frameworks.models import Recommendation
from camket.links.models import RegisterLink
from camket.links.registers import detect_register_links
from camket.treaties.names import build_detector

BATCH = 2000


@dataclass
class LinkingSummary:
    scanned: int = 0
    found: int = 0  # links found in the texts, new or already there in any state
    created: int = 0  # of which new (not existing, nor rejected or removed by a person)


def link_items(items, *, dry_run: bool = False) -> LinkingSummary:
    """Detect over `items` (a queryset of recommendations). Never re-creates a link a person
    rejected or removed; a dry run writes nothing and says how many links it would add."""
    detector, instruments = build_detector()
    summary = LinkingSummary()
    if not instruments:
        return summary
    ids = list(items.exclude(status=Recommendation.Status.ARCHIVED)
               .order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        chunk = Recommendation.objects.filter(pk__in=ids[start:start + BATCH]).only(
            "pk", "text", "text_vi", "status", "framework_id")
        existing = set(RegisterLink.objects.filter(item__in=chunk, instrument__isnull=False)
                       .values_list("item_id", "instrument__key", "relation"))
        new = []
        for item in chunk:
            summary.scanned += 1
            for found in detector.find(item.text, item.text_vi):
                instrument = instruments.get(found.key)
                if instrument is None:
                    continue
                summary.found += 1
                if (item.pk, found.key, found.relation) not in existing:
                    new.append((item, instrument, found.relation, found.matched))
        summary.created += len(new)
        if not dry_run:
            detect_register_links(new)
    return summary


def link_imported_items(item_ids: list[int]) -> None:
    """The import hook: runs inside the import's transaction."""
    link_items(Recommendation.objects.filter(pk__in=item_ids))
