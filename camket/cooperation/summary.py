"""Yearly counts of cooperation requests: numbers only, never a case's details.

Internal face (signed-in users): counts over all requests, whoever handles them, per year ×
direction × type × partner and per year × type × status. Public face (the portal): per year ×
direction × type only, and a cell below CAMKET_COOPERATION_PUBLIC_MIN is not shown — with few
requests a year, a count of one may point at a case in the news."""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import ExtractYear

from camket.cooperation.models import CooperationKind, CooperationRequest

Direction, Status = CooperationRequest.Direction, CooperationRequest.Status


@dataclass(frozen=True)
class Cell:
    year: int
    direction: str
    kind: str
    count: int
    partner: str = ""  # ISO3 (or name) of the partner state; internal face only
    partner_name: str = ""

    def as_dict(self, *, public: bool = False) -> dict:
        row = {"year": self.year, "direction": self.direction, "type": self.kind,
               "count": self.count}
        if not public:
            row.update(partner=self.partner, partner_name=self.partner_name)
        return row


def _counts(requests, *fields):
    return (requests.annotate(year=ExtractYear("dated_on")).values("year", *fields)
            .annotate(count=Count("id", distinct=True)).order_by("year", *fields))


def by_partner(year: int | None = None) -> list[Cell]:
    """Per year × direction × type × partner, over every request."""
    requests = CooperationRequest.objects.all()
    if year:
        requests = requests.filter(dated_on__year=year)
    return [Cell(row["year"], row["direction"], row["kind"], row["count"],
                 row["partner__iso3"] or row["partner__name"], row["partner__name"])
            for row in _counts(requests, "direction", "kind", "partner__iso3", "partner__name")]


def by_status(year: int | None = None) -> list[dict]:
    """Per year × type × status, over every request."""
    requests = CooperationRequest.objects.all()
    if year:
        requests = requests.filter(dated_on__year=year)
    return [{"year": row["year"], "type": row["kind"], "status": row["status"],
             "count": row["count"]} for row in _counts(requests, "kind", "status")]


def public_minimum() -> int:
    return max(1, getattr(settings, "CAMKET_COOPERATION_PUBLIC_MIN", 1))


def public_cells(year: int | None = None) -> list[Cell]:
    """Per year × direction × type; cells under the threshold are left out."""
    requests = CooperationRequest.objects.all()
    if year:
        requests = requests.filter(dated_on__year=year)
    minimum = public_minimum()
    return [Cell(row["year"], row["direction"], row["kind"], row["count"])
            for row in _counts(requests, "direction", "kind") if row["count"] >= minimum]


def internal_summary(year: int | None = None) -> dict:
    return {"by_partner": [cell.as_dict() for cell in by_partner(year)],
            "by_status": by_status(year)}


def public_summary(year: int | None = None) -> dict:
    return {"minimum": public_minimum(),
            "cells": [cell.as_dict(public=True) for cell in public_cells(year)]}


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
    return [YearTable(year, direction, counts)
            for (year, direction), counts in sorted(rows.items(), key=lambda kv: (-kv[0][0],
                                                                                  kv[0][1]))]
