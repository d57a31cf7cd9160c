"""Reading CSV and XLSX files into header + rows, whatever their encoding and line endings."""

import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes
from django.utils.translation import gettext as _

from camket.lib.folding import fold

XLSX_MAGIC = b"PK\x03\x04"
_C1_CONTROLS = re.compile("[\x80-\x9f]")


class UnreadableFile(Exception):
    """The file cannot be read as a table at all; the message says why."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells)
    encoding: str = ""


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes: UTF-8 (with or without BOM) or UTF-16 first; then Windows-1252/latin-1,
    which is what spreadsheet programs and the UPR Info export write; else detection."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "utf-16"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("cp1252", "latin-1"):
        text = raw.decode(encoding, errors="replace")
        if "\ufffd" not in text and not _C1_CONTROLS.search(text):
            return text, encoding
    best = from_bytes(raw[:200_000]).best()
    encoding = best.encoding if best else "latin-1"
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return raw.decode("latin-1"), "latin-1"


def read_csv(raw: bytes) -> Table:
    if b"\x00" in raw[:4096] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableFile(_("This is not a text (CSV) file."))
    text, encoding = decode(raw)
    # newline="" lets the csv module accept CR-only, LF and CRLF line endings alike.
    sample = text[:20_000]
    try:
        # Only the delimiter is sniffed: the sniffer's guesses about quoting are unreliable.
        delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), csv.excel, delimiter=delimiter)
    try:
        headers = next(reader, None)
        if not headers or not any(h.strip() for h in headers):
            raise UnreadableFile(_("The file is empty: it has no header row."))
        rows = []
        for index, cells in enumerate(reader, start=2):
            if any(c.strip() for c in cells):
                rows.append((index, cells))
    except csv.Error as error:
        raise UnreadableFile(
            _("The CSV file is malformed near line %(line)d: %(error)s.")
            % {"line": reader.line_num, "error": error}
        ) from None
    return Table([h.strip() for h in headers], rows, encoding)


def read_xlsx(raw: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise UnreadableFile(
            _("The Excel file is damaged or truncated (%(error)s).") % {"error": error}
        ) from None
    try:
        sheet = workbook.worksheets[0]
        iterator: Iterator = sheet.iter_rows(values_only=True)
        headers = next(iterator, None)
        if not headers or not any(h not in (None, "") for h in headers):
            raise UnreadableFile(_("The first sheet is empty: it has no header row."))
        rows = []
        for index, values in enumerate(iterator, start=2):
            cells = ["" if v is None else _cell_text(v) for v in values]
            if any(c.strip() for c in cells):
                rows.append((index, cells))
    except zipfile.BadZipFile as error:
        raise UnreadableFile(
            _("The Excel file is damaged or truncated (%(error)s).") % {"error": error}
        ) from None
    finally:
        workbook.close()
    return Table(["" if h is None else str(h).strip() for h in headers], rows, "xlsx")


def _cell_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def read_table(path: Path, raw: bytes | None = None) -> Table:
    raw = Path(path).read_bytes() if raw is None else raw
    if not raw.strip():
        raise UnreadableFile(_("The file is empty."))
    if raw.startswith(XLSX_MAGIC):
        return read_xlsx(raw)
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        raise UnreadableFile(_("The file is named .xlsx but is not an Excel workbook."))
    return read_csv(raw)


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
