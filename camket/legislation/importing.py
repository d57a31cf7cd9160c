"""Importing a register of legal acts from a CSV or XLSX file.

Columns: number, kind, title_vi, title, issuing_body, status, adopted, in_force, repealed, url,
instruments (catalogue keys separated by ";"), commitments (items as SLUG:REF separated by ";").
An agency's member who imports adds acts
drafted by their agency; the coordinating ministry's coordinators add any act. Every row is
checked first; one problem anywhere and nothing is written, and each problem is
told as "row N, column X". A row whose number is already in the register updates that act; a
row without a number updates the act without a number of the same kind, Vietnamese title (any
case) and adoption date, and is refused if two acts match. A row that changes nothing writes
nothing and needs no permission, so the register's export imports back as it is. Instruments
and commitments are added to those the act has, never taken away (a link a person made is not
undone by a file)."""

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.exports.cells import unneutralised
from camket.importers.limits import LimitExceeded
from camket.importers.records import RowError
from camket.importers.tabular.reading import UnreadableFile, cell, match_columns, read_table
from camket.legislation import services
from camket.legislation.models import LegalAct
from camket.legislation.rules import coordinates_register
from camket.lib.folding import fold
from camket.links.models import RegisterLink
from camket.treaties.models import Instrument

COLUMNS = {
    "number": ("number", "số", "so hieu", "số hiệu"),
    "kind": ("kind", "loại", "loai van ban"),
    "title_vi": ("title_vi", "title vi", "tên", "tên văn bản", "ten van ban"),
    "title": ("title", "english title", "title en"),
    "issuing_body": ("issuing_body", "issuing body", "cơ quan ban hành"),
    "status": ("status", "trạng thái"),
    "adopted": ("adopted", "adopted on", "ngày ban hành", "ngày thông qua"),
    "in_force": ("in_force", "in force", "ngày hiệu lực", "ngày có hiệu lực"),
    "repealed": ("repealed", "repealed on", "ngày hết hiệu lực"),
    "url": ("url", "link", "official text"),
    "instruments": ("instruments", "điều ước"),
    "commitments": ("commitments", "cam kết"),
}
REQUIRED = ("kind", "title_vi", "status")
# The model's field behind each column, to tell a refused value's column.
FIELD_COLUMNS = {
    "number": "number",
    "kind": "kind",
    "title_vi": "title_vi",
    "title": "title",
    "issuing_body": "issuing_body",
    "status": "status",
    "adopted_on": "adopted",
    "in_force_on": "in_force",
    "repealed_on": "repealed",
    "url": "url",
}
_LIST = re.compile(r"\s*;\s*")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass
class PlannedAct:
    row: int
    act: LegalAct
    values: dict
    instruments: list = field(default_factory=list)
    commitments: list = field(default_factory=list)
    drafting_agency: object = None


@dataclass
class LawImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    instrument_links: int = 0
    commitment_links: int = 0
    dry_run: bool = False
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "instrument_links": self.instrument_links,
            "commitment_links": self.commitment_links,
            "dry_run": self.dry_run,
            "errors": [str(error) for error in self.errors],
        }


# The words Vietnamese registers use (the labels' translations may not exist yet).
VIETNAMESE_NAMES = {
    "hien phap": "constitution",
    "bo luat": "code",
    "luat": "law",
    "phap lenh": "ordinance",
    "nghi quyet": "resolution",
    "nghi dinh": "decree",
    "quyet dinh": "decision",
    "thong tu": "circular",
    "khac": "other",
    "dang soan thao": "drafting",
    "du thao": "drafting",
    "cho thong qua": "pending",
    "da thong qua": "adopted",
    "con hieu luc": "in_force",
    "co hieu luc": "in_force",
    "dang co hieu luc": "in_force",
    "con hieu luc da sua doi": "amended",
    "het hieu luc": "repealed",
    "bi bai bo": "repealed",
    "da bai bo": "repealed",
}


def _choice(text: str, choices) -> str | None:
    """A kind or status given by its key or its label (English or Vietnamese), any case,
    with or without diacritics."""
    wanted = " ".join(fold(text).replace("-", " ").replace("_", " ").replace(",", " ").split())
    values = {value for value, _label in choices}
    if VIETNAMESE_NAMES.get(wanted) in values:
        return VIETNAMESE_NAMES[wanted]
    for value, label in choices:
        if wanted in (
            fold(value).replace("_", " "),
            " ".join(fold(str(label)).replace(",", " ").split()),
        ):
            return value
    return None


def parse_date(text: str) -> date | None:
    """YYYY-MM-DD (also as Excel writes a date cell) or DD/MM/YYYY, as Vietnamese texts do."""
    text = text.strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    found = _DMY.match(text)
    if found:
        day, month, year = (int(part) for part in found.groups())
        return date(year, month, day)
    raise ValueError(text)


def _split(text: str) -> list[str]:
    return [part for part in _LIST.split(text.strip()) if part]


class _RowChecker:
    def __init__(self, user, mapping, errors):
        self.user, self.mapping, self.errors = user, mapping, errors
        self.instruments = {i.key.upper(): i for i in Instrument.objects.all()}
        self.numbers: dict[str, int] = {}
        self.numberless: dict[tuple, int] = {}
        # An agency importing its register adds acts it drafts; the ministry adds any act.
        self.own_agency = (
            None if user is None or coordinates_register(user) else roles.agency_of(user)
        )

    def error(self, row: int, column: str, message: str) -> None:
        self.errors.append(RowError(row, column, str(message)))

    def plan(self, row: int, cells: list[str]) -> PlannedAct | None:
        def value(name):  # as it was before an export neutralised it
            return unneutralised(cell(cells, self.mapping, name))

        count = len(self.errors)
        values = {
            "number": value("number"),
            "title_vi": value("title_vi"),
            "title": value("title"),
            "issuing_body": value("issuing_body"),
            "url": value("url"),
        }
        for column in REQUIRED:
            if not value(column):
                self.error(row, column, _("This column must not be empty."))
        for column, choices in (
            ("kind", LegalAct.Kind.choices),
            ("status", LegalAct.Status.choices),
        ):
            if value(column):
                values[column] = _choice(value(column), choices)
                if values[column] is None:
                    self.error(
                        row,
                        column,
                        _("Unknown value %(value)r; use one of: %(choices)s.")
                        % {"value": value(column), "choices": ", ".join(v for v, _l in choices)},
                    )
        for column, name in (
            ("adopted", "adopted_on"),
            ("in_force", "in_force_on"),
            ("repealed", "repealed_on"),
        ):
            try:
                values[name] = parse_date(value(column))
            except ValueError:
                self.error(
                    row,
                    column,
                    _("%(value)r is not a date; write YYYY-MM-DD or DD/MM/YYYY.")
                    % {"value": value(column)},
                )
        self._once_in_file(row, values)
        existing = self._existing(row, values) if len(self.errors) == count else None
        linked = (
            set(services.commitment_links(None, existing).values_list("item_id", flat=True))
            if existing
            else set()
        )
        instruments = list(dict.fromkeys(self._instruments(row, value("instruments"))))
        commitments = self._commitments(row, value("commitments"), linked)
        if len(self.errors) > count:
            return None
        if existing is not None:
            known = set(existing.instruments.all())
            instruments = [i for i in instruments if i not in known]
        return self._act(row, existing, values, instruments, commitments)

    def _once_in_file(self, row: int, values: dict) -> None:
        """Each act once: by its number, or (numberless) by its kind, title and adoption."""
        if values["number"]:
            first = self.numbers.setdefault(values["number"].casefold(), row)
            if first != row:
                self.error(
                    row,
                    "number",
                    _("The number %(number)s is also on row %(row)d.")
                    % {"number": values["number"], "row": first},
                )
        elif values["title_vi"] and values.get("kind"):
            first = self.numberless.setdefault(_numberless_key(values), row)
            if first != row:
                self.error(
                    row,
                    "title_vi",
                    _(
                        "Row %(row)d has the same act: same kind, title and adoption date, and no "
                        "number."
                    )
                    % {"row": first},
                )

    def _existing(self, row: int, values: dict) -> LegalAct | None:
        """The act the row is about: the act with its number; with no number, the act with no
        number of the same kind, Vietnamese title (any case) and adoption date (or none)."""
        live = LegalAct.objects.filter(archived=False)
        if values["number"]:
            return live.filter(number__iexact=values["number"]).first()
        candidates = live.filter(number="", kind=values["kind"], adopted_on=values["adopted_on"])
        found = [
            act
            for act in candidates
            if _numberless_key(
                {"kind": act.kind, "title_vi": act.title_vi, "adopted_on": act.adopted_on}
            )
            == _numberless_key(values)
        ]
        if len(found) > 1:
            self.error(
                row,
                "title_vi",
                _(
                    "%(count)d acts without a number in the register have this kind, title and "
                    "adoption date: give them their number, or archive the duplicates, first."
                )
                % {"count": len(found)},
            )
            return None
        return found[0] if found else None

    def _instruments(self, row, text) -> list:
        found = []
        for key in _split(text):
            instrument = self.instruments.get(key.upper())
            if instrument is None or instrument.archived:
                self.error(
                    row, "instruments", _("No instrument has the key %(key)s.") % {"key": key}
                )
            else:
                found.append(instrument)
        return found

    def _commitments(self, row, text, linked: set) -> list:
        """The items to link anew; those the act already has (live) are neither checked nor
        written again, so a file exported by someone who may not link them imports back."""
        found = []
        for name in _split(text):
            try:
                item = services.find_commitment(self.user, name)
            except ValidationError as error:
                self.error(row, "commitments", " ".join(error.messages))
                continue
            if item.pk in linked or item in found:
                continue
            if self.user is not None and not self.user.has_perm(
                "links.change_registerlink", RegisterLink(item=item)
            ):
                self.error(
                    row,
                    "commitments",
                    _("Only the coordinators of “%(framework)s” can link its item %(name)s.")
                    % {"framework": item.framework, "name": name},
                )
            else:
                found.append(item)
        return found

    def _act(self, row, existing, values, instruments, commitments) -> PlannedAct | None:
        act = existing or LegalAct(drafting_agency=self.own_agency)
        changed = []
        if existing is not None:  # what the file does not say is kept
            values = {name: v for name, v in values.items() if v not in ("", None)}
            changed = services.changed_fields(existing, values)
            if not (changed or instruments or commitments):
                return PlannedAct(row, existing, {})  # nothing to write, nothing to allow
        for name, field_value in values.items():
            setattr(act, name, field_value)
        if self.user is not None and not self.user.has_perm("legislation.change_legalact", act):
            self.error(
                row,
                "number",
                _("You may not edit this act.")
                if existing
                else _(
                    "Only the coordinating ministry or the act's drafting agency can add this act."
                ),
            )
            return None
        try:
            services.check_act(act)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.error(row, FIELD_COLUMNS.get(name, name), " ".join(messages))
            return None
        if existing is not None:
            values = {name: values[name] for name in changed}
        return PlannedAct(
            row, existing, values, instruments, commitments, drafting_agency=act.drafting_agency
        )


def _numberless_key(values: dict) -> tuple:
    return (
        values["kind"],
        " ".join(values["title_vi"].split()).casefold(),
        values.get("adopted_on"),
    )


def import_laws(
    path: Path, raw: bytes | None = None, *, user=None, dry_run: bool = False
) -> LawImport:
    """Check every row, then (unless `dry_run` or any row is wrong) write them all in one
    transaction, through the services: the history names `user`."""
    outcome = LawImport(dry_run=dry_run)
    if user is not None and not user.has_perm("legislation.add_legalact"):
        raise PermissionDenied(_("You are not allowed to do this."))
    try:
        table = read_table(Path(path), raw)
    except (UnreadableFile, LimitExceeded) as error:
        outcome.errors.append(error.as_row_error())
        return outcome
    outcome.errors.extend(table.errors)
    mapping, _unknown = match_columns(table.headers, COLUMNS)
    for column in REQUIRED:
        if column not in mapping:
            outcome.errors.append(RowError(1, column, _("This column is missing.")))
    if outcome.errors:
        return outcome
    checker = _RowChecker(user, mapping, outcome.errors)
    planned = [
        p
        for p in (
            checker.plan(row, cells) for row, cells in table.rows if any(c.strip() for c in cells)
        )
        if p is not None
    ]
    if outcome.errors:
        return outcome
    with transaction.atomic():
        for plan in planned:
            _apply(user, plan, outcome)
        if dry_run:
            transaction.set_rollback(True)
    return outcome


def _apply(user, plan: PlannedAct, outcome: LawImport) -> None:
    if plan.act is None:
        act = services.create_act(user, {**plan.values, "drafting_agency": plan.drafting_agency})
        outcome.created += 1
    elif plan.values:
        act = LegalAct.objects.get(pk=plan.act.pk)
        act = services.update_act(user, act, plan.values, version=act.version)
        outcome.updated += 1
    else:
        act = plan.act
        if not (plan.instruments or plan.commitments):
            outcome.unchanged += 1
    for instrument in plan.instruments:
        act = services.link_instrument(user, act, instrument, version=act.version)
        outcome.instrument_links += 1
    for item in plan.commitments:
        services.link_commitment(user, act, item)
        outcome.commitment_links += 1
