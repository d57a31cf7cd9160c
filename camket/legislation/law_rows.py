"""Checking one row of a legal-act register file (camket/legislation/importing.py): its values,
that it names each act once, the act it updates, its instruments and commitments, and that
the importing user may write it. Rows are planned here; nothing is written."""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from camket.accounts import roles
from camket.exports.cells import unneutralised
from camket.importers.records import RowError
from camket.importers.tabular.reading import cell
from camket.legislation import services
from camket.legislation.law_values import choice, parse_date, split_list
from camket.legislation.models import LegalAct
from camket.legislation.rules import coordinates_register
from camket.links.models import RegisterLink
from camket.treaties.models import Instrument

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


@dataclass
class PlannedAct:
    row: int
    act: LegalAct
    values: dict
    instruments: list = field(default_factory=list)
    commitments: list = field(default_factory=list)
    drafting_agency: object = None


class RowChecker:
    def __init__(self, user, mapping: dict[str, int], errors: list[RowError]) -> None:
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
                values[column] = choice(value(column), choices)
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
            first = self.numberless.setdefault(numberless_key(values), row)
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
            if numberless_key(
                {"kind": act.kind, "title_vi": act.title_vi, "adopted_on": act.adopted_on}
            )
            == numberless_key(values)
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
        for key in split_list(text):
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
        for name in split_list(text):
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


def numberless_key(values: dict) -> tuple:
    return (
        values["kind"],
        " ".join(values["title_vi"].split()).casefold(),
        values.get("adopted_on"),
    )
