"""The glossary as a file: CSV or XLSX in, CSV out.

Columns: term_vi, term_en, variants_en (";" between variants), domain (human_rights, drugs,
crime or general; empty: general), note, archived (yes/no; empty: no). Every row is checked
first; one problem anywhere and nothing is written, each problem told as "row N, column X". A
row whose Vietnamese and English terms (any case) name an existing term updates it; others are
added. A column the file lacks leaves that field as it is. Nothing is deleted: archive a term
to stop it widening searches."""

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from camket.exports.cells import cell as safe_cell
from camket.exports.cells import unneutralised
from camket.glossary.models import GlossaryTerm
from camket.glossary.services import check_editor
from camket.importers.limits import LimitExceeded
from camket.importers.records import RowError
from camket.importers.tabular.reading import UnreadableFile, cell, match_columns, read_table
from camket.lib.folding import fold
from camket.lib.history import attribute_change

COLUMNS = {
    "term_vi": ("term vi", "vietnamese", "vietnamese term", "tiếng việt", "thuật ngữ"),
    "term_en": ("term en", "english", "english term", "tiếng anh"),
    "variants_en": ("variants en", "variants", "english variants", "synonyms", "biến thể"),
    "domain": ("domain", "lĩnh vực"),
    "note": ("note", "notes", "ghi chú"),
    "archived": ("archived", "lưu trữ"),
}
REQUIRED = ("term_vi", "term_en")
YES = {"yes", "y", "true", "1", "co", "x"}
NO = {"no", "n", "false", "0", "khong", ""}
EXPORT_COLUMNS = ("term_vi", "term_en", "variants_en", "domain", "note", "archived")


@dataclass
class GlossaryImport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "errors": [str(error) for error in self.errors],
        }


def _domain(text: str) -> str | None:
    wanted = fold(text).replace(" ", "_")
    if not wanted:
        return GlossaryTerm.Domain.GENERAL
    for value, label in GlossaryTerm.Domain.choices:
        if wanted in (value, fold(str(label)).replace(" ", "_")):
            return value
    return None


def _plan(table, result: GlossaryImport) -> list[tuple[int, GlossaryTerm, dict]]:
    mapping, _unknown = match_columns(table.headers, COLUMNS)
    for column in REQUIRED:
        if column not in mapping:
            result.errors.append(RowError(None, column, _("This column is missing.")))
    if result.errors:
        return []
    existing = {
        (term.term_vi.casefold(), term.term_en.casefold()): term
        for term in GlossaryTerm.objects.all()
    }
    seen: dict[tuple[str, str], int] = {}
    planned = []
    for index, cells in table.rows:

        def value(name, cells=cells):
            return unneutralised(cell(cells, mapping, name))

        count = len(result.errors)
        values = {name: value(name) for name in ("term_vi", "term_en", "variants_en", "note")}
        for column in REQUIRED:
            if not values[column]:
                result.errors.append(RowError(index, column, _("This column must not be empty.")))
        values["domain"] = _domain(value("domain"))
        if values["domain"] is None:
            result.errors.append(
                RowError(
                    index,
                    "domain",
                    _("Unknown value %(value)r; use one of: %(choices)s.")
                    % {"value": value("domain"), "choices": ", ".join(GlossaryTerm.Domain.values)},
                )
            )
        archived = fold(value("archived"))
        if archived not in YES | NO:
            result.errors.append(RowError(index, "archived", _("Write yes or no.")))
        values["archived"] = archived in YES
        key = (values["term_vi"].casefold(), values["term_en"].casefold())
        first = seen.setdefault(key, index)
        if first != index:
            result.errors.append(
                RowError(index, "term_vi", _("Row %(row)d has the same terms.") % {"row": first})
            )
        if len(result.errors) > count:
            continue
        term = existing.get(key) or GlossaryTerm()
        for name, new in values.items():
            if name in mapping or term.pk is None:  # a column the file lacks stays as it is
                setattr(term, name, new)
        try:
            term.full_clean(validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                result.errors += [RowError(index, name, message) for message in messages]
            continue
        planned.append((index, term, values))
    return planned


def import_glossary(path: Path, user=None, *, raw: bytes | None = None) -> GlossaryImport:
    """All or nothing: returns the counts, or the errors with nothing written."""
    check_editor(user)
    result = GlossaryImport()
    try:
        table = read_table(Path(path), raw)
    except (UnreadableFile, LimitExceeded) as error:
        result.errors.append(RowError(None, None, str(error)))
        return result
    result.errors += table.errors
    planned = _plan(table, result)
    if result.errors:
        return result
    with transaction.atomic():
        for _row, term, _values in planned:
            if term.pk is not None:
                stored = GlossaryTerm.objects.get(pk=term.pk)
                if all(getattr(stored, name) == getattr(term, name) for name in EXPORT_COLUMNS):
                    result.unchanged += 1
                    continue
                result.updated += 1
            else:
                result.created += 1
            attribute_change(term, user, _("Imported from %(file)s") % {"file": Path(path).name})
            term.save()
    return result


def export_csv(terms) -> str:
    """The terms in the import's columns; text a spreadsheet would run is neutralised."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(EXPORT_COLUMNS)
    for term in terms:
        writer.writerow(
            [
                safe_cell(term.term_vi),
                safe_cell(term.term_en),
                safe_cell(term.variants_en),
                term.domain,
                safe_cell(term.note),
                "yes" if term.archived else "no",
            ]
        )
    return out.getvalue()
