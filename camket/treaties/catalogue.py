"""The built-in instrument catalogue (data/instruments.csv), installed after every migrate.

A new version of the file updates the fields nobody changed; what a person changed (in the
admin) since the installer wrote it stays, as the history shows it."""

import csv
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext_noop

from camket.lib.installed import written_by_installer
from camket.treaties.models import Instrument

DATA_DIR = Path(__file__).resolve().parent / "data"
CATALOGUE_FILE = DATA_DIR / "instruments.csv"
INSTALL_REASON = gettext_noop("Installed from the built-in catalogue")

# The fields the file states; anything else (aliases, archived) belongs to the people using it.
TEXT_FIELDS = (
    "name",
    "name_vi",
    "short_name",
    "short_name_vi",
    "family",
    "depositary",
    "treaty_body",
    "treaty_body_vi",
    "source_url",
)
DATE_FIELDS = ("adopted_on", "in_force_on")


def catalogue_rows(path: Path = CATALOGUE_FILE) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _values(row: dict[str, str]) -> dict:
    values = {name: row[name].strip() for name in TEXT_FIELDS}
    values.update(
        {name: date.fromisoformat(row[name]) if row[name] else None for name in DATE_FIELDS}
    )
    values["position"] = int(row["position"])
    return values


def _histories() -> dict[int, list]:
    """Every instrument's history, newest first."""
    histories: dict[int, list] = {}
    for record in Instrument.history.order_by("-history_date", "-history_id"):
        histories.setdefault(record.id, []).append(record)
    return histories


@transaction.atomic
def install_catalogue(path: Path = CATALOGUE_FILE) -> dict[str, int]:
    """Create the instruments the file names and bring the file's fields of existing ones up to
    date, except the fields people changed since the installer wrote them; never deletes one.
    Parents come before their protocols in the file. Returns counts."""
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    by_key: dict[str, Instrument] = {}
    histories = _histories()
    for row in catalogue_rows(path):
        values = _values(row)
        parent = by_key.get(row["parent"]) if row["parent"] else None
        if row["parent"] and parent is None:
            parent = Instrument.objects.get(key=row["parent"])
        values["parent_id"] = parent.pk if parent else None
        instrument = Instrument.objects.filter(key=row["key"]).first()
        if instrument is None:
            instrument = Instrument(key=row["key"], builtin=True, **values)
            counts["created"] += 1
        else:
            history = histories.get(instrument.pk, [])
            changed = [
                name
                for name, value in values.items()
                if getattr(instrument, name) != value
                and written_by_installer(instrument, name, history, INSTALL_REASON)
            ]
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
