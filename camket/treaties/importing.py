"""Importing states' status in instruments (and their reservations) from a CSV or XLSX file.

Everything is checked first; a file with any error writes nothing. Otherwise all rows are
written in one transaction, each change recorded in the history with the person who imported
and the file's name. A row writes the columns the file has: an empty cell empties that field,
an absent column leaves it as it is (empty in a new row)."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from camket.accounts.permissions import require
from camket.frameworks.models import State
from camket.frameworks.states import display_name
from camket.importers.limits import LimitExceeded
from camket.importers.records import RowError
from camket.importers.tabular.reading import (
    XLSX_MAGIC,
    Table,
    UnreadableFile,
    read_table,
    read_xlsx_sheets,
)
from camket.lib.history import attribute_change
from camket.treaties.models import Instrument, Participation, Reservation
from camket.treaties.rows import (
    RESERVATION_COLUMNS,
    STATUS_COLUMNS,
    Checked,
    ReservationRow,
    StatusRow,
    check_reservation_table,
    check_status_table,
    table_kind,
)

IMPORT_PERMISSION = "treaties.import_status"
REASON_LENGTH = 100  # django-simple-history's change reason column


@dataclass
class StatusImport:
    file_name: str
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    reservations_created: int = 0
    reservations_updated: int = 0
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    absent_columns: list[str] = field(default_factory=list)  # their fields were left as they were
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict:
        return {
            "file": self.file_name,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "reservations_created": self.reservations_created,
            "reservations_updated": self.reservations_updated,
            "dry_run": self.dry_run,
            "errors": [error.as_dict() for error in self.errors],
            "warnings": [warning.as_dict() for warning in self.warnings],
            "absent_columns": self.absent_columns,
        }


def read_tables(path: Path, raw: bytes | None = None, encoding: str | None = None) -> list[Table]:
    """The file's tables: a CSV's one, or every sheet of a workbook."""
    raw = Path(path).read_bytes() if raw is None else raw
    if raw.startswith(XLSX_MAGIC):
        return read_xlsx_sheets(raw)
    return [read_table(Path(path), raw, encoding=encoding)]


def check_tables(tables: list[Table]) -> Checked:
    checked = Checked()
    for sheet, table in enumerate(tables, start=1):
        checked.errors.extend(table.errors)
        checked.warnings.extend(table.warnings)
        if table_kind(table) == "reservations":
            check_reservation_table(table, checked, sheet)
        else:
            check_status_table(table, checked, sheet)
    return checked


def import_status_file(
    path,
    *,
    raw: bytes | None = None,
    user=None,
    dry_run: bool = False,
    file_name: str | None = None,
    encoding: str | None = None,
) -> StatusImport:
    """Check the file (its bytes `raw` if given: an upload), then, unless `dry_run` or any
    error, write it all or nothing. `user` (None: a system import) must hold the import
    permission."""
    if user is not None:
        require(user, IMPORT_PERMISSION)
    summary = StatusImport(file_name or Path(path).name, dry_run=dry_run)
    try:
        tables = read_tables(Path(path), raw, encoding=encoding)
    except (UnreadableFile, LimitExceeded) as error:
        summary.errors.append(error.as_row_error())
        return summary
    checked = check_tables(tables)
    summary.warnings, summary.absent_columns = checked.warnings, checked.absent_columns
    summary.errors = checked.errors or _missing_participations(checked)
    if summary.errors:
        return summary
    reason = (_("Imported from %(file)s") % {"file": summary.file_name})[:REASON_LENGTH]
    with transaction.atomic():
        apply_rows(checked, summary, user=user, reason=reason)
        if dry_run:
            transaction.set_rollback(True)
    return summary


def _missing_participations(checked: Checked) -> list[RowError]:
    """Reservations whose state and treaty have no status, in the file or in camket."""
    in_file = {(row.iso3, row.treaty) for row in checked.statuses}
    stored = set(Participation.objects.values_list("state__iso3", "instrument__key"))
    return [
        RowError(
            row.row,
            "treaty",
            _("%(state)s has no status in %(treaty)s: add a row for it to the status table first.")
            % {"state": row.iso3, "treaty": row.treaty},
        )
        for row in checked.reservations
        if (row.iso3, row.treaty) not in in_file | stored
    ]


def state_for(iso3: str) -> State:
    """The State with this ISO3 code, created (named as the importers name it) if missing."""
    state = State.objects.filter(iso3=iso3).first()
    return state or State.objects.create(iso3=iso3, name=display_name(iso3))


def apply_rows(
    checked: Checked, summary: StatusImport, *, user, reason: str
) -> list[Participation]:
    """Write checked rows inside the caller's transaction; returns the participations it
    created or changed."""
    instruments = {i.key: i for i in Instrument.objects.all()}
    states: dict[str, State] = {}
    written = []
    for row in checked.statuses:
        if row.iso3 not in states:
            states[row.iso3] = state_for(row.iso3)
        state, instrument = states[row.iso3], instruments[row.treaty]
        participation = Participation.objects.filter(state=state, instrument=instrument).first()
        saved = _write_status(
            participation, row, state, instrument, summary, user=user, reason=reason
        )
        if saved is not None:
            written.append(saved)
    for row in checked.reservations:
        _write_reservation(row, summary, user=user, reason=reason)
    return written


def _write_status(
    participation, row: StatusRow, state, instrument, summary, *, user, reason: str
) -> Participation | None:
    if participation is None:
        participation = Participation(state=state, instrument=instrument, **row.values)
        summary.created += 1
    else:
        changed = [
            name for name, value in row.values.items() if getattr(participation, name) != value
        ]
        if not changed:
            summary.unchanged += 1
            return None
        for name in changed:
            setattr(participation, name, row.values[name])
        # An edit form opened on the old version is refused rather than overwriting this.
        Participation.objects.filter(pk=participation.pk).update(version=F("version") + 1)
        participation.version += 1
        summary.updated += 1
    attribute_change(participation, user, reason)
    participation.save()
    return participation


def _write_reservation(row: ReservationRow, summary, *, user, reason: str) -> None:
    participation = Participation.objects.get(state__iso3=row.iso3, instrument__key=row.treaty)
    reservation = next(
        (r for r in participation.reservations.all() if _match_key(r) == row.match_key), None
    )
    if reservation is None:
        reservation = Reservation(participation=participation, **row.values)
        summary.reservations_created += 1
    else:
        changed = [
            name for name, value in row.values.items() if getattr(reservation, name) != value
        ]
        if not changed:
            return
        for name in changed:
            setattr(reservation, name, row.values[name])
        summary.reservations_updated += 1
    attribute_change(reservation, user, reason)
    reservation.save()


def _match_key(reservation: Reservation) -> tuple:
    probe = ReservationRow(
        0,
        "",
        "",
        {"kind": reservation.kind, "article": reservation.article, "text": reservation.text},
    )
    return probe.match_key


def template_csv(kind: str = "status") -> bytes:
    """An empty file with the columns of a status (or reservations) table, to fill in."""
    columns = RESERVATION_COLUMNS if kind == "reservations" else STATUS_COLUMNS
    # The byte-order mark lets Excel open the UTF-8 file with Vietnamese letters intact.
    return (",".join(columns) + "\r\n").encode("utf-8-sig")
