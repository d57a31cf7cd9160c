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

STATUS_COLUMNS = ("state", "treaty", "signed", "action", "action_date", "in_force", "complaints",
                  "inquiry", "report_due", "source", "source_url", "note")
RESERVATION_COLUMNS = ("state", "treaty", "kind", "article", "text", "text_vi", "made_on",
                       "withdrawn", "withdrawn_date")
REQUIRED = {"status": ("state", "treaty"), "reservations": ("state", "treaty", "kind", "text")}

_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00)?)?$")
_DMY_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YES = {"yes", "y", "true", "1", "x", "co", "accepted"}
_NO = {"no", "n", "false", "0", "khong", "not accepted"}
# The action as written in a file: the stored value, its English label, the Vietnamese word.
_ACTIONS = {
    "ratification": Participation.Action.RATIFICATION, "phe chuan": "ratification",
    "accession": Participation.Action.ACCESSION, "gia nhap": "accession", "a": "accession",
    "succession": Participation.Action.SUCCESSION, "ke thua": "succession", "d": "succession",
    "acceptance": Participation.Action.ACCEPTANCE, "chap thuan": "acceptance",
    "approval": Participation.Action.APPROVAL, "phe duyet": "approval",
}
_KINDS = {"reservation": Reservation.Kind.RESERVATION, "bao luu": "reservation",
          "declaration": Reservation.Kind.DECLARATION, "tuyen bo": "declaration"}
_SOURCE_LENGTH = Participation._meta.get_field("source").max_length
_ARTICLE_LENGTH = Reservation._meta.get_field("article").max_length


@dataclass
class StatusRow:
    row: int
    iso3: str
    treaty: str  # the instrument's key
    values: dict  # Participation field -> value


@dataclass
class ReservationRow:
    row: int
    iso3: str
    treaty: str
    values: dict  # Reservation field -> value

    @property
    def match_key(self) -> tuple:
        """How a stored reservation is found again: by its article, else by its text."""
        kind, article = self.values["kind"], self.values["article"]
        return (kind, "article", fold(article)) if article else (kind, "text", self.values["text"])


@dataclass
class Checked:
    statuses: list[StatusRow] = field(default_factory=list)
    reservations: list[ReservationRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)


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
            self.error(column, _("“%(value)s” is not a date; write it as yyyy-mm-dd or "
                                 "dd/mm/yyyy.") % {"value": text})
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
            self.error(column, _("“%(value)s” is not one of: %(allowed)s.")
                       % {"value": text, "allowed": allowed})
        return str(value or "")

    def state(self, states: dict[str, bool]) -> str:
        code = self.text("state").upper()
        if not code:
            self.error("state", _("The state is missing (its ISO 3166 three-letter code)."))
        elif code not in states:
            states[code] = pycountry.countries.get(alpha_3=code) is not None
        if code and not states[code]:
            self.error("state", _("“%(value)s” is not a state's ISO 3166 three-letter code.")
                       % {"value": self.text("state")})
        return code

    def treaty(self, keys: dict[str, str]) -> str:
        text = self.text("treaty")
        key = keys.get(text.upper())
        if not text:
            self.error("treaty", _("The treaty is missing (its key, such as ICCPR)."))
        elif key is None:
            self.error("treaty", _("“%(value)s” is not the key of an instrument in the "
                                   "catalogue.") % {"value": text})
        return key or ""


def _columns(table: Table, kind: str, checked: Checked) -> dict[str, int] | None:
    columns = STATUS_COLUMNS if kind == "status" else RESERVATION_COLUMNS
    mapping, unknown = match_columns(table.headers, _synonyms(columns))
    for header in unknown:
        checked.warnings.append(RowError(1, header, _("This column is not read.")))
    missing = [name for name in REQUIRED[kind] if name not in mapping]
    for name in missing:
        checked.errors.append(RowError(1, name, _("This column is missing.")))
    return None if missing else mapping


def check_status_table(table: Table, checked: Checked) -> None:
    mapping = _columns(table, "status", checked)
    if mapping is None:
        return
    keys = {key.upper(): key for key in Instrument.objects.values_list("key", flat=True)}
    states: dict[str, bool] = {}
    seen: dict[tuple[str, str], int] = {}
    validate_url = URLValidator(schemes=["http", "https"])
    for number, cells in table.rows:
        row = _Row(number, cells, mapping, checked.errors)
        iso3, treaty = row.state(states), row.treaty(keys)
        values = {
            "signed_on": row.date("signed"), "action_on": row.date("action_date"),
            "action": row.choice("action", _ACTIONS, _("ratification, accession, succession, "
                                                       "acceptance, approval")),
            "in_force_on": row.date("in_force"), "report_due_on": row.date("report_due"),
            "complaints_accepted": row.yes_no("complaints"),
            "inquiry_accepted": row.yes_no("inquiry"),
            "source": row.text("source"), "source_url": row.text("source_url"),
            "note": row.text("note"),
        }
        if values["action_on"] and not row.text("action"):
            row.error("action_date", _("A date of ratification or accession needs the action "
                                       "(ratification, accession…) in the column “action”."))
        if values["in_force_on"] and not row.text("action"):
            row.error("in_force", _("An instrument is in force only for a party: give the "
                                    "action (ratification, accession…) too."))
        if len(values["source"]) > _SOURCE_LENGTH:
            row.error("source", _("Longer than %(limit)d characters.") % {"limit": _SOURCE_LENGTH})
        if values["source_url"]:
            try:
                validate_url(values["source_url"])
            except ValidationError:
                row.error("source_url", _("“%(value)s” is not a web address (http:// or "
                                          "https://).") % {"value": values["source_url"]})
        if iso3 and treaty:
            if (iso3, treaty) in seen:
                row.error("treaty", _("%(state)s and %(treaty)s are already in row %(row)d.")
                          % {"state": iso3, "treaty": treaty, "row": seen[(iso3, treaty)]})
            seen.setdefault((iso3, treaty), number)
        checked.statuses.append(StatusRow(number, iso3, treaty, values))


def check_reservation_table(table: Table, checked: Checked) -> None:
    mapping = _columns(table, "reservations", checked)
    if mapping is None:
        return
    keys = {key.upper(): key for key in Instrument.objects.values_list("key", flat=True)}
    states: dict[str, bool] = {}
    seen: dict[tuple, int] = {}
    for number, cells in table.rows:
        row = _Row(number, cells, mapping, checked.errors)
        iso3, treaty = row.state(states), row.treaty(keys)
        values = {
            "kind": row.choice("kind", _KINDS, _("reservation, declaration")),
            "article": row.text("article"), "text": row.text("text"),
            "text_vi": row.text("text_vi"), "made_on": row.date("made_on"),
            "withdrawn": bool(row.yes_no("withdrawn")),
            "withdrawn_on": row.date("withdrawn_date"),
        }
        if not row.text("kind"):
            row.error("kind", _("Say whether it is a reservation or a declaration."))
        if not values["text"]:
            row.error("text", _("The text of the reservation or declaration is missing."))
        if len(values["article"]) > _ARTICLE_LENGTH:
            row.error("article", _("Longer than %(limit)d characters.")
                      % {"limit": _ARTICLE_LENGTH})
        if values["withdrawn_on"] and row.yes_no("withdrawn") is False:
            row.error("withdrawn_date", _("A withdrawal date is given but “withdrawn” says no."))
        values["withdrawn"] = values["withdrawn"] or values["withdrawn_on"] is not None
        reservation = ReservationRow(number, iso3, treaty, values)
        if iso3 and treaty and values["kind"]:
            key = (iso3, treaty, reservation.match_key)
            if key in seen:
                row.error("article", _("The same reservation or declaration is already in row "
                                       "%(row)d.") % {"row": seen[key]})
            seen.setdefault(key, number)
        checked.reservations.append(reservation)
