"""A table (headers and rows of values) as XLSX, CSV, a Word table or a JSON table.

Every text goes through `cell()` in XLSX and CSV alike: a CSV is opened by spreadsheets too,
where `=HYPERLINK(…)` would run. Word runs nothing, so its cells are written as they are.
"""

import csv
import io
import json
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from camket.exports.cells import cell

MIN_WIDTH, MAX_WIDTH = 8, 60
WRAPPED = Alignment(wrap_text=True, vertical="top")
BOLD = Font(bold=True)


def shown(value) -> object:
    """A value as a cell holds it: dates stay dates, nothing is empty text."""
    if value is None:
        return ""
    if isinstance(value, datetime) and timezone.is_aware(value):  # Excel has no time zones
        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, date | datetime | int | float):
        return value
    return str(value)


def fill_sheet(sheet, headers: Sequence[str], rows: Iterable[Sequence]) -> None:
    """Bold header, frozen above the data, an autofilter, wrapped text, widths from content."""
    sheet.append([cell(str(header)) for header in headers])
    for header_cell in sheet[1]:
        header_cell.font = BOLD
        header_cell.alignment = WRAPPED
    widths = [len(str(header)) for header in headers]
    for row in rows:
        values = [cell(shown(value)) for value in row]
        sheet.append(values)
        for index, value in enumerate(values):
            longest = max((len(line) for line in str(value).splitlines()), default=0)
            widths[index] = max(widths[index], longest)
    for row in sheet.iter_rows(min_row=2):
        for data_cell in row:
            data_cell.alignment = WRAPPED
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(
            max(width + 2, MIN_WIDTH), MAX_WIDTH
        )
    sheet.freeze_panes = "A2"
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{max(sheet.max_row, 1)}"


def xlsx_table(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(title)
    fill_sheet(sheet, headers, rows)
    return workbook_bytes(workbook)


def sheet_title(title: str) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in str(title)).strip()
    return (cleaned or "Sheet")[:31]


def workbook_bytes(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_table(headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    """UTF-8 with a byte order mark, so Excel reads Vietnamese right; CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([cell(str(header)) for header in headers])
    for row in rows:
        writer.writerow([cell(_csv_value(value)) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _csv_value(value) -> str:
    value = shown(value)
    return value.isoformat() if isinstance(value, date | datetime) else str(value)


def docx_table(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    from docx import Document  # python-docx: only needed for Word files

    document = Document()
    document.core_properties.title = str(title)[:250]
    document.add_heading(str(title), level=1)
    table = document.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for header_cell, header in zip(table.rows[0].cells, headers, strict=True):
        header_cell.text = ""
        header_cell.paragraphs[0].add_run(str(header)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for data_cell, value in zip(cells, row, strict=True):
            data_cell.text = docx_text(value)
    return document_bytes(document)


def docx_text(value) -> str:
    value = shown(value)
    text = value.isoformat() if isinstance(value, date | datetime) else str(value)
    return cell_safe(text)


def cell_safe(text: str) -> str:
    """Word's XML refuses control characters, as openpyxl does."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("", text)


def document_bytes(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def json_table(
    schema: str,
    version: str,
    title: str,
    columns: Sequence[tuple[str, str]],
    rows: Iterable[dict],
    *,
    filters: dict,
) -> bytes:
    """A list as JSON: what it is, when, with which filters, its columns, then its rows (objects
    keyed by column key). Not neutralised: JSON is read by programs, not spreadsheets."""
    envelope = {
        "schema": schema,
        "schema_version": version,
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "title": title,
        "filters": filters,
        "columns": [{"key": key, "header": header} for key, header in columns],
        "rows": list(rows),
    }
    return json.dumps(envelope, ensure_ascii=False, indent=1).encode("utf-8")
