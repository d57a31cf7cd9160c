"""Vietnamese texts in bulk: a framework's items as a workbook for translators, and the
workbook read back. Only the Vietnamese column is ever written; the import is all or nothing.

Each row carries checksums of the English and of the Vietnamese text as exported: a row whose
English text has changed since is refused (the translation was made of another text), and so
is a row whose Vietnamese text was changed in camket meanwhile and differs in the file (the
file would silently undo someone's correction).
"""

import hashlib
import io
import unicodedata
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from camket.exports.cells import cell, unneutralised
from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.importers.limits import LimitExceeded
from camket.importers.tabular.reading import UnreadableFile, read_xlsx
from camket.lib.concurrency import StaleEdit
from camket.translations import services

ID, FRAMEWORK, REFERENCE = "id", "framework", "reference"
ENGLISH, VIETNAMESE = "english_text", "vietnamese_text"
ENGLISH_CHECKSUM, VIETNAMESE_CHECKSUM = "english_checksum", "vietnamese_checksum"
COLUMNS = (ID, FRAMEWORK, REFERENCE, ENGLISH, VIETNAMESE, ENGLISH_CHECKSUM, VIETNAMESE_CHECKSUM)
REQUIRED = (ID, VIETNAMESE, ENGLISH_CHECKSUM, VIETNAMESE_CHECKSUM)
WIDTHS = {
    ID: 8,
    FRAMEWORK: 22,
    REFERENCE: 12,
    ENGLISH: 70,
    VIETNAMESE: 70,
    ENGLISH_CHECKSUM: 18,
    VIETNAMESE_CHECKSUM: 18,
}


def checksum(text: str) -> str:
    """Of the text as a spreadsheet gives it back (NFC, no surrounding spaces)."""
    normal = unicodedata.normalize("NFC", (text or "").strip())
    return hashlib.sha256(normal.encode()).hexdigest()[:16]


def export_workbook(recommendations) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "translations"
    sheet.append(COLUMNS)
    for column_cell in sheet[1]:
        column_cell.font = Font(bold=True)
    for item in recommendations.select_related("framework").order_by("framework_id", "id"):
        sheet.append(
            [
                item.pk,
                cell(item.framework.slug),
                cell(item.reference),
                cell(item.text),
                cell(item.text_vi),
                checksum(item.text),
                checksum(item.text_vi),
            ]
        )
    for index, name in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = WIDTHS[name]
    for row in sheet.iter_rows(min_row=2, min_col=4, max_col=5):
        for text_cell in row:
            text_cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


@dataclass
class Problem:
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(_("row %(row)d") % {"row": self.row})
        if self.column:
            where.append(_("column %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


@dataclass
class Change:
    row: int
    recommendation: Recommendation
    text_vi: str


@dataclass
class ImportResult:
    changes: list[Change] = field(default_factory=list)
    unchanged: int = 0
    problems: list[Problem] = field(default_factory=list)
    written: bool = False


def _scope(user):
    return Recommendation.objects.all() if user is None else visible_recommendations(user)


def check_rows(user, raw: bytes) -> ImportResult:
    """What the file would change, and every problem found (each naming its row and column)."""
    result = ImportResult()
    try:
        table = read_xlsx(raw)
    except (UnreadableFile, LimitExceeded) as error:
        result.problems.append(
            Problem(getattr(error, "row", None), getattr(error, "column", None), str(error))
        )
        return result
    result.problems += [Problem(e.row, e.column, e.message) for e in table.errors]
    columns = {name: table.headers.index(name) for name in COLUMNS if name in table.headers}
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        result.problems.append(
            Problem(
                1,
                ", ".join(missing),
                _("This column is missing: export the framework again and translate in that file."),
            )
        )
        return result

    def value(cells, name):
        index = columns[name]
        return unneutralised(cells[index]) if index < len(cells) else ""

    rows = [(number, cells, value(cells, ID).strip()) for number, cells in table.rows]
    ids = {int(pk) for _number, _cells, pk in rows if pk.isascii() and pk.isdigit()}
    stored = _scope(user).select_related("framework").in_bulk(ids)
    seen: set[int] = set()
    for number, cells, pk in rows:
        item = stored.get(int(pk)) if pk.isascii() and pk.isdigit() else None
        if item is None:
            result.problems.append(Problem(number, ID, _("No item you may see has this id.")))
            continue
        if item.pk in seen:
            result.problems.append(Problem(number, ID, _("This item is on an earlier row.")))
            continue
        seen.add(item.pk)
        problem = _row_problem(
            item,
            value(cells, VIETNAMESE),
            value(cells, ENGLISH_CHECKSUM).strip(),
            value(cells, VIETNAMESE_CHECKSUM).strip(),
        )
        if problem is not None:
            result.problems.append(Problem(number, *problem))
            continue
        text_vi = services.cleaned(value(cells, VIETNAMESE))
        if text_vi == services.cleaned(unicodedata.normalize("NFC", item.text_vi)):
            result.unchanged += 1
        # Only a row that would write is the user's concern: a file may carry rows of other
        # agencies (a colleague's or an older export), left as they were.
        elif not services.may_translate(user, item):
            result.problems.append(
                Problem(
                    number,
                    ID,
                    _("You may not enter the Vietnamese text of %(reference)s.")
                    % {"reference": item.reference},
                )
            )
        else:
            result.changes.append(Change(number, item, text_vi))
    return result


def _row_problem(item, text_vi: str, english_sum: str, vietnamese_sum: str):
    """(column, message) of what is wrong with a row, or None."""
    if english_sum != checksum(item.text):
        return ENGLISH_CHECKSUM, _(
            "The English text of %(reference)s changed since the export: export again and "
            "translate the new text."
        ) % {"reference": item.reference}
    try:
        new_text = services.cleaned(text_vi)
    except ValidationError as error:
        return VIETNAMESE, " ".join(error.messages)
    if vietnamese_sum != checksum(item.text_vi) and checksum(new_text) != checksum(item.text_vi):
        return VIETNAMESE_CHECKSUM, _(
            "The Vietnamese text of %(reference)s was changed in camket since the export: "
            "export again so that correction is not undone."
        ) % {"reference": item.reference}
    return None


def import_workbook(user, raw: bytes, *, dry_run: bool = False) -> ImportResult:
    """Write the Vietnamese texts of a checked file; nothing at all when any row is wrong.
    `user=None`: the operator at the console."""
    result = check_rows(user, raw)
    if result.problems or dry_run or not result.changes:
        return result
    try:
        with transaction.atomic():
            for change in result.changes:
                services.set_vietnamese_text(
                    user,
                    change.recommendation,
                    change.text_vi,
                    version=change.recommendation.version,
                )
    except StaleEdit:
        result.problems.append(
            Problem(
                change.row,
                VIETNAMESE,
                _(
                    "Someone changed %(reference)s while the file was being imported: nothing was "
                    "written; import the file again."
                )
                % {"reference": change.recommendation.reference},
            )
        )
        return result
    except PermissionDenied as error:
        result.problems.append(Problem(change.row, ID, str(error)))
        return result
    result.written = True
    return result
