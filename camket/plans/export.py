"""Actions as an Excel workbook: kept for its callers; the exports app does the work."""

from camket.exports.actions import export_actions
from camket.exports.cells import FORMULA_STARTS, cell  # noqa: F401  (re-exported)


def actions_workbook(actions, readable_recommendations) -> bytes:
    """`readable_recommendations`: the reader's scoped recommendations (others are not named)."""
    return export_actions(actions, readable_recommendations, "xlsx").content
