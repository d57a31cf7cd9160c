"""Generic CSV/XLSX with a header row: columns are recognised by their header's meaning."""

from pathlib import Path

from django.utils.translation import gettext as _

from camket.importers.normalise import (
    action_category_value,
    clean_text,
    reference_value,
    response_value,
    split_list,
    stable_reference,
    upr_cycle_for_session,
)
from camket.importers.records import (
    UHRI_THEMES,
    UPR_INFO_ISSUES,
    ParsedRecommendation,
    ParseResult,
    RowError,
)
from camket.importers.tabular.reading import Table, cell, match_columns

COLUMNS: dict[str, tuple[str, ...]] = {
    "reference": (
        "reference",
        "ref",
        "paragraph",
        "para",
        "recommendation no",
        "no",
        "no.",
        "number",
        "code",
        "ma",
        "so hieu",
        "so tt",
        "stt",
        "id",
    ),
    "text": (
        "text",
        "recommendation",
        "recommendations",
        "recommendation text",
        "khuyen nghi",
        "noi dung",
        "noi dung khuyen nghi",
    ),
    "text_vi": (
        "text vi",
        "vietnamese text",
        "vietnamese translation",
        "ban dich",
        "noi dung tieng viet",
        "ban tieng viet",
        "khuyen nghi (tieng viet)",
    ),
    "recommending_states": (
        "recommending state",
        "recommending states",
        "recommending state/s",
        "from",
        "state",
        "states",
        "quoc gia khuyen nghi",
        "quoc gia",
    ),
    "state_under_review": ("state under review", "to", "country", "quoc gia duoc kiem dinh"),
    "response": ("response", "position", "decision", "phan hoi", "quyet dinh"),
    "response_reason": ("reason", "response reason", "justification", "ly do", "comment"),
    "action_category": ("action", "action category", "category of action", "nhom hanh dong"),
    "session": ("session", "phien"),
    "cycle": ("cycle", "chu ky"),
    "source_document": ("source", "source document", "document", "source of position", "tai lieu"),
    "issues": ("issue", "issues", "upr info issues"),
    "themes": ("themes", "theme", "chu de", "full list of themes"),
    "affected_persons": ("affected persons", "groups", "nhom doi tuong"),
    "parent": (
        "parent",
        "parent reference",
        "parent ref",
        "parent code",
        "parent id",
        "parent item",
        "thuoc",
        "ma cha",
        "muc cha",
        "so hieu cha",
        "thuoc muc",
    ),
    "level": ("level", "level name", "tier", "cap", "cap do", "tang"),
    "sdgs": ("sdg", "sdgs", "relevant sdgs", "sdg goals", "sdg targets", "muc tieu phat trien"),
}


def parse_table(table: Table, *, source_name: str = "") -> ParseResult:
    result = ParseResult(source="table", errors=list(table.errors), warnings=list(table.warnings))
    mapping, unknown = match_columns(table.headers, COLUMNS)
    if "text" not in mapping:
        result.errors.append(
            RowError(
                1,
                None,
                _(
                    "No column holds the recommendation text (a header such as “Text” or "
                    "“Recommendation” is expected). Found: %(headers)s"
                )
                % {"headers": ", ".join(repr(h) for h in table.headers)},
            )
        )
    for header in unknown:
        result.errors.append(
            RowError(
                1,
                header,
                _("This column is not recognised; rename or remove it so nothing is lost."),
            )
        )
    if result.errors:
        return result
    if not table.rows:
        result.errors.append(
            RowError(None, None, _("The file has a header but no recommendations."))
        )
        return result
    header_of = {field: table.headers[index] for field, index in mapping.items()}
    result.columns = header_of
    result.tree_columns = "parent" in mapping or "level" in mapping
    references: dict[str, int] = {}
    seen: dict[str, int] = {}
    for row_number, cells in table.rows:
        record = _parse_row(row_number, cells, mapping, header_of, result.errors, seen)
        if record is None:
            continue
        record.source_document = record.source_document or source_name
        if record.reference in references:
            result.errors.append(
                RowError(
                    row_number,
                    header_of.get("reference"),
                    _("The reference “%(reference)s” is already used in row %(row)d.")
                    % {"reference": record.reference, "row": references[record.reference]},
                )
            )
            continue
        references[record.reference] = row_number
        result.records.append(record)
    return result


def _parse_row(row_number, cells, mapping, header_of, errors, seen):
    def value(field: str) -> str:
        return clean_text(cell(cells, mapping, field))

    start = len(errors)

    def fail(field: str, message: str) -> None:
        errors.append(RowError(row_number, header_of.get(field, field), message))

    text = value("text")
    if not text:
        fail("text", _("The recommendation has no text."))
    response = response_value(value("response"))
    if response is None:
        fail(
            "response",
            _(
                "“%(value)s” is not a known response (supported, supported in part, noted, "
                "already implemented)."
            )
            % {"value": value("response")},
        )
    action = action_category_value(value("action_category"))
    if action == "invalid":
        fail(
            "action_category",
            _("“%(value)s” is not an action category from 1 to 5.")
            % {"value": value("action_category")},
        )
    numbers = {}
    for field in ("session", "cycle"):
        raw = value(field)
        if raw and not raw.isdigit():
            fail(field, _("“%(value)s” is not a whole number.") % {"value": raw})
        numbers[field] = int(raw) if raw.isdigit() else None
    if len(errors) > start:
        return None
    cycle = numbers["cycle"] or (
        upr_cycle_for_session(numbers["session"]) if numbers["session"] else None
    )
    reference = reference_value(value("reference")) or stable_reference("R", text, seen=seen)
    return ParsedRecommendation(
        row=row_number,
        reference=reference[:60],
        text=text,
        text_vi=value("text_vi"),
        parent=reference_value(value("parent"))[:60],
        level=value("level"),
        state_under_review=value("state_under_review"),
        recommending_states=split_list(value("recommending_states"), ";\n"),
        response=response or "",
        response_raw=value("response"),
        response_reason=value("response_reason"),
        action_category=action,
        session=numbers["session"],
        cycle=cycle,
        source_document=value("source_document"),
        themes=[(UPR_INFO_ISSUES, i) for i in split_list(value("issues"), ";,\n")]
        + [(UHRI_THEMES, t) for t in split_list(value("themes"), ";\n")],
        affected_persons=split_list(value("affected_persons"), ";\n"),
        sdgs=[s.removeprefix("SDG").strip() for s in split_list(value("sdgs"), ";,\n ")],
    )


def parse(
    path: str | Path,
    *,
    raw: bytes | None = None,
    source_name: str = "",
    encoding: str | None = None,
) -> ParseResult:
    from camket.importers.limits import LimitExceeded
    from camket.importers.tabular.reading import UnreadableFile, read_table

    try:
        table = read_table(Path(path), raw, encoding=encoding)
    except (UnreadableFile, LimitExceeded) as error:
        return ParseResult(source="table", errors=[error.as_row_error()])
    return parse_table(table, source_name=source_name)
