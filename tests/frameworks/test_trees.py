"""The pure tree checks an import runs before anything is written."""

from camket.frameworks.kinds import KINDS
from camket.frameworks.trees import derived_levels, level_index, validate_tree

LEVELS = KINDS["programme"].levels  # sub-programme → outcome → output


def _messages(rows, existing=None):
    return [
        (e.row, e.column, e.message)
        for e in validate_tree(rows, levels=LEVELS, existing=existing or {})
    ]


def test_level_written_as_key_name_vietnamese_name_or_number():
    assert [
        level_index(v, LEVELS) for v in ("output", "Outcome", "tiểu chương trình", "2", "Chapter")
    ] == [2, 1, 0, 1, None]


def test_a_good_tree_has_no_errors_and_levels_from_depth():
    rows = [(2, "A", None, None), (3, "A.1", "A", None), (4, "A.1.1", "A.1", 2)]
    assert _messages(rows) == []
    assert derived_levels(rows, existing={}) == {"A": 0, "A.1": 1, "A.1.1": 2}


def test_parents_already_in_the_framework_count():
    existing = {"A": (None, 0), "A.1": ("A", 1)}
    rows = [(2, "A.1.1", "A.1", None)]
    assert _messages(rows, existing) == []
    assert derived_levels(rows, existing=existing) == {"A.1.1": 2}


def test_a_cycle_through_items_already_in_the_framework_is_found():
    existing = {"A": (None, 0), "A.1": ("A", 1)}
    (error,) = _messages([(2, "A", "A.1", None)], existing)
    assert error == (2, "parent", "The parents form a cycle: A → A.1 → A.")


def test_items_below_a_cycle_are_not_blamed_twice():
    rows = [(2, "X", "B", None), (3, "B", "C", None), (4, "C", "B", None)]
    assert _messages(rows) == [(3, "parent", "The parents form a cycle: B → C → B.")]
