"""Yearly counts of cooperation requests: numbers only, never a case's details.

Internal face (signed-in members): counts per year × direction × type over ALL requests,
whoever handles them; the breakdowns by partner state and by status only over the requests the
reader may see (`visible_requests`) — with few requests a year, "1 extradition from Korea,
refused" is the case itself. The system (`user=None`) counts everything. Public face (the
portal): per year × direction × type only, and a cell below CAMKET_COOPERATION_PUBLIC_MIN is not
shown — a count of one may point at a case in the news."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from camket.cooperation.models import CooperationKind, CooperationRequest
from camket.cooperation.scoping import visible_requests

Direction, Status = CooperationRequest.Direction, CooperationRequest.Status


@dataclass(frozen=True)
class Cell:
    year: int
    direction: str
    kind: str
    count: int
    partner: str = ""  # ISO3 (or name) of the partner state; internal face only
    partner_name: str = ""

    def as_dict(self, *, with_partner: bool = False) -> dict:
        row = {
            "year": self.year,
            "direction": self.direction,
            "type": self.kind,
            "count": self.count,
        }
        if with_partner:
            row.update(partner=self.partner, partner_name=self.partner_name)
        return row


def _counts(requests, *fields):
    return (
        requests.annotate(year=ExtractYear("dated_on"))
        .values("year", *fields)
        .annotate(count=Count("id", distinct=True))
        .order_by("year", *fields)
    )


def _in_year(requests, year: int | None):
    return requests.filter(dated_on__year=year) if year else requests


def by_type(year: int | None = None) -> list[Cell]:
    """Per year × direction × type, over every request: what every member may know."""
    requests = _in_year(CooperationRequest.objects.all(), year)
    return [
        Cell(row["year"], row["direction"], row["kind"], row["count"])
        for row in _counts(requests, "direction", "kind")
    ]


def by_partner(user, year: int | None = None) -> list[Cell]:
    """Per year × direction × type × partner, over the requests `user` may see."""
    requests = _in_year(visible_requests(user), year)
    return [
        Cell(
            row["year"],
            row["direction"],
            row["kind"],
            row["count"],
            row["partner__iso3"] or row["partner__name"],
            row["partner__name"],
        )
        for row in _counts(requests, "direction", "kind", "partner__iso3", "partner__name")
    ]


def by_status(user, year: int | None = None) -> list[dict]:
    """Per year × type × status, over the requests `user` may see."""
    requests = _in_year(visible_requests(user), year)
    return [
        {"year": row["year"], "type": row["kind"], "status": row["status"], "count": row["count"]}
        for row in _counts(requests, "kind", "status")
    ]


def breakdowns_scope(user) -> str:
    """What the partner and status breakdowns cover, said to the reader."""
    if user is None:
        return _("all requests")
    return _("of the requests your agency handles")


def public_minimum() -> int:
    return max(1, getattr(settings, "CAMKET_COOPERATION_PUBLIC_MIN", 1))


def public_cells(year: int | None = None) -> list[Cell]:
    """Per year × direction × type; cells under the threshold are left out."""
    minimum = public_minimum()
    return [cell for cell in by_type(year) if cell.count >= minimum]


def internal_summary(user, year: int | None = None) -> dict:
    """`by_type` covers all requests; `by_partner` and `by_status` only those `user` may see
    (`breakdowns_over`: "all" for the system, "visible" for a person)."""
    return {
        "by_type": [cell.as_dict() for cell in by_type(year)],
        "by_partner": [cell.as_dict(with_partner=True) for cell in by_partner(user, year)],
        "by_status": by_status(user, year),
        "breakdowns_over": "all" if user is None else "visible",
        "breakdowns_note": breakdowns_scope(user),
    }


def public_summary(year: int | None = None) -> dict:
    return {"minimum": public_minimum(), "cells": [cell.as_dict() for cell in public_cells(year)]}


@dataclass
class YearTable:
    """One row per year and direction, one column per type: what the pages show."""

    year: int
    direction: str
    counts: list[int | None]

    @property
    def total(self) -> int:
        return sum(count or 0 for count in self.counts)


def year_tables(cells: list[Cell]) -> list[YearTable]:
    kinds = CooperationKind.values
    rows: dict[tuple[int, str], list[int | None]] = {}
    for cell in cells:
        counts = rows.setdefault((cell.year, cell.direction), [None] * len(kinds))
        position = kinds.index(cell.kind)
        counts[position] = (counts[position] or 0) + cell.count
    return [
        YearTable(year, direction, counts)
        for (year, direction), counts in sorted(rows.items(), key=lambda kv: (-kv[0][0], kv[0][1]))
    ]
