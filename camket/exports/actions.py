"""The actions list exported: the same columns in every format, only what the reader may see."""

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import gettext as _

from camket.plans.items import item_reference

ACTION_FORMATS = ("xlsx", "csv", "docx")


def action_headers() -> list[str]:
    return [_("Plan"), _("Reference"), _("Title"), _("Lead agency"), _("Co-agencies"),
            _("Start date"), _("Target date"), _("Implementation status"),
            _("Reason for the status"), _("Budget source"), _("Recommendations"),
            _("Publication")]


def action_rows(actions, readable_recommendations):
    """`readable_recommendations`: the reader's scoped recommendations (others are not named)."""
    linked = Prefetch("recommendations", queryset=readable_recommendations.select_related(
        "framework").order_by("framework_id", "id"))
    for action in actions.select_related("plan", "lead_agency").prefetch_related(
            "co_agencies", linked):
        yield (action.plan.title, action.reference, action.title, action.lead_agency.name,
               ", ".join(a.name for a in action.co_agencies.all()), action.start_on,
               action.target_on, action.get_status_display(), action.status_reason,
               action.budget_source, ", ".join(  # another framework's items as SLUG:REF
                   item_reference(r, action.plan.framework_id)
                   for r in action.recommendations.all()),
               action.get_publication_display())


def export_actions(actions, readable_recommendations, fmt: str, language: str | None = None):
    from camket.exports.service import CONTENT_TYPES, ExportFile, table_bytes

    with translation.override(language or translation.get_language()):
        content = table_bytes(fmt, _("Actions"), action_headers(),
                              action_rows(actions, readable_recommendations))
    return ExportFile(content, CONTENT_TYPES[fmt], f"camket-actions.{fmt}")
