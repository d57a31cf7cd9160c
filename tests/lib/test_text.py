"""The one rule for one-line fields (issue 9, item 8)."""

import pytest
from django.core.exceptions import ValidationError

from camket.lib.text import (
    as_one_line,
    has_control_characters,
    single_line,
    validate_single_line,
    without_control_characters,
)


@pytest.mark.parametrize(
    "value", ["a\nb", "a\rb", "a\tb", "a\x00b", "a\x07b", "a\x7fb", "a\x85b", "a\x9fb", "a\u2028b"]
)
def test_control_characters_inside_are_refused(value):
    assert has_control_characters(value)
    with pytest.raises(ValueError, match="one line"):
        single_line(value)
    with pytest.raises(ValidationError):
        validate_single_line(value)


def test_surrounding_whitespace_is_stripped_and_the_rest_kept():
    assert single_line("  Bộ Công an – 45.1\r\n") == "Bộ Công an – 45.1"
    assert single_line(None) == ""
    validate_single_line("Quyền của người khuyết tật (2025)")


def test_multi_line_text_keeps_its_line_breaks():
    assert without_control_characters("a\r\nb\rc\x07\td\x1b") == "a\nb\nc d"
    assert as_one_line(" a\n\n b\tc\x07 ") == "a b c"
