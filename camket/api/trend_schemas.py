"""GET /api/indicators/{id}/trend: an indicator's values over time (camket/plans/trends.py)."""

from datetime import date
from decimal import Decimal

from ninja import Field, Schema


class TrendPointOut(Schema):
    period_start: date
    period_end: date
    due_on: date
    value: Decimal
    state: str = Field(
        ...,
        description="accepted, or submitted (not yet accepted): only "
        "those who may read submitted reports get these",
    )
    report_id: int


class TrendOut(Schema):
    indicator_id: int
    title: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    direction: str | None = Field(
        ...,
        description="increasing, decreasing (target below "
        "baseline), flat, or null without a target",
    )
    latest_value: Decimal | None
    percent_of_target: float | None = Field(
        ...,
        description="per cent of the way from the baseline (0 if none) to the target "
        "covered by the latest value; null without a value or a target",
    )
    points: list[TrendPointOut]
