"""Reading and checking the rows of a status file (and of a reservations file) before anything
is written: every problem is reported as a RowError naming its row and column."""

import re
from dataclasses import dataclass, field
from datetime import date

import pycountry
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from camket.importers.records import RowError
from camket.importers.tabular.reading import Table, cell, match_columns
from camket.lib.folding import fold
from camket.treaties.models import Instrument, Participation, Reservation

# Each column and the model field it writes.
STATUS_FIELDS = {
    "signed": "signed_on",
    "action": "action",
    "action_date": "action_on",
    "in_force": "in_force_on",
    "complaints": "complaints_accepted",
    "inquiry": "inquiry_accepted",
    "report_due": "report_due_on",
    "report_note": "report_note",
    "source": "source",
    "source_url": "source_url",
    "note": "note",
}
RESERVATION_FIELDS = {
    "kind": "kind",
    "article": "article",
    "text": "text",
    "text_vi": "text_vi",
    "made_on": "made_on",
    "withdrawn": "withdrawn",
    "withdrawn_date": "withdrawn_on",
}
STATUS_COLUMNS = ("state", "treaty", *STATUS_FIELDS)
RESERVATION_COLUMNS = ("state", "treaty", *RESERVATION_FIELDS)
REQUIRED = {"status": ("state", "treaty"), "reservations": ("state", "treaty", "kind", "text")}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_DMY_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YES = {"yes", "y", "true", "1", "x", "co", "accepted"}
_NO = {"no", "n", "false", "0", "khong", "not accepted"}
# The action as written in a file: the stored value, its English label, the Vietnamese word.
_ACTIONS = {
    "ratification": Participation.Action.RATIFICATION,
    "phe chuan": "ratification",
    "accession": Participation.Action.ACCESSION,
    "gia nhap": "accession",
    "a": "accession",
    "succession": Participation.Action.SUCCESSION,
    "ke thua": "succession",
    "d": "succession",
    "acceptance": Participation.Action.ACCEPTANCE,
    "chap thuan": "acceptance",
    "approval": Participation.Action.APPROVAL,
    "phe duyet": "approval",
}
_KINDS = {
    "reservation": Reservation.Kind.RESERVATION,
    "bao luu": "reservation",
    "declaration": Reservation.Kind.DECLARATION,
    "tuyen bo": "declaration",
}


@dataclass
class StatusRow:
    row: int
    iso3: str
    treaty: str  # the instrument's key
    values: dict  # Participation field -> value, for the columns the file has


@dataclass
class ReservationRow:
    row: int
    iso3: str
    treaty: str
    values: dict  # Reservation field -> value

    @property
    def match_key(self) -> tuple:
        """How a stored reservation is found again: by its article, else by its text."""
        kind, article = self.values["kind"], self.values.get("article", "")
        return (kind, "article", fold(article)) if article else (kind, "text", self.values["text"])


@dataclass
class Checked:
    statuses: list[StatusRow] = field(default_factory=list)
    reservations: list[ReservationRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    absent_columns: list[str] = field(default_factory=list)  # in no table that was read
    # What each table's rows named, as (sheet, row): the same twice is refused across sheets.
    seen_statuses: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    seen_reservations: dict[tuple, tuple[int, int]] = field(default_factory=dict)


def table_kind(table: Table) -> str:
    """'reservations' for a table with the reservations' own columns, else 'status'."""
    mapping, _unknown = match_columns(table.headers, _synonyms(RESERVATION_COLUMNS))
    return "reservations" if {"kind", "text"} <= set(mapping) else "status"


def _synonyms(columns) -> dict[str, tuple[str, ...]]:
    return {name: (name, name.replace("_", " ")) for name in columns}


def parse_date(text: str) -> date:
    """A date written yyyy-mm-dd (as Excel cells also come out) or dd/mm/yyyy."""
    if match := _ISO_DATE.match(text):
        year, month, day = match.groups()
    elif match := _DMY_DATE.match(text):
        day, month, year = match.groups()
    else:
        raise ValueError(text)
    return date(int(year), int(month), int(day))


class _Row:
    """One row's cells, collecting its problems instead of stopping at the first."""

    def __init__(self, number: int, cells: list[str], mapping: dict[str, int], errors: list):
        self.number, self.cells, self.mapping, self.errors = number, cells, mapping, errors

    def text(self, column: str) -> str:
        return cell(self.cells, self.mapping, column)

    def error(self, column: str | None, message: str) -> None:
        self.errors.append(RowError(self.number, column, message))

    def date(self, column: str) -> date | None:
        text = self.text(column)
        if not text:
            return None
        try:
            return parse_date(text)
        except ValueError:
            self.error(
                column,
                _("“%(value)s” is not a date; write it as yyyy-mm-dd or dd/mm/yyyy.")
                % {"value": text},
            )
            return None

    def yes_no(self, column: str) -> bool | None:
        text = fold(self.text(column))
        if not text:
            return None
        if text in _YES:
            return True
        if text in _NO:
            return False
        self.error(column, _("“%(value)s” is neither yes nor no.") % {"value": self.text(column)})
        return None

    def choice(self, column: str, choices: dict[str, str], allowed: str) -> str:
        text = self.text(column)
        value = choices.get(fold(text))
        if text and value is None:
            self.error(
                column,
                _("“%(value)s” is not one of: %(allowed)s.") % {"value": text, "allowed": allowed},
            )
        return str(value or "")

    def state(self, states: dict[str, bool]) -> str:
        code = self.text("state").upper()
        if not code:
            self.error("state", _("The state is missing (its ISO 3166 three-letter code)."))
        elif code not in states:
            states[code] = pycountry.countries.get(alpha_3=code) is not None
        if code and not states[code]:
            self.error(
                "state",
                _("“%(value)s” is not a state's ISO 3166 three-letter code.")
                % {"value": self.text("state")},
            )
        return code

    def treaty(self, keys: dict[str, str]) -> str:
        text = self.text("treaty")
        key = keys.get(text.upper())
        if not text:
            self.error("treaty", _("The treaty is missing (its key, such as ICCPR)."))
        elif key is None:
            self.error(
                "treaty",
                _("“%(value)s” is not the key of an instrument in the catalogue.")
                % {"value": text},
            )
        return key or ""


def _columns(table: Table, kind: str, checked: Checked) -> dict[str, int] | None:
    columns = STATUS_COLUMNS if kind == "status" else RESERVATION_COLUMNS
    mapping, unknown = match_columns(table.headers, _synonyms(columns))
    for header in unknown:
        checked.warnings.append(RowError(1, header, _("This column is not read.")))
    missing = [name for name in REQUIRED[kind] if name not in mapping]
    for name in missing:
        checked.errors.append(RowError(1, name, _("This column is missing.")))
    if missing:
        return None
    absent = [name for name in columns if name not in mapping]
    if absent:
        checked.absent_columns.extend(name for name in absent if name not in checked.absent_columns)
        checked.warnings.append(
            RowError(
                1,
                None,
                _(
                    "No column %(columns)s: those fields are left as they are in camket (empty for a "
                    "new row)."
                )
                % {"columns": ", ".join(absent)},
            )
        )
    return mapping


def _present(parsed: dict[str, object], fields: dict[str, str], mapping: dict[str, int]) -> dict:
    """The model's values of the columns the file has: an absent column changes nothing."""
    return {fields[column]: value for column, value in parsed.items() if column in mapping}


def _check_lengths(row: _Row, values: dict, model, fields: dict[str, str]) -> None:
    for column, name in fields.items():
        limit = model._meta.get_field(name).max_length
        value = values.get(name)
        if limit and isinstance(value, str) and len(value) > limit:
            row.error(column, _("Longer than %(limit)d characters.") % {"limit": limit})


def _seen_before(seen: dict, key: tuple, sheet: int, number: int) -> str | None:
    """Where `key` was first seen, in this table or an earlier one (another sheet); None if
    it is new."""
    first = seen.setdefault(key, (sheet, number))
    if first == (sheet, number):
        return None
    first_sheet, first_row = first
    if first_sheet == sheet:
        return _("row %(row)d") % {"row": first_row}
    return _("row %(row)d of sheet %(sheet)d") % {"row": first_row, "sheet": first_sheet}


def _stored_actions() -> dict[tuple[str, str], str]:
    return {
        (iso3, key): action
        for iso3, key, action in Participation.objects.values_list(
            "state__iso3", "instrument__key", "action"
        )
    }


def check_status_table(table: Table, checked: Checked, sheet: int = 1) -> None:
    mapping = _columns(table, "status", checked)
    if mapping is None:
        return
    keys = {key.upper(): key for key in Instrument.objects.values_list("key", flat=True)}
    states: dict[str, bool] = {}
    # Without an action column, a date of joining is checked against the action camket holds.
    stored_actions = {} if "action" in mapping else _stored_actions()
    validate_url = URLValidator(schemes=["http", "https"])
    for number, cells in table.rows:
        row = _Row(number, cells, mapping, checked.errors)
        iso3, treaty = row.state(states), row.treaty(keys)
        values = _present(
            {
                "signed": row.date("signed"),
                "action_date": row.date("action_date"),
                "action": row.choice(
                    "action",
                    _ACTIONS,
                    _("ratification, accession, succession, acceptance, approval"),
                ),
                "in_force": row.date("in_force"),
                "report_due": row.date("report_due"),
                "complaints": row.yes_no("complaints"),
                "inquiry": row.yes_no("inquiry"),
                "report_note": row.text("report_note"),
                "source": row.text("source"),
                "source_url": row.text("source_url"),
                "note": row.text("note"),
            },
            STATUS_FIELDS,
            mapping,
        )
        action = (
            row.text("action") if "action" in mapping else stored_actions.get((iso3, treaty), "")
        )
        if values.get("action_on") and not action:
            row.error(
                "action_date",
                _(
                    "A date of ratification or accession needs the action "
                    "(ratification, accession…) in the column “action”."
                ),
            )
        if values.get("in_force_on") and not action:
            row.error(
                "in_force",
                _(
                    "An instrument is in force only for a party: give the "
                    "action (ratification, accession…) too."
                ),
            )
        _check_lengths(row, values, Participation, STATUS_FIELDS)
        if values.get("source_url"):
            try:
                validate_url(values["source_url"])
            except ValidationError:
                row.error(
                    "source_url",
                    _("“%(value)s” is not a web address (http:// or https://).")
                    % {"value": values["source_url"]},
                )
        where = (
            iso3 and treaty and _seen_before(checked.seen_statuses, (iso3, treaty), sheet, number)
        )
        if where:
            row.error(
                "treaty",
                _("%(state)s and %(treaty)s are already in %(where)s.")
                % {"state": iso3, "treaty": treaty, "where": where},
            )
        checked.statuses.append(StatusRow(number, iso3, treaty, values))


def check_reservation_table(table: Table, checked: Checked, sheet: int = 1) -> None:
    mapping = _columns(table, "reservations", checked)
    if mapping is None:
        return
    keys = {key.upper(): key for key in Instrument.objects.values_list("key", flat=True)}
    states: dict[str, bool] = {}
    for number, cells in table.rows:
        row = _Row(number, cells, mapping, checked.errors)
        iso3, treaty = row.state(states), row.treaty(keys)
        withdrawn = row.yes_no("withdrawn")
        values = _present(
            {
                "kind": row.choice("kind", _KINDS, _("reservation, declaration")),
                "article": row.text("article"),
                "text": row.text("text"),
                "text_vi": row.text("text_vi"),
                "made_on": row.date("made_on"),
                "withdrawn": bool(withdrawn),
                "withdrawn_date": row.date("withdrawn_date"),
            },
            RESERVATION_FIELDS,
            mapping,
        )
        if not row.text("kind"):
            row.error("kind", _("Say whether it is a reservation or a declaration."))
        if not values["text"]:
            row.error("text", _("The text of the reservation or declaration is missing."))
        _check_lengths(row, values, Reservation, RESERVATION_FIELDS)
        if values.get("withdrawn_on"):
            if withdrawn is False:
                row.error(
                    "withdrawn_date", _("A withdrawal date is given but “withdrawn” says no.")
                )
            values["withdrawn"] = True
        elif "withdrawn" in values and not values["withdrawn"]:
            values["withdrawn_on"] = None  # not withdrawn: no date of withdrawal either
        reservation = ReservationRow(number, iso3, treaty, values)
        key = (iso3, treaty, reservation.match_key)
        where = (
            iso3
            and treaty
            and values["kind"]
            and _seen_before(checked.seen_reservations, key, sheet, number)
        )
        if where:
            row.error(
                "article",
                _("The same reservation or declaration is already in %(where)s.")
                % {"where": where},
            )
        checked.reservations.append(reservation)
