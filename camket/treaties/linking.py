"""Write the links detection finds: on import (new or re-worded items) and on demand."""

from bisect import bisect_right
from dataclasses import dataclass

from camket.frameworks.models import Framework, Recommendation
from camket.importers.hooks import ImportedItems, checking_constraints_meanwhile
from camket.lib.any_of import one_of
from camket.lib.raw_rows import rows_of
from camket.links.models import RegisterLink
from camket.links.registers import detect_register_links
from camket.treaties.names import build_detector

BATCH = 2000
ROUND = 50_000  # items whose texts are held at once
TEXT_COLUMNS = ("pk", "text", "text_vi", "session", "framework_id")
# The first UPR Working Group session of each year (OHCHR's session calendar); later years are
# taken as three sessions a year. Only the year matters here (which protocols existed).
FIRST_SESSION_OF_YEAR = {
    2008: 1,
    2009: 4,
    2010: 7,
    2011: 10,
    2012: 13,
    2013: 15,
    2014: 18,
    2015: 21,
    2016: 24,
    2017: 27,
    2018: 29,
    2019: 32,
    2020: 35,
    2021: 37,
    2022: 40,
    2023: 42,
    2024: 45,
    2025: 48,
}
_YEARS, _FIRST_SESSIONS = zip(*sorted(FIRST_SESSION_OF_YEAR.items()), strict=True)


def upr_session_year(session: int) -> int:
    last_year, last_first = _YEARS[-1], _FIRST_SESSIONS[-1]
    if session >= last_first:
        return last_year + (session - last_first) // 3
    return _YEARS[max(0, bisect_right(_FIRST_SESSIONS, session) - 1)]


def written_in(item: Recommendation) -> int | None:
    """The year an item was written, as far as known: its UPR session, else its framework's UPR
    cycle, else the year its framework starts."""
    return year_written(item.framework, item.session)


def year_written(framework: Framework, session: int | None) -> int | None:
    """`written_in` for an item of `framework` from `session` (None when unknown)."""
    if framework.kind == Framework.Kind.UPR_CYCLE:
        if session is None and framework.cycle:
            session = 1 if framework.cycle == 1 else 13 + 14 * (framework.cycle - 2)
        if session:
            return upr_session_year(session)
    return framework.starts_on.year if framework.starts_on else None


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
    return _link(
        sorted(items.exclude(status=Recommendation.Status.ARCHIVED).values_list("pk", flat=True)),
        detector,
        instruments,
        summary,
        dry_run=dry_run,
    )


def _link(
    ids: list[int],
    detector,
    instruments,
    summary,
    *,
    dry_run: bool,
    fresh: frozenset[int] = frozenset(),
) -> LinkingSummary:
    """`fresh`: items created in this transaction, which no link can refer to yet (their
    existing links are not looked for). A round's texts are all read before detection, so
    the server checks the import's foreign keys meanwhile (an import is one round)."""
    for begin in range(0, len(ids), ROUND):
        rows: list[tuple] = []
        existing: set[tuple] = set()
        for start in range(begin, min(begin + ROUND, len(ids)), BATCH):
            chunk = _texts(ids[start : min(start + BATCH, begin + ROUND)])
            rows += chunk
            existing |= _existing_links([row[0] for row in chunk if row[0] not in fresh])
        frameworks = Framework.objects.in_bulk({row[4] for row in rows})
        with checking_constraints_meanwhile():
            new = _detect(rows, frameworks, detector, instruments, existing, summary)
        summary.created += len(new)
        if not dry_run:
            for start in range(0, len(new), BATCH):
                detect_register_links(new[start : start + BATCH], fresh=fresh)
    return summary


def _existing_links(item_ids: list[int]) -> set[tuple]:
    if not item_ids:
        return set()
    return set(
        RegisterLink.objects.filter(
            **one_of("item_id", item_ids), instrument__isnull=False
        ).values_list("item_id", "instrument__key", "relation")
    )


def _detect(chunk, frameworks, detector, instruments, existing, summary) -> list[tuple]:
    """The links found in `chunk`'s texts that are not among `existing`. Reads no database."""
    new = []
    for pk, text, text_vi, session, framework_id in chunk:
        summary.scanned += 1
        year = year_written(frameworks[framework_id], session)
        for found in detector.find(text, text_vi, year):
            instrument = instruments.get(found.key)
            if instrument is None:
                continue
            summary.found += 1
            if (pk, found.key, found.relation) not in existing:
                new.append((pk, instrument, found.relation, found.matched))
    return new


def _texts(ids: list[int]) -> list[tuple]:
    """(id, text, text_vi, session, framework id) of the live items among `ids` (sorted). An
    import's new items have consecutive ids: a range of ids is read then, not thousands of
    them one by one (Django prepares each value of an IN list)."""
    items = Recommendation.objects.exclude(status=Recommendation.Status.ARCHIVED)
    if ids[-1] - ids[0] < 2 * len(ids):  # dense: the range reads at most twice what is asked
        wanted = set(ids)
        in_range = items.filter(pk__gte=ids[0], pk__lte=ids[-1])
        return [row for row in rows_of(in_range.values_list(*TEXT_COLUMNS)) if row[0] in wanted]
    return rows_of(items.filter(**one_of("pk", ids)).values_list(*TEXT_COLUMNS))


def link_imported_items(imported: ImportedItems) -> None:
    """The import hook: runs inside the import's transaction."""
    detector, instruments = build_detector()
    if instruments:
        _link(
            imported.ids,
            detector,
            instruments,
            LinkingSummary(),
            dry_run=False,
            fresh=imported.created,
        )
