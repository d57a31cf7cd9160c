"""UPR Info database export (CSV as downloaded: Mac OS Roman, CR-only lines, one row each).

The encoding is detected (`importers/encoding.py`), not assumed.
"""

import re
from pathlib import Path

from django.utils.translation import gettext as _

from camket.importers.limits import LimitExceeded
from camket.importers.normalise import (
    action_category_value,
    clean_text,
    response_value,
    stable_reference,
    upr_cycle_for_session,
)
from camket.importers.records import UPR_INFO_ISSUES, ParsedRecommendation, ParseResult, RowError
from camket.importers.tabular.reading import (
    Table,
    UnreadableFile,
    cell,
    match_columns,
    read_table,
)
from camket.lib.folding import fold

COLUMNS: dict[str, tuple[str, ...]] = {
    "to": ("to",),
    "to_group": ("to-rgrp",),
    "to_org": ("to-org",),
    "text": ("text", "recommendation"),
    "from": ("from",),
    "from_group": ("from-rgrp",),
    "from_org": ("from-org",),
    "response": ("response",),
    "action": ("action",),
    "issue": ("issue", "issues"),
    "session": ("session",),
}
REQUIRED = ("to", "text", "from", "session")
SIGNATURE = {"to", "from", "text", "session", "issue"}


def looks_like_upr_info(headers: list[str]) -> bool:
    mapping, _ = match_columns(headers, COLUMNS)
    return SIGNATURE <= set(mapping)


def parse(
    path: str | Path,
    *,
    raw: bytes | None = None,
    source_name: str = "",
    encoding: str | None = None,
) -> ParseResult:
    try:
        table = read_table(Path(path), raw, encoding=encoding)
    except (UnreadableFile, LimitExceeded) as error:
        return ParseResult(source="upr-info", errors=[error.as_row_error()])
    return parse_table(table, source_name=source_name)


def parse_table(table: Table, *, source_name: str = "") -> ParseResult:
    result = ParseResult(
        source="upr-info", errors=list(table.errors), warnings=list(table.warnings)
    )
    mapping, unknown = match_columns(table.headers, COLUMNS)
    for field in REQUIRED:
        if field not in mapping:
            name = COLUMNS[field][0].title()
            result.errors.append(
                RowError(1, name, _("The column “%(column)s” is missing.") % {"column": name})
            )
    for header in unknown:
        result.errors.append(
            RowError(1, header, _("This column is not part of a UPR Info export."))
        )
    if result.errors:
        return result
    header_of = {field: table.headers[index] for field, index in mapping.items()}
    seen: dict[str, int] = {}
    for row_number, cells in table.rows:
        record = _parse_row(row_number, cells, mapping, header_of, result.errors, seen)
        if record:
            record.source_document = source_name
            result.records.append(record)
    if not table.rows:
        result.errors.append(
            RowError(None, None, _("The file has a header but no recommendations."))
        )
    return result


def _parse_row(row_number, cells, mapping, header_of, errors, seen) -> ParsedRecommendation | None:
    def value(field: str) -> str:
        return clean_text(cell(cells, mapping, field))

    failed = False

    def fail(field: str, message: str) -> None:
        nonlocal failed
        failed = True
        errors.append(RowError(row_number, header_of.get(field, field), message))

    text = value("text")
    if not text:
        fail("text", _("The recommendation has no text."))
    session_raw = value("session")
    session = int(session_raw) if session_raw.isdigit() else None
    if session is None:
        fail("session", _("“%(value)s” is not a session number.") % {"value": session_raw})
    response = response_value(value("response"))
    if response is None:
        fail(
            "response",
            _("“%(value)s” is not a known response (Accepted, Noted…).")
            % {"value": value("response")},
        )
    action = action_category_value(value("action"))
    if action == "invalid":
        fail(
            "action",
            _("“%(value)s” is not an action category from 1 to 5.") % {"value": value("action")},
        )
    if failed:
        return None
    to, recommending = value("to"), value("from")
    reference = stable_reference(
        f"S{session:02d}-{re.sub(r'[^a-z0-9]+', '-', fold(to)).strip('-')[:30]}",
        to,
        recommending,
        text,
        seen=seen,
    )
    issues = [clean_text(i) for i in value("issue").split(",") if clean_text(i)]
    return ParsedRecommendation(
        row=row_number,
        reference=reference,
        text=text,
        state_under_review=to,
        recommending_states=[recommending] if recommending else [],
        response=response or "",
        response_raw=value("response"),
        action_category=action,
        session=session,
        cycle=upr_cycle_for_session(session),
        themes=[(UPR_INFO_ISSUES, issue) for issue in issues],
    )
