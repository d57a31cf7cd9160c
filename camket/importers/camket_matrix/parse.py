"""A matrix camket exported (exports/matrix.py), read back: the table's rows under the
columns its "About this file" names, and the framework it describes.

Headings ("Theme: …") only show the primary theme: the themes come from the full list of
each row, so an item that had none gains none.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from django.utils import translation
from django.utils.translation import gettext as _

from camket.exports.cells import unneutralised
from camket.exports.matrix import FORMAT_VERSION, ITEM_PREFIX, MARKER
from camket.frameworks.models import Recommendation
from camket.importers.camket_matrix.about import About, read_columns, read_hint, read_taxonomies
from camket.importers.limits import PACKAGE_DAMAGE
from camket.importers.records import (
    AFFECTED_PERSONS,
    ParsedRecommendation,
    ParseResult,
    RowError,
)

SOURCE = "camket-matrix"
_SDG_CODE = re.compile(r"(\d{1,2}(?:\.[0-9a-z]{1,2})?)")
_MARKER_BYTES = MARKER.encode()


@dataclass
class Grids:
    matrix: list[list[str]]  # the header row first
    about: dict[str, str]


def looks_like_camket_docx(path: Path) -> bool:
    """Cheap: the marker in the document's XML (confirmed when the tables are read)."""
    try:
        with zipfile.ZipFile(path) as package:
            with package.open("word/document.xml") as part:
                return _MARKER_BYTES in part.read(50_000_000)
    except (*PACKAGE_DAMAGE, KeyError, OSError):
        return False


def docx_grids(path: Path) -> Grids | None:
    from camket.importers.ohchr_docx.reading import read_document

    tables = read_document(path).tables
    if len(tables) < 2:
        return None
    about = _about(tables[-1].rows)
    return Grids(matrix=tables[0].rows, about=about) if about else None


def xlsx_grids(raw: bytes) -> Grids | None:
    from openpyxl import load_workbook

    from camket.importers.limits import ImportLimits

    ImportLimits.current().check_package(BytesIO(raw))
    workbook = load_workbook(BytesIO(raw), read_only=True, data_only=True)
    try:
        sheets = workbook.worksheets
        if len(sheets) < 2:
            return None
        about = _about([[_text(v) for v in row] for row in sheets[-1].iter_rows(values_only=True)])
        if not about:
            return None
        matrix = [[_text(v) for v in row] for row in sheets[0].iter_rows(values_only=True)]
        return Grids(matrix=matrix, about=about)
    finally:
        workbook.close()


def _text(value) -> str:
    if value is None:
        return ""
    return unneutralised(value) if isinstance(value, str) else str(value)


def _about(rows: list[list[str]]) -> dict[str, str]:
    """Key → value of an "About this file" table; empty when it is not one."""
    if len(rows) < 2 or not rows[1] or rows[1][0].strip() != MARKER:
        return {}
    return {row[0].strip(): (row[2] if len(row) > 2 else "") for row in rows[1:] if row}


def parse_grids(grids: Grids, source_name: str) -> ParseResult:
    result = ParseResult(source=SOURCE)
    about = grids.about
    if about.get("format_version") != FORMAT_VERSION:
        result.errors.append(
            RowError(
                None,
                None,
                _(
                    "“%(name)s” is a camket export of layout version %(version)s; this camket reads "
                    "version %(known)s."
                )
                % {
                    "name": source_name,
                    "version": about.get("format_version"),
                    "known": FORMAT_VERSION,
                },
            )
        )
        return result
    checked = About(about)
    keys = read_columns(checked)
    taxonomies = read_taxonomies(checked)
    hint = read_hint(checked, taxonomies)
    if checked.errors:  # nothing is read from a file whose framework cannot be made
        result.errors.extend(checked.errors)
        return result
    result.framework_hint = hint
    headers = grids.matrix[0] if grids.matrix else []
    result.columns = {
        key: str(headers[i]) if i < len(headers) else key for i, key in enumerate(keys)
    }
    result.tree_columns = "parent" in keys
    reader = _RowReader(keys, taxonomies, result)
    for number, cells in enumerate(grids.matrix[1:], start=2):
        cells = (cells + [""] * len(keys))[: len(keys)]
        filled = {text.strip() for text in cells if text.strip()}
        if len(filled) <= 1:
            continue  # a "Theme: …" heading (merged across the row) or an empty row
        record = reader.read(number, dict(zip(keys, cells, strict=True)))
        if record is not None:
            record.state_under_review = hint.state_under_review
            record.cycle = hint.cycle
            result.records.append(record)
    return result


class _RowReader:
    def __init__(self, keys, taxonomies, result: ParseResult):
        self.keys, self.result = keys, result
        self.taxonomy_of = {}
        for taxonomy in taxonomies:
            for name in (taxonomy["name"], taxonomy.get("name_vi")):
                if name:
                    self.taxonomy_of[name.strip().casefold()] = taxonomy["slug"]
        self.responses = {}
        for language in ("en", "vi"):
            with translation.override(language):
                for value, label in Recommendation.Response.choices:
                    self.responses[str(label).casefold()] = value
        self.seen: dict[str, int] = {}

    def error(self, row, key, message) -> None:
        self.result.errors.append(RowError(row, self.result.columns.get(key, key), message))

    def read(self, row: int, values: dict[str, str]) -> ParsedRecommendation | None:
        reference, text = values.get("reference", "").strip(), values.get("text", "")
        if not reference or not text.strip():
            self.error(
                row,
                "reference" if not reference else "text",
                _("A row without a paragraph number or a text."),
            )
            return None
        if reference in self.seen:
            self.error(
                row,
                "reference",
                _("Paragraph %(reference)s appears twice: rows %(first)d and %(row)d.")
                % {"reference": reference, "first": self.seen[reference], "row": row},
            )
            return None
        self.seen[reference] = row
        record = ParsedRecommendation(
            row=row,
            reference=reference,
            text=text,
            text_vi=values.get("text_vi", ""),
            recommending_states=_lines(values.get("recommending_states", "")),
            response_reason=values.get("response_reason", ""),
            source_document=values.get("source_document", ""),
            parent=values.get("parent", "").strip(),
            level=values.get("level", "").strip(),
        )
        position = values.get("response", "").strip()
        if position:
            record.response = self.responses.get(position.casefold(), "")
            record.response_raw = position
            if not record.response:
                self.error(
                    row,
                    "response",
                    _("The position “%(value)s” is not one camket knows.") % {"value": position},
                )
        session = values.get("session", "").strip()
        record.session = int(session) if session.isdigit() else None
        category = re.match(r"\s*(\d)", values.get("action_category", ""))
        record.action_category = int(category[1]) if category else None
        self._labels(row, values, record)
        return record

    def _labels(self, row, values, record) -> None:
        taxonomy = None
        for line in _lines(values.get("themes", "")):
            if line.startswith(ITEM_PREFIX.strip()):
                label = line[1:].strip()
                if taxonomy is None:
                    self.error(
                        row,
                        "themes",
                        _("“%(label)s” comes under no taxonomy heading.") % {"label": label},
                    )
                elif taxonomy == AFFECTED_PERSONS:
                    record.affected_persons.append(label)
                else:
                    record.themes.append((taxonomy, label))
            else:
                taxonomy = self.taxonomy_of.get(line.rstrip(":").strip().casefold())
                if taxonomy is None:
                    self.error(
                        row,
                        "themes",
                        _("“%(heading)s” is not a taxonomy this file describes.")
                        % {"heading": line},
                    )
        for line in _lines(values.get("sdgs", "")):
            code = _SDG_CODE.search(line)
            if code:
                record.sdgs.append(code[1])
            else:
                self.error(
                    row, "sdgs", _("“%(line)s” names no SDG goal or target.") % {"line": line}
                )


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]
