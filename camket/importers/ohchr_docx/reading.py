"""Reading a Word file into plain grids of cell text, plus the text around the tables.

python-docx opens and validates the package; the tables are then walked directly in the XML,
which is many times faster than python-docx's cell objects on large matrices. The package's
uncompressed size is checked from its ZIP directory before python-docx reads anything, and
table rows and cell lengths are counted as they are walked (`importers/limits.py`).
"""

from __future__ import annotations

import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from camket.importers.limits import DOCX_TAGS, PACKAGE_DAMAGE, ImportLimits, LimitExceeded

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TBL, _TR, _TC, _P = f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}p"
_T, _TAB, _BR, _CR, _NBH = f"{W}t", f"{W}tab", f"{W}br", f"{W}cr", f"{W}noBreakHyphen"
_VAL = f"{W}val"
_CONTEXT_PARAGRAPHS = 25
_MAX_GRID = 1000  # a stated column span or offset beyond this is a damaged (or hostile) file


class UnreadableDocument(Exception):
    """The file cannot be opened as a Word document; the message says why, for a person."""


@dataclass
class Table:
    number: int  # 1-based, in document order
    rows: list[list[str]]  # cell texts spread over the grid: a merged cell repeats its text
    cell_counts: list[int]  # how many real cells each row has (1 = a single merged cell)

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)


@dataclass
class WordDocument:
    tables: list[Table] = field(default_factory=list)
    context: list[str] = field(default_factory=list)  # title, page headers, opening paragraphs


def read_document(path: Path) -> WordDocument:
    import docx  # python-docx: only needed for Word files
    from docx.opc.exceptions import PackageNotFoundError

    if not path.is_file():
        raise UnreadableDocument(_("the file does not exist"))
    limits = ImportLimits.current()
    try:
        limits.check_package(path, DOCX_TAGS)  # LimitExceeded: the caller reports it as it is
    except (*PACKAGE_DAMAGE, OSError):
        pass  # not a readable ZIP package: python-docx's failure below says why
    try:
        document = docx.Document(str(path))
    except PackageNotFoundError:
        raise UnreadableDocument(_why_not_a_package(path)) from None
    except PACKAGE_DAMAGE as error:
        raise UnreadableDocument(
            _("the file is damaged or cut short: %(error)s") % {"error": error}
        ) from None
    except (KeyError, ValueError, OSError, zipfile.LargeZipFile) as error:
        raise UnreadableDocument(
            _("the package is damaged: %(error)s") % {"error": error}
        ) from None
    except Exception as error:  # lxml syntax errors and the like, from a damaged part
        raise UnreadableDocument(f"{type(error).__name__}: {error}") from None
    try:
        return WordDocument(tables=_tables(document, limits), context=_context(document))
    except LimitExceeded:
        raise
    except Exception as error:
        raise UnreadableDocument(
            _("its content could not be read: %(error)s") % {"error": error}
        ) from None


def _why_not_a_package(path: Path) -> str:
    with path.open("rb") as handle:
        start = handle.read(4)
    if not start:
        return _("the file is empty")
    if start == b"PK\x03\x04":
        return _("the file is damaged or cut short: its ZIP package is incomplete")
    return _("it is not a .docx file (a Word document is a ZIP package; this file is not one)")


def _tables(document, limits: ImportLimits) -> list[Table]:
    body = document.element.body
    tables = []
    rows_read = cells_read = 0
    for tbl in body.iter(_TBL):
        if _inside_table(tbl, body):
            continue  # a table nested in a cell: its text belongs to that cell
        tables.append(_read_table(tbl, len(tables) + 1, limits, rows_read))
        rows_read += len(tables[-1].rows)
        cells_read += sum(tables[-1].cell_counts)
        limits.check_cells(cells_read)
    return tables


def _inside_table(tbl, body) -> bool:
    parent = tbl.getparent()
    while parent is not None and parent is not body:
        if parent.tag == _TC:
            return True
        parent = parent.getparent()
    return False


def _read_table(tbl, number: int, limits: ImportLimits, rows_before: int = 0) -> Table:
    rows: list[list[str]] = []
    counts: list[int] = []
    above: list[str] = []
    for tr in tbl.iterchildren(_TR):
        limits.check_rows(rows_before + len(rows) + 1)
        cells: list[str] = [""] * min(_grid_before(tr), _MAX_GRID)
        count = 0
        for tc in tr.iterchildren(_TC):
            count += 1
            span, merge = _cell_properties(tc)
            if merge == "continue":
                column = len(cells)
                text = above[column] if column < len(above) else ""
            else:
                text = cell_text(tc)
                limits.check_cell(text, rows_before + len(rows) + 1, None)
            cells.extend([text] * min(span, _MAX_GRID))
            if len(cells) > _MAX_GRID:
                raise UnreadableDocument(
                    _("a table row is wider than %(limit)d columns") % {"limit": _MAX_GRID}
                )
        rows.append(cells)
        counts.append(count)
        above = cells
    return Table(number=number, rows=rows, cell_counts=counts)


def _grid_before(tr) -> int:
    for prop in tr.iterchildren(f"{W}trPr"):
        for before in prop.iterchildren(f"{W}gridBefore"):
            return _int(before.get(_VAL), 0)
    return 0


def _cell_properties(tc) -> tuple[int, str]:
    span, merge = 1, ""
    for prop in tc.iterchildren(f"{W}tcPr"):
        for grid in prop.iterchildren(f"{W}gridSpan"):
            span = max(1, _int(grid.get(_VAL), 1))
        for vmerge in prop.iterchildren(f"{W}vMerge"):
            merge = vmerge.get(_VAL) or "continue"
    return span, merge


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def cell_text(element) -> str:
    """The text of a cell (or any block): its paragraphs joined by newlines, like python-docx,
    NFC-normalised."""
    text = "\n".join(_paragraph_text(p) for p in element.iter(_P))
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _paragraph_text(p) -> str:
    parts = []
    for node in p.iter(_T, _TAB, _BR, _CR, _NBH):
        tag = node.tag
        if tag == _T:
            parts.append(node.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag == _NBH:
            parts.append("-")
        elif tag == _CR or node.get(f"{W}type") in (None, "textWrapping"):
            parts.append("\n")
    return "".join(parts)


def _context(document) -> list[str]:
    """Text that may name the state, cycle and session: title, page headers, first paragraphs."""
    texts = [document.core_properties.title or "", document.core_properties.subject or ""]
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header):
            if part.is_linked_to_previous:
                continue
            texts.extend(paragraph.text for paragraph in part.paragraphs)
            for table in part.tables:
                texts.extend(cell.text for row in table.rows for cell in row.cells)
    body = document.element.body
    for paragraph in list(body.iterchildren(_P))[:_CONTEXT_PARAGRAPHS]:
        texts.append(_paragraph_text(paragraph))
    return [text for text in texts if text.strip()]
