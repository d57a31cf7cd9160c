"""The OHCHR thematic-list (Word) parser, on the three real matrices and on small files of our own.

Pure Python: runs with `-p no:django` as well as under pytest-django.
"""

import os
from pathlib import Path

import docx
import pytest

from camket.importers.ohchr_docx.parse import parse
from camket.importers.records import (
    RESPONSE_NOTED,
    RESPONSE_SUPPORTED,
    RESPONSE_SUPPORTED_IN_PART,
    UHRI_THEMES,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = Path(os.environ.get("CAMKET_SHARED_DATA", REPO_ROOT.parent / "shared" / "data"))
MATRICES = SHARED_DATA / "ohchr-thematic-lists"


def _real(name: str):
    path = MATRICES / name
    if not path.is_file():
        pytest.skip(f"real OHCHR matrix {path} is absent: skipping the real-file test")
    return parse(path)


def _by_reference(result):
    return {record.reference: record for record in result.records}


def _themes(record):
    assert all(slug == UHRI_THEMES for slug, _ in record.themes)
    return [label for _, label in record.themes]


def _matrix(tmp_path, rows, *, name="matrix.docx", heading="UPR of Viet Nam (4th Cycle)"):
    """A Word file with one table; a row given as a plain string spans the whole table."""
    document = docx.Document()
    if heading:
        document.add_paragraph(heading)
    width = len(rows[0])
    table = document.add_table(rows=0, cols=width)
    for row in rows:
        cells = table.add_row().cells
        if isinstance(row, str):
            merged = cells[0].merge(cells[-1])
            merged.text = row
        else:
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    path = tmp_path / name
    document.save(path)
    return path


# --- the real matrices ------------------------------------------------------------------------


@pytest.mark.shared_data
def test_slovenia_cycle_2_reads_all_163_recommendations_with_inline_states_and_uhri_codes():
    result = _real("slovenia-cycle2-upr20.docx")
    assert result.errors == []
    assert len(result.records) == 163
    assert len({r.reference for r in result.records}) == 163
    assert all(r.recommending_states and r.response and r.themes for r in result.records)
    assert sum(r.response == RESPONSE_SUPPORTED for r in result.records) == 142
    assert sum(r.response == RESPONSE_NOTED for r in result.records) == 21
    # the empty assessment column is reported, not silently dropped
    assert [(w.row, w.column) for w in result.warnings] == [
        (1, "Assessment/comments on level of implementation")
    ]
    hint = result.framework_hint
    assert (hint.slug, hint.name, hint.cycle, hint.state_under_review) == (
        "upr-slovenia-cycle-2",
        "UPR Slovenia — cycle 2",
        2,
        "Slovenia",
    )

    records = _by_reference(result)
    first = result.records[0]
    assert (first.row, first.reference) == (3, "115.1")
    assert first.text.startswith("Take further steps for the ratification of several")
    assert first.text.endswith("since the first UPR cycle")
    assert first.recommending_states == ["Croatia"]
    assert (first.state_under_review, first.cycle, first.session) == ("Slovenia", 2, 20)
    assert first.source_document == "A/HRC/28/15/Add.1"

    several = records["115.16"]
    assert several.row == 11
    assert several.recommending_states == [
        "Belgium",
        "France",
        "Tunisia",
        "Sierra Leone",
        "Argentina",
    ]
    assert _themes(several) == [
        "A12 Acceptance of international norms",
        "D32 Enforced disappearances",
    ]
    assert several.affected_persons == ["disappeared persons"]

    bracketed = records["115.8"]
    assert bracketed.text == "Ratify ICRMW"
    assert bracketed.recommending_states == [
        "Senegal",
        "Sierra Leone",
        "Venezuela (Bolivarian Republic of)",
        "Peru",
        "Uruguay",
    ]
    assert bracketed.response == RESPONSE_NOTED and bracketed.response_raw == "Noted"

    acronym = records["115.6"]
    assert acronym.text.endswith("Members of Their Families (ICRMW)")
    assert acronym.recommending_states == ["Iran (Islamic Republic of)"]
    assert _themes(acronym) == ["A12 Acceptance of international norms", "G4 Migrants"]

    assert records["115.34"].affected_persons == []  # "Affected persons:" left empty there
    assert all(r.sdgs == [] for r in result.records)


@pytest.mark.shared_data
def test_egypt_cycle_2_reads_all_300_recommendations_from_its_recommending_states_column():
    result = _real("egypt-cycle2-upr20.docx")
    assert result.errors == []
    assert result.warnings == []
    assert len(result.records) == 300
    assert len({r.reference for r in result.records}) == 300
    responses = [r.response for r in result.records]
    assert responses.count(RESPONSE_SUPPORTED) == 224
    assert responses.count(RESPONSE_NOTED) == 53
    assert responses.count(RESPONSE_SUPPORTED_IN_PART) == 23
    assert all(r.recommending_states and r.themes and r.affected_persons for r in result.records)
    assert result.framework_hint.slug == "upr-egypt-cycle-2"

    records = _by_reference(result)
    rome = records["166.6"]
    assert rome.row == 3
    assert rome.text == "Ratify the Rome Statute of the ICC"
    assert rome.recommending_states == ["Chile", "Estonia", "Slovenia", "Tunisia", "Uruguay"]
    assert rome.response == RESPONSE_NOTED
    assert _themes(rome) == ["2.1. Acceptance of international norms"]
    assert (rome.state_under_review, rome.cycle, rome.session) == ("Egypt", 2, 20)

    icpped = records["166.10"]
    assert icpped.text.endswith("from Enforced Disappearance (ICPPED)")
    assert icpped.recommending_states == ["Sierra Leone", "Togo", "Tunisia"]

    partly = records["166.14"]
    assert (partly.row, partly.response, partly.response_raw) == (
        17,
        RESPONSE_SUPPORTED_IN_PART,
        "Supported/Noted",
    )
    assert _themes(partly) == ["2.2. Reservations"]
    assert partly.affected_persons == ["women"]

    assert records["166.47"].recommending_states == ["Bolivia (Plurinational State of)"]
    korea = records["166.300"]
    assert korea.row == 238 and korea.recommending_states == ["Republic of Korea"]
    assert korea.text.startswith("Ensure the anti-terrorism measures")
    assert not korea.text.endswith(")")

    # a "Comments:" line instead of "Source of position:" stays out of the text
    latvia = records["166.16"]
    assert latvia.text == "Consider the withdrawal of reservations to CEDAW Convention"
    assert latvia.source_document == ""
    assert latvia.response_reason == "Information sent in a post Add.1 letter"


@pytest.mark.shared_data
def test_slovenia_cycle_4_reads_all_254_recommendations_with_groups_and_sdgs():
    result = _real("slovenia-cycle4-upr48.docx")
    assert result.errors == [] and result.warnings == []
    assert len(result.records) == 254
    assert len({r.reference for r in result.records}) == 254
    assert all(r.sdgs and r.affected_persons and r.recommending_states for r in result.records)
    assert sum(r.response == RESPONSE_NOTED for r in result.records) == 37
    hint = result.framework_hint
    assert (hint.slug, hint.name, hint.kind, hint.cycle) == (
        "upr-slovenia-cycle-4",
        "UPR Slovenia — cycle 4",
        "upr_cycle",
        4,
    )

    records = _by_reference(result)
    first = records["140.7"]
    assert first.row == 3
    assert first.text == (
        "Ratify the Optional Protocol to the International Covenant on "
        "Economic, Social and Cultural Rights"
    )
    assert first.recommending_states == ["Maldives", "Portugal"]
    assert first.response == RESPONSE_SUPPORTED
    assert first.source_document == "A/HRC/59/15/Add.1"
    assert _themes(first) == [
        "Ratification of & accession to international instruments",
        "Economic, social & cultural rights - general measures of implementation",
    ]
    assert first.affected_persons == ["Public officials"]
    assert first.sdgs == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert (first.cycle, first.session) == (4, 48)

    venezuela = records["140.167"]
    assert venezuela.recommending_states == ["Venezuela (Bolivarian Republic of)"]
    assert venezuela.sdgs == ["5", "10"]
    assert venezuela.affected_persons == ["Public officials", "Women & girls"]

    last = result.records[-1]
    assert (last.row, last.reference, last.response) == (308, "140.253", RESPONSE_NOTED)
    assert last.recommending_states == ["Costa Rica"]
    assert last.sdgs == ["10", "16"]


# --- layouts of our own -----------------------------------------------------------------------


def test_columns_are_found_by_header_meaning_in_any_order_and_wording(tmp_path):
    path = _matrix(
        tmp_path,
        [
            [
                "SDG targets",
                "Response of the State",
                "Paragraph No.",
                "Issues",
                "Affected groups",
                "Text of the recommendation",
                "Recommended by",
                "Notes",
            ],
            "Cluster: Women's rights",
            [
                "5.2, 16.3",
                "Partially supported",
                "12.1.",
                "Gender-based violence",
                "- women\n- girls",
                "Adopt a law on domestic violence (Austria, Germany);",
                "Austria\nGermany",
                "to do",
            ],
            [
                "Goal 4: Quality education",
                "Accepted",
                "12.2",
                "Right to education",
                "",
                "Build schools in rural areas",
                "Republic of Korea",
                "",
            ],
        ],
    )
    result = parse(path)
    assert result.errors == []
    first, second = result.records
    assert (first.row, first.reference) == (3, "12.1")
    assert first.text == "Adopt a law on domestic violence"
    assert first.recommending_states == ["Austria", "Germany"]
    assert (first.response, first.response_raw) == (
        RESPONSE_SUPPORTED_IN_PART,
        "Partially supported",
    )
    assert _themes(first) == ["Women's rights", "Gender-based violence"]
    assert first.affected_persons == ["women", "girls"]
    assert first.sdgs == ["5.2", "16.3"]
    assert (second.row, second.reference, second.response) == (4, "12.2", RESPONSE_SUPPORTED)
    assert second.recommending_states == ["Republic of Korea"]
    assert second.sdgs == ["4"]
    assert [(w.row, w.column) for w in result.warnings] == [(1, "Notes")]
    assert "1 rows have text" in result.warnings[0].message


def test_inline_states_keep_bracketed_state_names_and_leave_acronyms_in_the_text(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation and recommending State", "Position"],
            "Theme: A12 Acceptance of international norms",
            [
                "7.1 Ratify OP-CAT (Bolivia (Plurinational State of), United Kingdom of Great Britain "
                "and Northern Ireland);\nSource of position: A/HRC/99/1/Add.1 - Para. 3",
                "Supported",
            ],
            ["7.2 Ratify the Convention (ICPPED) (Portugal);", "Noted"],
            ["7.3 Ratify the Covenant (Maldives) (Portugal).", "Supported/Noted"],
            ["7.4 Consider ratifying ICRMW (Venezuela (Bolivarian Republic of))", ""],
        ],
    )
    result = parse(path)
    assert result.errors == []
    records = _by_reference(result)
    assert records["7.1"].text == "Ratify OP-CAT"
    assert records["7.1"].recommending_states == [
        "Bolivia (Plurinational State of)",
        "United Kingdom of Great Britain and Northern Ireland",
    ]
    assert records["7.1"].source_document == "A/HRC/99/1/Add.1"
    assert records["7.2"].text == "Ratify the Convention (ICPPED)"
    assert records["7.2"].recommending_states == ["Portugal"]
    assert records["7.3"].recommending_states == ["Maldives", "Portugal"]
    assert records["7.3"].response == RESPONSE_SUPPORTED_IN_PART
    assert records["7.4"].recommending_states == ["Venezuela (Bolivarian Republic of)"]
    assert (records["7.4"].response, records["7.4"].response_raw) == ("", "")
    assert all(_themes(r) == ["A12 Acceptance of international norms"] for r in result.records)


def test_a_source_line_run_into_the_text_is_split_off_and_odd_state_names_are_flagged(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation", "Position"],
            ["5.1 Do this (Chile); Source of position: A/HRC/1/2/Add.1 - Para. 3", "Supported"],
            ["5.2 Sign the Istanbul Convention (Council of Europe)", "Supported"],
        ],
    )
    result = parse(path)
    first, second = result.records
    assert (first.text, first.recommending_states) == ("Do this", ["Chile"])
    assert first.source_document == "A/HRC/1/2/Add.1"
    assert second.recommending_states == ["Council of Europe"]
    flagged = [w for w in result.warnings if w.row == 3]
    assert len(flagged) == 1 and "“Council of Europe”" in flagged[0].message


def test_a_recommendation_row_without_text_is_an_error_naming_its_row_and_column(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation", "Position", "Full list of themes"],
            "Theme: A12 Acceptance of international norms",
            ["115.1 Ratify OP-CAT (Chile);", "Supported", "A12 Acceptance of international norms"],
            [
                "115.2\nSource of position: A/HRC/28/15/Add.1",
                "Noted",
                "D32 Enforced disappearances",
            ],
        ],
    )
    result = parse(path)
    assert [(e.row, e.column) for e in result.errors] == [(4, "Recommendation")]
    assert "115.2" in result.errors[0].message and "no text" in result.errors[0].message
    assert [r.reference for r in result.records] == ["115.1"]


def test_a_repeated_paragraph_number_is_an_error_naming_both_rows(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation", "Position"],
            ["3.1 Do this (Chile);", "Supported"],
            ["3.2 Do that (Peru);", "Supported"],
            ["3.1 Do this again (Chile);", "Noted"],
        ],
    )
    result = parse(path)
    assert len(result.errors) == 1
    error = result.errors[0]
    assert error.row == 4 and "3.1" in error.message and "rows 2 and 4" in error.message


def test_an_unrecognised_position_is_left_blank_with_a_warning(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation", "Position"],
            ["3.1 Do this (Chile);", "Pending"],
        ],
    )
    result = parse(path)
    assert result.errors == []
    assert (result.records[0].response, result.records[0].response_raw) == ("", "Pending")
    about_rows = [(w.row, w.column) for w in result.warnings if w.row != 1]
    assert about_rows == [(2, "Position")]
    assert "“Pending” was not understood" in result.warnings[-1].message


def test_a_table_continued_after_a_page_break_keeps_counting_rows_and_its_theme(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation", "Position"],
            "Theme: D32 Enforced disappearances",
            ["3.1 Do this (Chile);", "Supported"],
        ],
    )
    document = docx.Document(path)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "3.2 Do that (Peru);"
    table.rows[0].cells[1].text = "Noted"
    document.save(path)
    result = parse(path)
    assert result.errors == []
    assert [(r.row, r.reference, r.response) for r in result.records] == [
        (3, "3.1", RESPONSE_SUPPORTED),
        (4, "3.2", RESPONSE_NOTED),
    ]
    assert all(_themes(r) == ["D32 Enforced disappearances"] for r in result.records)


def test_a_vertically_merged_position_applies_to_every_row_it_covers(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation", "Position"],
            ["3.1 Do this (Chile);", "Noted"],
            ["3.2 Do that (Peru);", ""],
        ],
    )
    document = docx.Document(path)
    table = document.tables[0]
    table.cell(1, 1).merge(table.cell(2, 1))
    document.save(path)
    result = parse(path)
    assert [r.response for r in result.records] == [RESPONSE_NOTED, RESPONSE_NOTED]


def test_state_cycle_and_session_come_from_the_file_name_when_the_document_is_silent(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation", "Position"],
            ["3.1 Do this (Chile);", "Supported"],
        ],
        heading="",
        name="upload.docx",
    )
    result = parse(path, source_name="viet-nam-cycle4-upr46.docx")
    record = result.records[0]
    assert (record.state_under_review, record.cycle, record.session) == ("Viet Nam", 4, 46)
    assert result.framework_hint.slug == "upr-viet-nam-cycle-4"
    assert result.framework_hint.name == "UPR Viet Nam — cycle 4"


def test_without_state_or_cycle_there_is_no_framework_hint_and_a_warning_says_so(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Recommendation", "Position"],
            ["3.1 Do this (Chile);", "Supported"],
        ],
        heading="",
        name="matrix.docx",
    )
    result = parse(path)
    assert result.errors == [] and result.framework_hint is None
    assert result.records[0].cycle is None and result.records[0].state_under_review == ""
    messages = " ".join(w.message for w in result.warnings)
    assert "state" in messages and "cycle" in messages


# --- files that cannot be read ----------------------------------------------------------------


def test_a_truncated_word_file_is_reported_not_raised(tmp_path):
    good = _matrix(tmp_path, [["Recommendation", "Position"], ["1.1 Do (Chile)", "Noted"]])
    broken = tmp_path / "broken.docx"
    broken.write_bytes(good.read_bytes()[:2000])
    result = parse(broken)
    assert result.records == []
    assert [(e.row, e.column) for e in result.errors] == [(None, None)]
    assert "“broken.docx” is not a readable Word document" in result.errors[0].message
    assert "cut short" in result.errors[0].message


def test_a_file_that_is_not_a_word_document_is_reported(tmp_path):
    path = tmp_path / "notes.docx"
    path.write_text("Recommendation,Position\n1.1 Do this,Supported\n")
    result = parse(path, source_name="my notes.docx")
    assert result.records == []
    assert len(result.errors) == 1
    assert result.errors[0].row is None
    assert "“my notes.docx” is not a readable Word document" in result.errors[0].message
    assert "not a .docx file" in result.errors[0].message


def test_a_missing_file_is_reported_not_raised(tmp_path):
    result = parse(tmp_path / "nowhere.docx")
    assert result.records == [] and len(result.errors) == 1


def test_an_empty_document_says_it_has_no_table(tmp_path):
    path = tmp_path / "empty.docx"
    docx.Document().save(path)
    result = parse(path)
    assert result.records == []
    assert len(result.errors) == 1 and "has no table" in result.errors[0].message


def test_a_table_without_recommendation_headers_is_reported_with_the_headers_found(tmp_path):
    path = _matrix(
        tmp_path,
        [
            ["Name", "Budget"],
            ["Ministry of Justice", "1000"],
        ],
    )
    result = parse(path)
    assert result.records == []
    assert len(result.errors) == 1
    message = result.errors[0].message
    assert "No table of recommendations" in message
    assert "“Name” | “Budget”" in message
