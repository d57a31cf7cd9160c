"""The UPR Info export parser, on the real 2008–2013 export and on small files of our own."""

from collections import Counter

import pytest

from camket.importers.upr_info.parse import looks_like_upr_info, parse

HEADER = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session"
EXPECTED_ROWS = {
    "upr-info-1-5.csv": 6094,
    "upr-info-6-9.csv": 8343,
    "upr-info-10-13.csv": 9047,
    "upr-info-14-17.csv": 9598,
}


def _export(tmp_path, *rows: str, encoding="latin-1", newline="\r"):
    path = tmp_path / "export.csv"
    path.write_bytes(newline.join([HEADER, *rows]).encode(encoding))
    return path


@pytest.mark.shared_data
def test_every_row_of_the_real_export_parses_with_its_labels(shared_data):
    totals = Counter()
    references = set()
    for name, expected in EXPECTED_ROWS.items():
        result = parse(shared_data / "upr-info" / name)
        assert result.errors == [], result.errors[:3]
        assert len(result.records) == expected
        for record in result.records:
            totals["rows"] += 1
            totals[record.response] += 1
            totals[f"action {record.action_category}"] += 1
            totals["with issues"] += bool(record.themes)
            references.add(record.reference)
    assert totals["rows"] == 33082
    assert len(references) == 33082
    assert totals["supported"] == 24378 and totals["noted"] == 8704
    assert totals["action 4"] == 12935 and totals["action 1"] == 568


@pytest.mark.shared_data
def test_viet_nam_first_review_has_172_recommendations(shared_data):
    result = parse(shared_data / "upr-info" / "upr-info-1-5.csv")
    viet_nam = [r for r in result.records if r.state_under_review == "Viet Nam"]
    assert len(viet_nam) == 172
    assert {r.session for r in viet_nam} == {5}
    assert {r.cycle for r in viet_nam} == {1}
    issues = {label for r in viet_nam for _, label in r.themes}
    assert "Rights of the Child" in issues and "Death penalty" in issues


def test_cr_only_latin1_export_is_read_with_quotes_and_accents(tmp_path):
    path = _export(
        tmp_path,
        'Viet Nam,Asia,ASEAN,"Ensure the rights of children, in particular ""street"" children.",'
        'Côte d\'Ivoire,Africa,AU,Accepted,4,"Rights of the Child,Justice",5',
        "Viet Nam,Asia,ASEAN,Consider ratifying OP-CAT.,Denmark,WEOG,EU,Noted,3,"
        "Torture and other CID treatment,5",
    )
    result = parse(path)
    assert result.errors == []
    first, second = result.records
    assert first.text == 'Ensure the rights of children, in particular "street" children.'
    assert first.recommending_states == ["Côte d'Ivoire"]
    assert first.themes == [
        ("upr-info-issues", "Rights of the Child"),
        ("upr-info-issues", "Justice"),
    ]
    assert (first.response, first.action_category, first.session) == ("supported", 4, 5)
    assert second.response == "noted" and first.row == 2 and second.row == 3


def test_identical_rows_get_distinct_stable_references(tmp_path):
    row = "Chad,Africa,AU,Abolish the death penalty.,France,WEOG,EU,Noted,5,Death penalty,5"
    first = parse(_export(tmp_path, row, row)).records
    again = parse(_export(tmp_path, row, row)).records
    assert first[0].reference != first[1].reference
    assert [r.reference for r in first] == [r.reference for r in again]


def test_row_without_text_is_reported_with_row_and_column(tmp_path):
    path = _export(
        tmp_path,
        "Chad,Africa,AU,,France,WEOG,EU,Noted,5,Death penalty,5",
        "Chad,Africa,AU,Text,France,WEOG,EU,Maybe,9,Death penalty,x",
    )
    errors = [(e.row, e.column) for e in parse(path).errors]
    assert (2, "Text") in errors
    assert {(3, "Response"), (3, "Action"), (3, "Session")} <= set(errors)


def test_missing_required_column_is_named(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text("To,Text,Issue\nChad,Do it.,General\n")
    messages = [str(e) for e in parse(path).errors]
    assert any("From" in m for m in messages) and any("Session" in m for m in messages)


def test_detects_the_export_by_its_headers_whatever_their_case():
    assert looks_like_upr_info(HEADER.lower().split(","))
    assert not looks_like_upr_info(["Reference", "Text", "Recommending states"])
