"""validate_tree on its own, as the tabular importer calls it: rows by number."""

from camket.frameworks import kinds
from camket.frameworks.trees import resolve_level, tree_levels, validate_tree

LEVELS = kinds.KINDS["strategy"].levels  # Objective → Task


def test_a_good_tree_over_existing_items_and_its_levels():
    rows = [(2, "1.2", "1", None), (3, "2", None, 0), (4, "2.1", "2", 1)]
    existing = {"1": (None, 0), "1.1": ("1", 1)}
    assert validate_tree(rows, LEVELS, existing) == []
    assert tree_levels(rows, existing) == {"1.2": 1, "2": 0, "2.1": 1}


def test_errors_name_the_row():
    errors = validate_tree([(2, "a", None, None), (3, "a", None, None)], LEVELS)
    assert [(e.position, e.reference) for e in errors] == [(3, "a")]
    errors = validate_tree([(2, "a", "b", None), (3, "b", "a", None)], LEVELS)
    assert len(errors) == 1 and "cycle (a → b → a)" in errors[0].message
    errors = validate_tree([(2, "t", None, 1)], LEVELS)
    assert errors[0].position == 2 and "at the top it must be Objective" in errors[0].message


def test_resolve_level_by_key_name_or_vietnamese_name():
    assert resolve_level(LEVELS, "task") == 1
    assert resolve_level(LEVELS, "OBJECTIVE") == 0
    assert resolve_level(LEVELS, "nhiem vu") == 1
    assert resolve_level(LEVELS, "chapter") is None
