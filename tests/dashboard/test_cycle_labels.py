import pytest

from camket.dashboard.cycles import cycle_label, roman_numeral


@pytest.mark.parametrize(
    ("number", "numeral"),
    [(1, "I"), (4, "IV"), (8, "VIII"), (9, "IX"), (10, "X"), (14, "XIV"), (40, "XL"),
     (1994, "MCMXCIV"), (0, "0")],
)  # fmt: skip
def test_roman_numerals(number, numeral):
    assert roman_numeral(number) == numeral


def test_later_cycles_are_labelled_like_the_first_ones():
    assert cycle_label(9) == "Cycle IX"
    assert cycle_label(10) == "Cycle X"
