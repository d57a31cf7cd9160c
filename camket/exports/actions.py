"""The actions list exported (only what the reader may see), and the public portal's actions
as open data (only what `public.scoping` lets out, only public fields)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from camket.exports.tables import Column, Table, export_table
from camket.lib import bilingual
from camket.plans.items import item_reference
from camket.public.queries import attach_progress, framework_actions
from camket.public.scoping import public_indicators

SEPARATOR = ", "


def _co_agencies(action) -> list[str]:
    return [bilingual.text(agency) for agency in action.co_agencies.all()]


def _readable_items(action) -> list[str]:
    # another framework's items as SLUG:REF
    return [item_reference(item, action.plan.framework_id) for item in action.readable_items]


ACTIONS = Table(
    "actions",
    _("Actions"),
    (
        # A sheet shows the reader's language (the other one when theirs is missing); the data
        # formats keep `title` in Vietnamese and give the English one beside it.
        Column("plan", _("Plan"), lambda a: bilingual.text(a.plan), lambda a: a.plan.title),
        Column("reference", _("Reference"), lambda a: a.reference),
        Column("title", _("Title"), lambda a: bilingual.text(a), lambda a: a.title),
        Column("title_en", _("Title in English"), lambda a: a.title_en),
        Column(
            "lead_agency",
            _("Lead agency"),
            lambda a: bilingual.text(a.lead_agency),
            lambda a: a.lead_agency.name,
        ),
        Column(
            "co_agencies", _("Co-agencies"), lambda a: SEPARATOR.join(_co_agencies(a)), _co_agencies
        ),
        Column("start_on", _("Start date"), lambda a: a.start_on),
        Column("target_on", _("Target date"), lambda a: a.target_on),
        Column(
            "status",
            _("Implementation status"),
            lambda a: a.get_status_display(),
            lambda a: a.status,
        ),
        Column("status_reason", _("Reason for the status"), lambda a: a.status_reason),
        Column("budget_source", _("Budget source"), lambda a: a.budget_source),
        Column(
            "recommendations",
            _("Recommendations"),
            lambda a: SEPARATOR.join(_readable_items(a)),
            _readable_items,
        ),
        Column(
            "publication",
            _("Publication"),
            lambda a: a.get_publication_display(),
            lambda a: a.publication,
        ),
        Column("description", _("Description"), lambda a: a.description),
        Column("expected_output", _("Expected output"), lambda a: a.expected_output),
    ),
    defaults=(
        "plan",
        "reference",
        "title",
        "lead_agency",
        "co_agencies",
        "start_on",
        "target_on",
        "status",
        "status_reason",
        "budget_source",
        "recommendations",
        "publication",
    ),
)


def action_records(actions, readable_recommendations):
    """`readable_recommendations`: the reader's scoped items (others are not named)."""
    linked = Prefetch(
        "recommendations",
        to_attr="readable_items",
        queryset=readable_recommendations.select_related("framework").order_by(
            "framework_id", "id"
        ),
    )
    return actions.select_related("plan", "lead_agency").prefetch_related("co_agencies", linked)


def export_actions(
    actions,
    readable_recommendations,
    fmt: str,
    language: str | None = None,
    *,
    columns=None,
    filters: dict | None = None,
):
    return export_table(
        ACTIONS,
        action_records(actions, readable_recommendations),
        fmt,
        columns=columns,
        language=language,
        filters=filters,
    )


def _latest_reports(action) -> list[tuple]:
    """Each public indicator with its latest public (accepted) report, if any."""
    return [
        (indicator, indicator.public_reports[-1])
        for indicator in action.public_indicators
        if indicator.public_reports
    ]


def _progress_text(action) -> str:
    lines = []
    for indicator, report in _latest_reports(action):
        value = "" if report.indicator_value is None else f", {report.indicator_value}"
        narrative = f" — {report.narrative}" if report.narrative else ""
        lines.append(
            f"{indicator.title} ({report.due_date.period_end.isoformat()}): "
            f"{report.get_status_display() or '—'}{value}{narrative}"
        )
    return "\n".join(lines)


def _progress_data(action) -> list[dict]:
    return [
        {
            "indicator": indicator.title,
            "unit": indicator.unit,
            "target": indicator.target,
            "period_start": report.due_date.period_start,
            "period_end": report.due_date.period_end,
            "status": report.status or None,
            "indicator_value": report.indicator_value,
            "narrative": report.narrative,
        }
        for indicator, report in _latest_reports(action)
    ]


def _public_items(action) -> list[str]:
    return [item.reference for item in action.public_items]


# Never the budget source, the reason for the status, the publication state or a draft.
PUBLIC_ACTIONS = Table(
    "public-actions",
    _("Actions"),
    (
        Column("reference", _("Reference"), lambda a: a.reference),
        Column("title", _("Title"), lambda a: a.title),
        Column("description", _("Description"), lambda a: a.description),
        Column("expected_output", _("Expected output"), lambda a: a.expected_output),
        Column("plan", _("Plan"), lambda a: a.plan.title),
        Column("lead_agency", _("Lead agency"), lambda a: a.lead_agency.name),
        Column(
            "co_agencies", _("Co-agencies"), lambda a: SEPARATOR.join(_co_agencies(a)), _co_agencies
        ),
        Column("start_on", _("Start date"), lambda a: a.start_on),
        Column("target_on", _("Target date"), lambda a: a.target_on),
        Column(
            "status",
            _("Implementation status"),
            lambda a: a.get_status_display(),
            lambda a: a.status,
        ),
        Column("items", _("Items"), lambda a: SEPARATOR.join(_public_items(a)), _public_items),
        Column("progress", _("Latest reported progress"), _progress_text, _progress_data),
    ),
    formats=("csv", "json", "xlsx"),
)


def public_action_records(framework) -> list:
    """The portal's actions page's actions, each with its public indicators and reports."""
    actions = list(framework_actions(framework))
    attach_progress(actions, public_indicators().filter(action__in=[a.pk for a in actions]))
    return actions
