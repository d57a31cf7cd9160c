"""The names detection looks for: the catalogue's (database) and the curated variants (files)."""

import csv
import re
from collections import defaultdict
from pathlib import Path

from camket.treaties.detection import Detector, Protocol
from camket.treaties.models import Instrument

DATA = Path(__file__).parent / "data"

# "1961 Convention", "Công ước năm 1961": fine as a label in the drug-control family, but in a
# text they name any convention of that year (the 1961 Convention on the Reduction of
# Statelessness), so detection does not look for them.
_GENERIC_NAME = re.compile(
    r"(?:the\s+)?(?:\d{4}\s+)?(?:convention|protocol|công\s+ước|nghị\s+định\s+thư)"
    r"(?:\s+(?:of\s+|năm\s+)?\d{4})?",
    re.IGNORECASE,
)


def is_generic_name(name: str) -> bool:
    return bool(_GENERIC_NAME.fullmatch(name.strip()))


def file_aliases(path: Path = DATA / "aliases.csv") -> dict[str, set[str]]:
    aliases = defaultdict(set)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["alias"].strip():
                aliases[row["key"].strip()].add(row["alias"].strip())
    return aliases


def file_protocols(path: Path = DATA / "protocols.csv") -> dict[str, list[Protocol]]:
    """parent key -> its protocols, in the file's order (the oldest first)."""
    by_key: dict[str, Protocol] = {}
    parents: dict[str, list[Protocol]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            key = row["key"].strip()
            if key not in by_key:
                ordinal = row["ordinal"].strip()
                by_key[key] = Protocol(
                    key,
                    int(ordinal) if ordinal else None,
                    in_bare_plural=row.get("plural", "").strip() != "no",
                )
                parents[row["parent"].strip()].append(by_key[key])
            if row["subject"].strip():
                by_key[key].subjects.append(row["subject"].strip().lower())
    return parents


def catalogue_aliases(instruments) -> dict[str, set[str]]:
    aliases = defaultdict(set)
    for instrument in instruments:
        names = [
            instrument.key,
            instrument.name,
            instrument.name_vi,
            instrument.short_name,
            instrument.short_name_vi,
            *(instrument.aliases or []),
        ]
        aliases[instrument.key].update(
            n.strip() for n in names if isinstance(n, str) and n.strip() and not is_generic_name(n)
        )
    return aliases


def build_detector() -> tuple[Detector, dict[str, Instrument]]:
    """The detector, and the instruments it may link to (key -> live catalogue row)."""
    live = Instrument.objects.filter(archived=False).select_related("parent")
    instruments = {instrument.key: instrument for instrument in live}
    aliases = file_aliases()
    for key, names in catalogue_aliases(instruments.values()).items():
        aliases[key] |= names
    protocols = file_protocols()
    for instrument in instruments.values():
        if instrument.parent_id:
            siblings = protocols.setdefault(instrument.parent.key, [])
            if instrument.key not in {p.key for p in siblings}:
                siblings.append(Protocol(instrument.key))
    for siblings in protocols.values():
        for protocol in siblings:
            adopted_on = getattr(instruments.get(protocol.key), "adopted_on", None)
            protocol.adopted = adopted_on.year if adopted_on else None
    return Detector(aliases, protocols), instruments
