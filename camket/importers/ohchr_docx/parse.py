"""OHCHR "Thematic list of recommendations" (Word): one table, a row per recommendation.

Columns are found by what their headers say (see columns.py), so the cycle 2 layout
("Recommendation | Position | Full list of themes | Assessment…"), Egypt's ("Recommendation |
Recommending state/s | Position | Full list of rights/affected persons") and cycle 4's
("Recommendation and recommending State | Position… | Human rights themes and groups of persons
| Relevant SDGs") all read, as do other orders and wordings. "Theme: …" / "Right or area: …"
rows spanning the table give the primary theme of the rows under them.

Row numbers count the table's rows as a spreadsheet would (the header row is 1). The only
Django used is gettext, for the messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from camket.importers.limits import LimitExceeded
from camket.importers.normalise import unique
from camket.importers.ohchr_docx.cells import read_recommendation, squeeze
from camket.importers.ohchr_docx.columns import (
    RECOMMENDATION,
    RESPONSE,
    THEMES,
    Columns,
    is_header_row,
)
from camket.importers.ohchr_docx.context import read_context
from camket.importers.ohchr_docx.reading import Table, UnreadableDocument, read_document
from camket.importers.ohchr_docx.rows import read_row
from camket.importers.records import ParseResult, RowError

SOURCE = "ohchr-docx"
_HEADER_SEARCH_ROWS = 6
_HEADING = re.compile(
    r"^(?:primary\s+)?(?:theme|thematic area|right or area|rights or areas|area|cluster|issue"
    r"|topic|subject|th[eè]me|tema)\s*:\s*(?P<label>.+)$",
    re.I,
)


@dataclass
class _State:
    """What the walk through the tables has gathered so far."""

    result: ParseResult
    offset: int = 0  # rows of earlier recommendation tables, so row numbers stay unique
    columns: Columns | None = None
    width: int = 0
    theme: str = ""  # the primary theme of the rows under the last "Theme: …" heading
    tables_read: int = 0
    first_row_of: dict[str, int] = field(default_factory=dict)
    context_texts: list[str] = field(default_factory=list)
    skipped_tables: list[str] = field(default_factory=list)


def parse(path: str | Path, *, source_name: str | None = None) -> ParseResult:
    """Read an OHCHR thematic list; never raises for a bad file, reports errors instead."""
    path = Path(path)
    name = source_name or path.name
    result = ParseResult(source=SOURCE)
    try:
        document = read_document(path)
    except LimitExceeded as error:
        result.errors.append(error.as_row_error())
        return result
    except UnreadableDocument as error:
        message = _("“%(name)s” is not a readable Word document (%(reason)s).") % {
            "name": name,
            "reason": error,
        }
        result.errors.append(RowError(None, None, message))
        return result
    state = _State(result=result, context_texts=list(document.context))
    try:
        for table in document.tables:
            _read_table(table, state)
    except Exception as error:  # a layout nobody foresaw: say so rather than crash the import
        message = _("“%(name)s” could not be read: %(error)s") % {
            "name": name,
            "error": f"{type(error).__name__}: {error}",
        }
        result.errors.append(RowError(None, None, message))
        return result
    _finish(document.tables, state, name)
    return result


def _read_table(table: Table, state: _State) -> None:
    header_index, columns = _find_header(table)
    if columns is None:
        if state.columns is not None and table.width == state.width and _continues(table, state):
            header_index, columns = -1, state.columns  # the table goes on after a page break
        else:
            state.skipped_tables.append(_describe(table))
            return
    else:
        state.context_texts.extend(squeeze(row[0]) for row in table.rows[:header_index])
        _warn_about_columns(table, header_index, columns, state)
        state.theme = ""
    state.columns, state.width = columns, table.width
    state.tables_read += 1
    for index in range(header_index + 1, len(table.rows)):
        cells = table.rows[index]
        row = state.offset + index + 1
        texts = [squeeze(cell) for cell in cells]
        filled = {text for text in texts if text}
        if not filled or texts == columns.headers:
            continue  # an empty row, or the header repeated on a new page
        if len(filled) == 1:
            heading = _HEADING.match(next(iter(filled)))
            if heading:
                state.theme = heading["label"].strip()
                continue
            if table.cell_counts[index] == 1 or all(texts):
                state.result.warnings.append(
                    RowError(
                        row,
                        None,
                        _(
                            "This row spans the table but is not a “Theme: …” heading; it was skipped "
                            "and the rows under it get no primary theme: “%(text)s”."
                        )
                        % {"text": texts[0]},
                    )
                )
                state.theme = ""
                continue
        record = read_row(cells, row, columns, state.theme, state.result, state.first_row_of)
        if record is not None:
            state.result.records.append(record)
    state.offset += len(table.rows)


def _find_header(table: Table) -> tuple[int, Columns | None]:
    for index, cells in enumerate(table.rows[:_HEADER_SEARCH_ROWS]):
        if table.cell_counts[index] > 1:
            columns = is_header_row(cells)
            if columns is not None:
                return index, columns
    return -1, None


def _continues(table: Table, state: _State) -> bool:
    """A headerless table right after a recommendation table, whose rows read the same way."""
    column = state.columns.index[RECOMMENDATION]
    for cells in table.rows[:_HEADER_SEARCH_ROWS]:
        cell = read_recommendation(cells[column] if column < len(cells) else "")
        if cell.reference or _HEADING.match(squeeze(cells[0] if cells else "")):
            return True
    return False


def _warn_about_columns(table: Table, header_index: int, columns: Columns, state: _State) -> None:
    row = state.offset + header_index + 1
    data = table.rows[header_index + 1 :]
    for column in columns.unread:
        header = columns.headers[column]
        used = sum(
            1
            for cells in data
            if column < len(cells)
            and cells[column].strip()
            and squeeze(cells[column]) != header
            and len(set(map(squeeze, cells))) > 1
        )
        if used:
            message = _("This column is not imported (%(count)d rows have text in it).") % {
                "count": used
            }
        else:
            message = _("This column is not imported (it is empty).")
        state.result.warnings.append(RowError(row, header, message))
    if RESPONSE not in columns.index:
        state.result.warnings.append(
            RowError(row, None, _("No “Position” column was found: the responses are left blank."))
        )
    if THEMES not in columns.index:
        state.result.warnings.append(
            RowError(
                row,
                None,
                _("No themes column was found: only the “Theme: …” headings give themes."),
            )
        )


def _describe(table: Table) -> str:
    for cells in table.rows[:_HEADER_SEARCH_ROWS]:
        texts = unique(squeeze(cell) for cell in cells)
        if texts:
            shown = " | ".join(f"“{text[:60]}”" for text in texts)
            return _("table %(number)d starts with %(cells)s") % {
                "number": table.number,
                "cells": shown,
            }
    return _("table %(number)d is empty") % {"number": table.number}


def _finish(tables: list[Table], state: _State, name: str) -> None:
    result = state.result
    if not tables:
        result.errors.append(
            RowError(
                None,
                None,
                _(
                    "“%(name)s” has no table: an OHCHR thematic list holds its recommendations in a "
                    "table with columns such as “Recommendation” plus “Position”, “Recommending "
                    "state/s”, “Themes” or “SDGs”."
                )
                % {"name": name},
            )
        )
        return
    if state.tables_read == 0:
        found = "; ".join(state.skipped_tables[:5])
        result.errors.append(
            RowError(
                None,
                None,
                _(
                    "No table of recommendations was found in “%(name)s”: %(found)s. The headers must "
                    "name “Recommendation” plus “Position”, “Recommending state/s”, “Themes” or "
                    "“SDGs”."
                )
                % {"name": name, "found": found},
            )
        )
        return
    if not result.records and not result.errors:
        result.errors.append(
            RowError(
                None,
                None,
                _("The table of recommendations in “%(name)s” has no recommendation rows.")
                % {"name": name},
            )
        )
    for skipped in state.skipped_tables:
        result.warnings.append(
            RowError(
                None, None, _("Not read: %(table)s (no recognised header).") % {"table": skipped}
            )
        )
    if state.tables_read > 1:
        result.warnings.append(
            RowError(
                None,
                None,
                _(
                    "The recommendations are in %(count)d tables; their rows are numbered one after "
                    "the other, as if they were one table."
                )
                % {"count": state.tables_read},
            )
        )
    context = read_context(state.context_texts, name)
    for conflict in context.conflicts:
        result.warnings.append(RowError(None, None, conflict))
    if not context.state:
        result.warnings.append(
            RowError(
                None,
                None,
                _("The document does not say which state was reviewed (no “UPR of …” heading)."),
            )
        )
    if not context.cycle:
        result.warnings.append(RowError(None, None, _("The document does not say its UPR cycle.")))
    for record in result.records:
        record.state_under_review = context.state
        record.cycle = context.cycle
        record.session = context.session
    result.framework_hint = context.hint()
