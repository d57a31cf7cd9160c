"""Schemas of the Master Plan API: plans, actions, indicators, due dates, reports, evidence.

Agencies go in and out as their codes, frameworks as their slugs, dates as ISO dates. Nested
lists (an action's recommendations and indicators, a report's evidence) are scoped to the user
making the request, read from the serialisation context.
"""

from datetime import date, datetime
from decimal import Decimal

from django.utils import timezone
from ninja import Field, Schema

from camket.api.schemas import Id, SingleLine
from camket.frameworks.scoping import visible_recommendations
from camket.plans.scoping import visible_indicators
from camket.reports.due_dates import open_due_dates
from camket.reports.scoping import as_handed_over, visible_evidence, visible_reports

# Stored as DecimalField(max_digits=16, decimal_places=2).
AMOUNT = Field(None, max_digits=16, decimal_places=2)


def _user(context):
    return context["request"].user


# --- plans -----------------------------------------------------------------------------------


class PlanOut(Schema):
    id: int
    framework: str = Field(..., alias="framework.slug")
    title: str
    title_en: str
    decision_number: str
    approved_on: date | None
    archived: bool
    version: int


class PlanIn(Schema):
    framework: str = Field(..., description="framework slug")
    title: SingleLine = Field(
        ...,
        min_length=1,
        max_length=300,
        description="in Vietnamese (or the only language it exists in)",
    )
    title_en: SingleLine = Field("", max_length=300, description="in English, if any")
    decision_number: SingleLine = Field("", max_length=100)
    approved_on: date | None = None


class PlanUpdateIn(Schema):
    """Only the fields sent are changed."""

    title: SingleLine | None = Field(None, min_length=1, max_length=300)
    title_en: SingleLine | None = Field(None, max_length=300)
    decision_number: SingleLine | None = Field(None, max_length=100)
    approved_on: date | None = None
    archived: bool | None = None
    version: int


class FromClustersIn(Schema):
    cluster_ids: list[Id]
    lead_agency: str = Field(..., description="agency code")
    start_on: date | None = None
    target_on: date | None = None


# --- actions ---------------------------------------------------------------------------------


class RecommendationRefOut(Schema):
    """An item an action implements, of any framework."""

    id: int
    reference: str
    framework: str = Field(..., alias="framework.slug")
    framework_kind: str = Field(..., alias="framework.kind")
    level: int
    implementation: str


class IndicatorOut(Schema):
    id: int
    action_id: int | None
    recommendation_id: int | None
    agency: str = Field(..., alias="agency.code")
    title: str
    title_en: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    frequency_months: int
    starts_on: date
    ends_on: date
    archived: bool
    version: int


class ActionOut(Schema):
    id: int
    plan_id: int
    reference: str
    title: str
    title_en: str
    description: str
    expected_output: str
    lead_agency: str = Field(..., alias="lead_agency.code")
    co_agencies: list[str]
    start_on: date | None
    target_on: date | None
    budget_source: str
    status: str
    status_reason: str
    publication: str
    source_cluster_id: int | None
    version: int

    @staticmethod
    def resolve_co_agencies(obj) -> list[str]:
        return sorted(agency.code for agency in obj.co_agencies.all())


class ActionDetailOut(ActionOut):
    recommendations: list[RecommendationRefOut]
    indicators: list[IndicatorOut]

    @staticmethod
    def resolve_recommendations(obj, context):
        return (
            visible_recommendations(_user(context))
            .filter(actions=obj)
            .select_related("framework")
            .order_by("framework_id", "id")
        )

    @staticmethod
    def resolve_indicators(obj, context):
        return visible_indicators(_user(context)).filter(action=obj).select_related("agency")


class _ActionFields(Schema):
    reference: SingleLine | None = Field(None, min_length=1, max_length=30)
    title: SingleLine | None = Field(None, min_length=1, max_length=500)
    title_en: SingleLine | None = Field(None, max_length=500)
    description: str | None = None
    expected_output: str | None = None
    start_on: date | None = None
    target_on: date | None = None
    budget_source: SingleLine | None = Field(None, max_length=300)
    co_agencies: list[str] | None = Field(None, description="agency codes")
    recommendation_ids: list[Id] | None = None
    items: list[str] | None = Field(
        None,
        description='items by reference, of any framework: "SLUG:REF", or "REF" for '
        "one of the plan's framework; with recommendation_ids, both are linked",
    )


class ActionQuery(Schema):
    q: str = ""
    plan: Id | None = None
    framework: str = Field("", description="its plan's, or an item's it implements")
    kind: str = Field("", description="a framework kind, likewise")
    category: str = Field("", description="implements an item of this category (id)")
    agency: str = ""
    lead: str = ""
    status: str = ""
    publication: str = ""
    overdue: bool | None = None


class ActionIn(_ActionFields):
    plan: Id = Field(..., description="plan id")
    title: SingleLine = Field(..., min_length=1, max_length=500)
    lead_agency: str = Field(..., description="agency code")


class ActionUpdateIn(_ActionFields):
    """Only the fields sent are changed; co_agencies and recommendation_ids replace the lists."""

    lead_agency: str | None = Field(None, description="agency code")
    version: int


class ActionStatusIn(Schema):
    status: str
    reason: str = ""
    version: int


class PublicationIn(Schema):
    ids: list[Id]
    publication: str


class PublicationOut(Schema):
    changed: int


class FromClustersOut(Schema):
    created: list[ActionOut]
    skipped: list[int] = Field(..., description="ids of the clusters not turned into actions")


# --- indicators ------------------------------------------------------------------------------


class IndicatorIn(Schema):
    title: SingleLine = Field(..., min_length=1, max_length=500)
    title_en: SingleLine = Field("", max_length=500)
    unit: SingleLine = Field("", max_length=60)
    baseline: Decimal | None = AMOUNT
    target: Decimal | None = AMOUNT
    frequency_months: int = 6
    starts_on: date | None = Field(None, description="defaults to the action's start date")
    ends_on: date | None = Field(None, description="defaults to the action's target date")


class RecommendationIndicatorIn(IndicatorIn):
    agency: str = Field(..., description="code of the reporting agency")


class IndicatorUpdateIn(Schema):
    """Only the fields sent are changed; a new schedule regenerates the open due dates."""

    title: SingleLine | None = Field(None, min_length=1, max_length=500)
    title_en: SingleLine | None = Field(None, max_length=500)
    unit: SingleLine | None = Field(None, max_length=60)
    baseline: Decimal | None = AMOUNT
    target: Decimal | None = AMOUNT
    frequency_months: int | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    archived: bool | None = None
    version: int


# --- due dates, reports, evidence ------------------------------------------------------------


class EvidenceOut(Schema):
    id: int
    report_id: int
    original_name: str
    content_type: str
    size: int
    sha256: str
    is_public: bool
    archived: bool
    uploaded_on: datetime


class EvidenceChangeIn(Schema):
    is_public: bool | None = None
    archived: bool | None = None


class ReportOut(Schema):
    id: int
    due_date_id: int
    state: str
    status: str
    narrative: str
    indicator_value: Decimal | None
    review_comment: str
    is_public: bool
    submitted_on: datetime | None
    reviewed_on: datetime | None
    version: int
    evidence: list[EvidenceOut]

    @staticmethod
    def resolve_evidence(obj, context):
        return visible_evidence(_user(context)).filter(report=obj)


class ReportIn(Schema):
    """The whole report as it should stand: fields left out are saved empty."""

    status: str = ""
    narrative: str = ""
    indicator_value: Decimal | None = AMOUNT
    version: int | None = Field(..., description="the report's version; null if none yet")
    submit: bool = False


class ReportPublicIn(Schema):
    is_public: bool
    version: int | None = None


class ReviewIn(Schema):
    version: int
    comment: str = ""


class DueDateOut(Schema):
    id: int
    indicator_id: int
    indicator: str = Field(..., alias="indicator.title")
    action_id: int | None = Field(None, alias="indicator.action_id")
    recommendation_id: int | None = Field(None, alias="indicator.recommendation_id")
    agency: str = Field(..., alias="indicator.agency.code")
    period_start: date
    period_end: date
    due_on: date
    archived: bool
    open: bool = Field(..., description="still waiting for a report to be submitted")
    overdue: bool
    report_id: int | None = Field(None, description="the report, if you may see it")
    report_state: str | None = None

    @staticmethod
    def resolve_open(obj) -> bool:
        if hasattr(obj, "is_open"):
            return obj.is_open
        return open_due_dates().filter(pk=obj.pk).exists()

    @staticmethod
    def resolve_overdue(obj) -> bool:
        return DueDateOut.resolve_open(obj) and obj.due_on < timezone.localdate()

    @staticmethod
    def resolve_report_id(obj, context):
        return _seen_report_field(obj, context, "id")

    @staticmethod
    def resolve_report_state(obj, context):
        return _seen_report_field(obj, context, "state")


def _seen_report_field(due_date, context, name: str):
    """A field of the due date's report, if the user may see it (annotated by list queries)."""
    if hasattr(due_date, f"seen_report_{name}"):
        return getattr(due_date, f"seen_report_{name}")
    report = visible_reports(_user(context)).filter(due_date=due_date).first()
    return getattr(report, name) if report else None


class DueDateDetailOut(DueDateOut):
    report: ReportOut | None

    @staticmethod
    def resolve_report(obj, context):
        user = _user(context)
        return as_handed_over(user, visible_reports(user).filter(due_date=obj).first())


# --- reminders -------------------------------------------------------------------------------


class ReminderOut(Schema):
    kind: str
    due_date: int
    due_on: date
    agency: str
    action: str
    indicator: str
    recipient: str
    email: str
    sent: bool
