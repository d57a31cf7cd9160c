"""Reading CSV and XLSX files into header + rows, whatever their encoding and line endings.

Both are read as a stream under the import limits (`importers/limits.py`): an XLSX's package
is measured before it is opened, rows are counted and cells measured as they come, so a
hostile file stops being read at the first row or cell too many. Every cell is NFC-normalised
and checked for text that cannot be right (`importers/encoding.py`).
"""

import csv
import io
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from openpyxl.utils import get_column_letter

from camket.importers.encoding import Decoded, TextChecker, UndecodableText, decode
from camket.importers.limits import ImportLimits, LimitExceeded
from camket.importers.records import RowError
from camket.lib.folding import fold

XLSX_MAGIC = b"PK\x03\x04"
# Wider rows are refused: openpyxl pads every row to its last cell, and Excel stops at 16,384.
MAX_COLUMNS = 1000


class UnreadableFile(Exception):
    """The file cannot be read as a table at all; the message says why (and where, if known)."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.row, self.column = row, column

    def as_row_error(self) -> RowError:
        return RowError(self.row, self.column, str(self))


class EmptyTable(UnreadableFile):
    """The file (or sheet) has no header row."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells)
    encoding: str = ""
    errors: list[RowError] = field(default_factory=list)  # text that cannot be right
    warnings: list[RowError] = field(default_factory=list)


def read_csv(raw: bytes, encoding: str | None = None, limits: ImportLimits | None = None) -> Table:
    if not encoding and b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(_("This is not a text (CSV) file."))
    try:
        decoded = decode(raw, encoding)
    except UndecodableText as error:
        raise UnreadableFile(str(error)) from None
    text = decoded.text
    # newline="" lets the csv module accept CR-only, LF and CRLF line endings alike.
    sample = text[:20_000]
    try:
        # Only the delimiter is sniffed: the sniffer's guesses about quoting are unreliable.
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    limits = limits or ImportLimits.current()
    # The csv module refuses fields over its own limit (128 KiB): let ours decide.
    csv.field_size_limit(max(csv.field_size_limit(), limits.cell_chars + 1))
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
    try:
        table = _read_rows(reader, limits, decoded.encoding)
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV file is malformed near line %(line)d: %(error)s.")
            % {"line": reader.line_num, "error": error}
        ) from None
    if decoded.guessed:
        table.warnings.insert(0, _guessed_encoding_warning(decoded))
    return table


def _guessed_encoding_warning(decoded: Decoded) -> RowError:
    return RowError(
        None,
        None,
        _(
            "The file is not in UTF-8; it was read as %(encoding)s. If some letters look wrong, "
            "choose the file's encoding (the Encoding field, or camket import --encoding)."
        )
        % {"encoding": decoded.name},
    )


def _read_rows(rows: Iterable[Iterable], limits: ImportLimits, encoding: str) -> Table:
    """Header + non-empty rows from rows of cell values, under the limits."""
    checker = TextChecker()
    headers: list[str] | None = None
    kept: list[tuple[int, list[str]]] = []
    cells_read = 0
    for number, values in enumerate(rows, start=1):
        limits.check_rows(number)
        cells_read += len(values)
        limits.check_cells(cells_read, number)
        cells = _cells(values, number, headers, limits, checker)
        if headers is None:
            if not any(c.strip() for c in cells):
                raise EmptyTable(_("The file is empty: it has no header row."))
            headers = [c.strip() for c in cells]
        elif any(c.strip() for c in cells):
            kept.append((number, cells))
    if headers is None:
        raise EmptyTable(_("The file is empty: it has no header row."))
    checker.finish()
    return Table(headers, kept, encoding, checker.errors, checker.warnings)


def _cells(values, row: int, headers, limits: ImportLimits, checker: TextChecker) -> list[str]:
    cells = []
    longest = limits.cell_chars
    for index, value in enumerate(values):
        if index >= MAX_COLUMNS:
            raise UnreadableFile(
                _("This row has more than %(limit)d columns; such files are refused.")
                % {"limit": MAX_COLUMNS},
                row=row,
            )
        text = value if type(value) is str else "" if value is None else _cell_text(value)
        # Most cells are short plain ASCII: nothing to normalise, check or name a column for.
        if text and not text.isascii():
            text = unicodedata.normalize("NFC", text)
            column = _column_name(headers, index)
            limits.check_cell(text, row, column)
            checker.check(text, row, column)
        elif len(text) > longest:
            limits.check_cell(text, row, _column_name(headers, index))
        cells.append(text)
    return cells


def _column_name(headers: list[str] | None, index: int) -> str:
    if headers and index < len(headers) and headers[index]:
        return headers[index]
    return get_column_letter(index + 1)


def read_xlsx(raw: bytes, limits: ImportLimits | None = None) -> Table:
    from openpyxl import load_workbook

    limits = limits or ImportLimits.current()
    try:
        limits.check_package(io.BytesIO(raw))
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except LimitExceeded:
        raise
    except Exception as error:  # a damaged package fails in many ways: zip, XML, missing parts
        raise UnreadableFile(_damaged(error)) from None
    try:
        if not workbook.worksheets:
            raise UnreadableFile(_("The Excel file has no sheet."))
        sheet = workbook.worksheets[0]
        # The <dimension> a file states is not trusted: openpyxl would pad every row to it.
        sheet.reset_dimensions()
        return _read_rows(_sheet_rows(sheet), limits, "xlsx")
    finally:
        workbook.close()


def _sheet_rows(sheet) -> Iterator[tuple]:
    iterator: Iterator = sheet.iter_rows(values_only=True)
    row = 0
    while True:
        try:
            values = next(iterator)
        except StopIteration:
            return
        except Exception as error:  # broken sheet XML, a truncated member, a bad value
            raise UnreadableFile(
                _("The Excel sheet is damaged after row %(row)d (%(error)s).")
                % {"row": row, "error": _describe(error)},
                row=row + 1,
            ) from None
        row += 1
        yield values


def _damaged(error: Exception) -> str:
    return _("The Excel file is damaged or truncated (%(error)s).") % {"error": _describe(error)}


def _describe(error: Exception) -> str:
    text = str(error).strip() or type(error).__name__
    return text if len(text) <= 200 else text[:200] + "…"


def _cell_text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(
    path: Path,
    raw: bytes | None = None,
    *,
    encoding: str | None = None,
    limits: ImportLimits | None = None,
) -> Table:
    """Read a CSV or XLSX; raises UnreadableFile or LimitExceeded with a message for people."""
    raw = Path(path).read_bytes() if raw is None else raw
    if not raw.strip():
        raise UnreadableFile(_("The file is empty."))
    if raw.startswith(XLSX_MAGIC):
        return read_xlsx(raw, limits)
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        raise UnreadableFile(_("The file is named .xlsx but is not an Excel workbook."))
    return read_csv(raw, encoding, limits)


def match_columns(
    headers: list[str], synonyms: dict[str, tuple[str, ...]]
) -> tuple[dict[str, int], list[str]]:
    """Map each field to the column whose header means it; return (mapping, unknown headers).

    A header matches a field when its folded text equals one of the field's synonyms.
    """
    lookup = {fold(s): field for field, names in synonyms.items() for s in names}
    mapping: dict[str, int] = {}
    unknown = []
    for index, header in enumerate(headers):
        key = " ".join(fold(header).replace("_", " ").split()).strip(" :*")
        field = lookup.get(key)
        if field and field not in mapping:
            mapping[field] = index
        elif header.strip():
            unknown.append(header)
    return mapping, unknown


def cell(cells: list[str], mapping: dict[str, int], field: str) -> str:
    index = mapping.get(field)
    if index is None or index >= len(cells):
        return ""
    return (cells[index] or "").strip()


def read_xlsx_sheets(raw: bytes, limits: ImportLimits | None = None) -> list[Table]:
    """Every sheet of a workbook that has a header row, each read as `read_xlsx` reads the
    first; the limits count each sheet on its own."""
    from openpyxl import load_workbook

    limits = limits or ImportLimits.current()
    try:
        limits.check_package(io.BytesIO(raw))
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except LimitExceeded:
        raise
    except Exception as error:  # a damaged package fails in many ways: zip, XML, missing parts
        raise UnreadableFile(_damaged(error)) from None
    tables = []
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()
            try:
                tables.append(_read_rows(_sheet_rows(sheet), limits, "xlsx"))
            except EmptyTable:
                continue  # a blank sheet beside the tables
        if not tables:
            raise UnreadableFile(_("The Excel file has no sheet with a header row."))
        return tables
    finally:
        workbook.close()
