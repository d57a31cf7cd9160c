from datetime import date, datetime
from typing import Annotated

from ninja import Field, Schema
from pydantic import BeforeValidator

from camket.lib.numbers import MAX_ID
from camket.lib.text import single_line


def _single_line(value):
    return single_line(value) if isinstance(value, str) else value


# An id sent to the API: out of range is refused (422) rather than reaching the database.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# References, titles, names, codes: stripped; line breaks and control characters refused.
SingleLine = Annotated[str, BeforeValidator(_single_line)]


class FrameworkOut(Schema):
    id: int
    slug: str
    name: str
    kind: str
    cycle: int | None
    starts_on: date | None
    ends_on: date | None


class StateOut(Schema):
    id: int
    iso3: str | None
    name: str


class CategoryOut(Schema):
    id: int
    taxonomy: str = Field(..., alias="taxonomy.slug")
    code: str
    name: str


class RecommendationOut(Schema):
    id: int
    framework: str = Field(..., alias="framework.slug")
    reference: str
    text: str
    text_vi: str
    recommending_states: list[StateOut]
    state_under_review: StateOut | None
    session: int | None
    source_document: str
    response: str
    response_reason: str
    decided_on: date | None
    action_category: int | None
    status: str
    cluster_id: int | None
    version: int


class RecommendationDetailOut(RecommendationOut):
    categories: list[CategoryOut]


class DecisionIn(Schema):
    response: str
    reason: str = ""
    decided_on: date | None = None
    version: int


class ReviewRequestIn(Schema):
    agencies: list[str] = Field(..., description="agency codes")
    due_on: date | None = None


class AssessmentOut(Schema):
    id: int
    recommendation_id: int
    agency: str = Field(..., alias="agency.code")
    state: str
    due_on: date | None
    conforms_to_law: str
    conforms_to_policy: str
    resources_available: str
    capacity_available: str
    proposed_response: str
    comment: str
    submitted_on: datetime | None
    version: int


class AssessmentIn(Schema):
    conforms_to_law: str | None = None
    conforms_to_policy: str | None = None
    resources_available: str | None = None
    capacity_available: str | None = None
    proposed_response: str | None = None
    comment: str | None = None
    version: int
    submit: bool = False


class ClusterIn(Schema):
    title: SingleLine = ""
    recommendation_ids: list[Id]


class ClusterOut(Schema):
    id: int
    title: str
    framework: str = Field(..., alias="framework.slug")


class ProgressOut(Schema):
    agency: str
    asked: int
    awaiting: int
    submitted: int


class ImportErrorOut(Schema):
    row: int | None
    column: str | None
    message: str


class ImportOut(Schema):
    created: int
    updated: int
    unchanged: int
    errors: list[ImportErrorOut]
    dry_run: bool
    frameworks: list[str]


class HistoryOut(Schema):
    when: datetime
    who: str
    subject: str
    kind: str
    reason: str
    changes: list[tuple[str, str, str]]


class MessageOut(Schema):
    detail: str
