"""The built-in instrument catalogue (data/instruments.csv), installed after every migrate."""

import csv
from datetime import date
from pathlib import Path

from django.db import transaction

from camket.treaties.models import Instrument

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_FILE = DATA_DIR / "instruments.csv"
INSTALL_REASON = "Installed from the built-in catalogue"

# The fields the file states; anything else (aliases, archived) belongs to the people using it.
TEXT_FIELDS = ("name", "name_vi", "short_name", "short_name_vi", "family", "depositary",
               "treaty_body", "treaty_body_vi", "source_url")
DATE_FIELDS = ("adopted_on", "in_force_on")


def catalogue_rows(path: Path = CATALOGUE_FILE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _values(row: dict[str, str]) -> dict:
    values = {name: row[name].strip() for name in TEXT_FIELDS}
    values.update({name: date.fromisoformat(row[name]) if row[name] else None
                   for name in DATE_FIELDS})
    values["position"] = int(row["position"])
    return values


@transaction.atomic
def install_catalogue(path: Path = CATALOGUE_FILE) -> dict[str, int]:
    """Create the instruments the file names and bring the file's fields of existing ones up to
    date; never deletes one. Parents come before their protocols in the file. Returns counts."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    by_key: dict[str, Instrument] = {}
    for row in catalogue_rows(path):
        values = _values(row)
        values["parent"] = by_key.get(row["parent"]) if row["parent"] else None
        if row["parent"] and values["parent"] is None:
            values["parent"] = Instrument.objects.get(key=row["parent"])
        instrument = Instrument.objects.filter(key=row["key"]).first()
        if instrument is None:
            instrument = Instrument(key=row["key"], builtin=True, **values)
            counts["created"] += 1
        else:
            changed = [name for name, value in values.items()
                       if getattr(instrument, name) != value]
            if not changed and instrument.builtin:
                by_key[instrument.key] = instrument
                counts["unchanged"] += 1
                continue
            for name in changed:
                setattr(instrument, name, values[name])
            instrument.builtin = True
            counts["updated"] += 1
        instrument._change_reason = INSTALL_REASON
        instrument.save()
        by_key[instrument.key] = instrument
    return counts
