"""Viet Nam's status in the instruments, shipped as sourced data (data/viet-nam.csv and
data/viet-nam-reservations.csv, in the import format) and installed after every migrate.

A missing row is created. A row is brought up to date with the file only while nobody has
changed it since it was installed (its whole history is the installer's); whatever a person or
an import changed stays as they left it. Nothing is ever deleted."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext_noop

from camket.importers.tabular.reading import read_table
from camket.treaties.catalogue import DATA_DIR
from camket.treaties.importing import StatusImport, apply_rows, check_tables, state_for
from camket.treaties.models import Participation, Reservation
from camket.treaties.rows import Checked

STATUS_FILE = DATA_DIR / "viet-nam.csv"
RESERVATIONS_FILE = DATA_DIR / "viet-nam-reservations.csv"
SHIPPED_REASON = gettext_noop("Installed from camket's data on Viet Nam")


class ShippedDataError(Exception):
    """The shipped files do not pass the import's checks: a bug in camket, not in the data
    people entered."""


@dataclass
class ShippedInstall:
    created: int = 0
    updated: int = 0
    kept: list[str] = field(default_factory=list)  # keys left as people changed them


def shipped_rows(
    status_file: Path = STATUS_FILE, reservations_file: Path = RESERVATIONS_FILE
) -> Checked:
    tables = [read_table(status_file)]
    if reservations_file.exists():
        tables.append(read_table(reservations_file))
    checked = check_tables(tables)
    if checked.errors:
        raise ShippedDataError("; ".join(str(error) for error in checked.errors))
    return checked


def untouched(participation: Participation) -> bool:
    """Whether every version of the row, and of its reservations (deleted ones included), is
    the installer's."""
    reasons = set(participation.history.values_list("history_change_reason", flat=True))
    reasons |= set(
        Reservation.history.filter(participation_id=participation.pk).values_list(
            "history_change_reason", flat=True
        )
    )
    return reasons == {SHIPPED_REASON}


@transaction.atomic
def install_shipped_status(
    status_file: Path = STATUS_FILE, reservations_file: Path = RESERVATIONS_FILE
) -> ShippedInstall:
    checked = shipped_rows(status_file, reservations_file)
    result = ShippedInstall()
    for iso3 in {row.iso3 for row in checked.statuses}:
        state_for(iso3)
    existing = {
        (p.state.iso3, p.instrument.key): p
        for p in Participation.objects.filter(
            state__iso3__in={row.iso3 for row in checked.statuses}
        ).select_related("state", "instrument")
    }
    writable = {key for key, participation in existing.items() if untouched(participation)}
    result.kept = sorted(key for iso3, key in set(existing) - writable)
    allowed = Checked(
        statuses=[
            row
            for row in checked.statuses
            if (row.iso3, row.treaty) not in existing or (row.iso3, row.treaty) in writable
        ],
        reservations=[
            row
            for row in checked.reservations
            if (row.iso3, row.treaty) not in existing or (row.iso3, row.treaty) in writable
        ],
    )
    summary = StatusImport(status_file.name)
    apply_rows(allowed, summary, user=None, reason=SHIPPED_REASON)
    result.created, result.updated = summary.created, summary.updated
    return result
