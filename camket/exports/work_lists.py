"""The column catalogues of the signed-in lists other than items and actions: plans,
frameworks, the progress-report queue, the review clusters and an agency's awaited opinions.
Each column holds what its page shows (and a little more of the same records)."""

from django.utils.translation import get_language
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _

from camket.exports.tables import Column, Table
from camket.lib import bilingual


def _display(field: str):
    def value(record):
        return getattr(record, f"get_{field}_display")() if getattr(record, field) else ""

    return value


PLANS = Table(
    "plans",
    _("Plans"),
    (
        Column("title", _("Plan"), lambda p: bilingual.text(p), lambda p: p.title),
        Column("title_en", _("Title in English"), lambda p: p.title_en),
        Column(
            "framework",
            _("Framework"),
            lambda p: p.framework.label(get_language()),
            lambda p: p.framework.slug,
        ),
        Column("decision_number", _("Decision number"), lambda p: p.decision_number),
        Column("approved_on", _("Approved"), lambda p: p.approved_on),
        Column("actions", _("Actions"), lambda p: p.action_count),
        Column("implemented", _("Implemented"), lambda p: p.implemented),
        Column(
            "archived",
            _("Archived"),
            lambda p: gettext_now("yes") if p.archived else "",
            lambda p: p.archived,
        ),
    ),
)


def _levels(framework) -> str:
    return " → ".join(level.label(get_language()) for level in framework.level_list())


def _coordinating_agency(framework) -> str:
    agency = framework.coordinating_agency
    return bilingual.text(agency) if agency else gettext_now("Coordinating ministry")


FRAMEWORKS = Table(
    "frameworks",
    _("Frameworks"),
    (
        Column("slug", _("Short name"), lambda f: f.slug),
        Column("name", _("Framework"), lambda f: f.label(get_language())),
        Column("name_en", _("Name"), lambda f: f.name),
        Column("name_vi", _("Vietnamese name"), lambda f: f.name_vi),
        Column("kind", _("Kind"), lambda f: f.get_kind_display(), lambda f: f.kind),
        Column("levels", _("Levels"), _levels, lambda f: [level.key for level in f.level_list()]),
        Column(
            "coordinating_agency",
            _("Coordinating agency"),
            _coordinating_agency,
            lambda f: f.coordinating_agency.code if f.coordinating_agency else None,
        ),
        Column("items", _("Items"), lambda f: f.item_count),
        Column("cycle", _("Cycle"), lambda f: f.cycle),
        Column("starts_on", _("Start date"), lambda f: f.starts_on),
        Column("ends_on", _("End date"), lambda f: f.ends_on),
        Column(
            "public",
            _("On the public portal"),
            lambda f: gettext_now("yes") if f.public else "",
            lambda f: f.public,
        ),
        Column(
            "archived",
            _("Archived"),
            lambda f: gettext_now("yes") if f.archived else "",
            lambda f: f.archived,
        ),
    ),
    defaults=("slug", "name", "kind", "levels", "coordinating_agency", "items"),
)


def _action_of(row) -> str:
    indicator = row.due_date.indicator
    if indicator.action_id:
        return f"{indicator.action.reference} {bilingual.text(indicator.action)}"
    return indicator.recommendation.reference if indicator.recommendation_id else ""


def _report_field(name: str):
    def value(row):
        return getattr(row.report, name) if row.report is not None else None

    return value


def _report_display(name: str, empty=""):
    def value(row):
        if row.report is None or not getattr(row.report, name):
            return empty
        return getattr(row.report, f"get_{name}_display")()

    return value


REPORT_QUEUE = Table(
    "reports",
    _("Progress reports"),
    (
        Column("section", _("Section"), lambda r: r.section_label, lambda r: r.section),
        Column("due_on", _("Due on"), lambda r: r.due_date.due_on),
        Column("period_start", _("Period start"), lambda r: r.due_date.period_start),
        Column("period_end", _("Period end"), lambda r: r.due_date.period_end),
        Column("action", _("Action"), _action_of),
        Column("indicator", _("Indicator"), lambda r: bilingual.text(r.due_date.indicator)),
        Column("agency", _("Agency"), lambda r: bilingual.text(r.due_date.indicator.agency)),
        Column(
            "report_state",
            _("Report"),
            _report_display("state", _("Not started")),
            _report_field("state"),
        ),
        Column("status", _("Proposed status"), _report_display("status"), _report_field("status")),
        Column("submitted_on", _("Submitted on"), _report_field("submitted_on")),
    ),
)

CLUSTERS = Table(
    "clusters",
    _("Clusters"),
    (
        Column("title", _("Cluster"), lambda c: c.shown_title),
        Column(
            "framework",
            _("Framework"),
            lambda c: c.framework.label(get_language()),
            lambda c: c.framework.slug,
        ),
        Column("member_count", _("Recommendations"), lambda c: len(c.visible_members)),
        Column(
            "members",
            _("References"),
            lambda c: ", ".join(c.visible_members),
            lambda c: c.visible_members,
        ),
    ),
)


def _recommendation_text(assessment) -> str:
    recommendation = assessment.recommendation
    if get_language() == "vi" and recommendation.text_vi:
        return recommendation.text_vi
    return recommendation.text


ASSESSMENTS = Table(
    "assessments",
    _("Opinions awaited from my agency"),
    (
        Column("reference", _("Reference"), lambda a: a.recommendation.reference),
        Column(
            "framework",
            _("Framework"),
            lambda a: a.recommendation.framework.label(get_language()),
            lambda a: a.recommendation.framework.slug,
        ),
        Column("recommendation", _("Recommendation"), _recommendation_text),
        Column("state", _("Status"), _display("state"), lambda a: a.state),
        Column("due_on", _("Answer due"), lambda a: a.due_on),
    ),
)
