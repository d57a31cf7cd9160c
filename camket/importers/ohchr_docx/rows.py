"""One recommendation row of a matrix into a ParsedRecommendation, with what went wrong."""

from __future__ import annotations

from django.utils.translation import gettext as _

from camket.importers.normalise import unique
from camket.importers.ohchr_docx.cells import (
    lines_of,
    read_labels,
    read_recommendation,
    read_response,
    split_names,
    squeeze,
)
from camket.importers.ohchr_docx.columns import (
    PERSONS,
    RECOMMENDATION,
    REFERENCE,
    RESPONSE,
    SDGS,
    STATES,
    THEMES,
    Columns,
)
from camket.importers.ohchr_docx.countries import is_state, key
from camket.importers.ohchr_docx.sdgs import read_sdgs
from camket.importers.records import UHRI_THEMES, ParsedRecommendation, ParseResult, RowError


def read_row(
    cells: list[str],
    row: int,
    columns: Columns,
    theme: str,
    result: ParseResult,
    first_row_of: dict[str, int],
) -> ParsedRecommendation | None:
    """The record of one row (None when it cannot be imported: the reason is in result.errors).

    `theme` is the primary theme from the last "Theme: …" heading; `first_row_of` maps the
    paragraph numbers seen so far to their rows, to report repeats.
    """
    text_column = columns.header(RECOMMENDATION)
    number_column = columns.header(REFERENCE) if REFERENCE in columns.index else text_column
    states_column = columns.header(STATES) if STATES in columns.index else text_column
    listed = split_names(columns.value(cells, STATES)) if STATES in columns.index else []
    cell = read_recommendation(columns.value(cells, RECOMMENDATION), known_states=listed or None)
    reference = cell.reference
    if REFERENCE in columns.index:
        given = squeeze(columns.value(cells, REFERENCE)).rstrip(".")
        if given and cell.reference and given != cell.reference:
            cell.text = f"{cell.reference} {cell.text}"  # a number that belongs to the text
        reference = given or reference
    if not cell.text:
        if reference:
            message = _("The recommendation (paragraph %(reference)s) has no text.") % {
                "reference": reference
            }
        else:
            message = _("The recommendation has no text.")
        result.errors.append(RowError(row, text_column, message))
        return None
    if not reference:
        result.errors.append(
            RowError(
                row,
                number_column,
                _("The recommendation has no paragraph number (such as “115.1” before its text)."),
            )
        )
        return None
    if reference in first_row_of:
        result.errors.append(
            RowError(
                row,
                number_column,
                _("Paragraph %(reference)s appears twice: rows %(first)d and %(row)d.")
                % {"reference": reference, "first": first_row_of[reference], "row": row},
            )
        )
        return None
    first_row_of[reference] = row
    _check_states(cell.states, listed, row, reference, states_column, result)
    record = ParsedRecommendation(
        row=row,
        reference=reference,
        text=cell.text,
        recommending_states=listed or cell.states,
        source_document=cell.source,
    )
    _read_response(cells, row, columns, record, cell.comment, result)
    _read_labels(cells, row, columns, record, theme, result)
    return record


def _check_states(inline, listed, row, reference, column, result: ParseResult) -> None:
    warn = result.warnings.append
    if listed:
        known = {key(name) for name in listed}
        missing = [name for name in inline if key(name) not in known]
        if missing:
            warn(
                RowError(
                    row,
                    column,
                    _(
                        "The text names %(missing)s, which this column does not (%(listed)s); the "
                        "column was used."
                    )
                    % {"missing": ", ".join(missing), "listed": ", ".join(listed)},
                )
            )
    elif not inline:
        warn(
            RowError(
                row,
                column,
                _("No recommending state was found for paragraph %(reference)s.")
                % {"reference": reference},
            )
        )
    else:
        for name in inline:
            if not is_state(name):
                warn(
                    RowError(
                        row,
                        column,
                        _(
                            "“%(name)s” was read as the recommending state of paragraph %(reference)s "
                            "but is not a state name camket knows: check it."
                        )
                        % {"name": name, "reference": reference},
                    )
                )


def _read_response(cells, row, columns, record, comment: str, result: ParseResult) -> None:
    reasons = [comment] if comment else []
    if RESPONSE in columns.index:
        value, wording, reason = read_response(columns.value(cells, RESPONSE))
        if value is None:
            result.warnings.append(
                RowError(
                    row,
                    columns.header(RESPONSE),
                    _("The position “%(wording)s” was not understood; the response is left blank.")
                    % {"wording": wording},
                )
            )
            value = ""
        record.response, record.response_raw = value, wording
        if reason:
            reasons.insert(0, reason)
    record.response_reason = " ".join(reasons)


def _read_labels(cells, row, columns, record, theme: str, result: ParseResult) -> None:
    themes = [theme] if theme else []
    persons: list[str] = []
    sdg_lines: list[str] = []
    if THEMES in columns.index:
        labels = read_labels(columns.value(cells, THEMES))
        themes += labels.themes
        persons += labels.persons
        sdg_lines += labels.sdg_lines
    if PERSONS in columns.index:
        labels = read_labels(columns.value(cells, PERSONS), start="persons")
        persons += labels.persons
        themes += labels.themes
        sdg_lines += labels.sdg_lines
    if SDGS in columns.index:
        sdg_lines += lines_of(columns.value(cells, SDGS))
    record.themes = [(UHRI_THEMES, label) for label in unique(themes)]
    record.affected_persons = unique(persons)
    record.sdgs, unread = read_sdgs(sdg_lines)
    column = columns.header(SDGS) if SDGS in columns.index else columns.header(THEMES)
    for line in unread:
        result.warnings.append(
            RowError(
                row, column, _("“%(line)s” was not read as an SDG goal or target.") % {"line": line}
            )
        )
