"""Actions as an Excel workbook: only what the user may see, with formulas neutralised."""

from io import BytesIO

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from camket.plans.items import item_reference

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """Text fit for a spreadsheet cell: control characters openpyxl refuses (a bell, a form
    feed…) are removed, line breaks kept; text a spreadsheet would run as a formula is
    prefixed with an apostrophe."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)  # first: "\x07=…" must not become a formula
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def actions_workbook(actions, readable_recommendations) -> bytes:
    """`readable_recommendations`: the reader's scoped recommendations (others are not named)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Actions")[:31]
    sheet.append([cell(title) for title in (
        _("Plan"), _("Reference"), _("Title"), _("Lead agency"), _("Co-agencies"),
        _("Start date"), _("Target date"), _("Implementation status"),
        _("Reason for the status"), _("Budget source"), _("Recommendations"),
        _("Publication"))])
    linked = Prefetch("recommendations", queryset=readable_recommendations.select_related(
        "framework").order_by("framework_id", "id"))
    for action in actions.prefetch_related("co_agencies", linked):
        sheet.append([cell(value) for value in (
            action.plan.title, action.reference, action.title, action.lead_agency.name,
            ", ".join(a.name for a in action.co_agencies.all()), action.start_on,
            action.target_on, action.get_status_display(), action.status_reason,
            action.budget_source, ", ".join(  # another framework's items as SLUG:REF
                item_reference(r, action.plan.framework_id)
                for r in action.recommendations.all()),
            action.get_publication_display())])
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
