"""The curated glossary (data/glossary.csv), installed after every migrate.

A missing term is created. A field of an existing term is brought up to date with the file
only while the installer gave it its present value (its history says so): what a coordinator
changed stays as they left it, archived terms stay archived, and nothing is ever deleted."""

import csv
from pathlib import Path

from django.db import transaction

from camket.glossary.models import GlossaryTerm
from camket.lib.installed import written_by_installer

GLOSSARY_FILE = Path(__file__).resolve().parent / "data" / "glossary.csv"
INSTALL_REASON = "Installed from camket's glossary"
FILE_FIELDS = ("term_vi", "term_en", "variants_en", "domain", "note")


def shipped_key(row: dict[str, str]) -> str:
    return f"{row['term_vi'].strip()}|{row['term_en'].strip()}"


def glossary_rows(path: Path = GLOSSARY_FILE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {name: (row.get(name) or "").strip() for name in FILE_FIELDS}
            for row in csv.DictReader(handle)
        ]


def _histories(pks) -> dict[int, list]:
    """Each term's history, newest first."""
    histories: dict[int, list] = {}
    for record in GlossaryTerm.history.filter(id__in=pks).order_by("-history_date", "-history_id"):
        histories.setdefault(record.id, []).append(record)
    return histories


def _existing(rows) -> dict[str, GlossaryTerm]:
    by_key = {term.shipped_key: term for term in GlossaryTerm.objects.exclude(shipped_key="")}
    for term in GlossaryTerm.objects.filter(shipped_key=""):
        # A pair a person added before the file shipped it: the installer adopts it.
        by_key.setdefault(f"{term.term_vi}|{term.term_en}", term)
    return by_key


@transaction.atomic
def install_glossary(path: Path = GLOSSARY_FILE) -> dict[str, int]:
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    rows = glossary_rows(path)
    existing = _existing(rows)
    histories = _histories([term.pk for term in existing.values()])
    for row in rows:
        key = shipped_key(row)
        term = existing.get(key)
        if term is None:
            term = GlossaryTerm(shipped_key=key, **row)
            counts["created"] += 1
        else:
            history = histories.get(term.pk, [])
            changed = [
                name
                for name in FILE_FIELDS
                if getattr(term, name) != row[name]
                and written_by_installer(term, name, history, INSTALL_REASON)
            ]
            if not changed and term.shipped_key == key:
                counts["unchanged"] += 1
                continue
            for name in changed:
                setattr(term, name, row[name])
            term.shipped_key = key
            counts["updated"] += 1
        term._change_reason = INSTALL_REASON
        term.save()
    return counts
