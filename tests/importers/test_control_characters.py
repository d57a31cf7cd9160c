"""Imported references hold one line and texts no control characters (issue 9, item 8)."""

from camket.importers.normalise import clean_text, reference_value
from camket.importers.tabular.parse import parse


def test_a_reference_with_a_line_break_is_imported_on_one_line(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(b'Reference,Text\n"121.\n5","Protect\x07 victims.\r\nAnd witnesses."\n')
    result = parse(path)
    assert result.errors == []
    (record,) = result.records
    assert record.reference == "121. 5"
    assert record.text == "Protect victims.\nAnd witnesses."


def test_normalisation_keeps_line_breaks_in_texts_only():
    assert clean_text("a\x0cb\x85c\rd\u2028e\t\tf") == "abc\nd\ne f"
    assert reference_value(" 45\r\n.1\x07 ") == "45 .1"
