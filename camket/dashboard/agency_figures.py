"""The plans' actions by lead agency and status, and the overdue reports by reporting agency."""

from django.db.models import QuerySet

from camket.accounts.models import Agency
from camket.dashboard.rows import (
    ACTION_STATUSES,
    OVERDUE,
    Row,
    Segment,
    grouped,
    list_url,
    row,
    status_label,
)
from camket.lib import bilingual


def _agency_label(agency: Agency) -> str:
    return bilingual.text(agency)


def by_agency(actions: QuerySet, params: dict) -> list[Row]:
    counts = grouped(actions, "lead_agency_id", "status")
    agencies = Agency.objects.in_bulk(list(counts))
    rows = [
        row(
            agency.code,
            _agency_label(agency),
            counts[pk],
            ACTION_STATUSES,
            "action-list",
            lead=agency.code,
            **params,
        )
        for pk, agency in agencies.items()
    ]
    return sorted(rows, key=lambda row: (-row.total, row.label))


def overdue_by_agency(counts: dict[int | None, int], params: dict) -> list[Row]:
    """`counts`: {agency id: overdue due dates} (`counted.overdue_by_agency_counts`)."""
    rows = []
    for pk, agency in Agency.objects.in_bulk(list(counts)).items():
        url = list_url("report-queue", agency=agency.code, **params) + "#overdue"
        rows.append(
            Row(
                key=agency.code,
                label=_agency_label(agency),
                total=counts[pk],
                url=url,
                segments=[
                    Segment(key=OVERDUE, label=status_label(OVERDUE), count=counts[pk], url=url)
                ],
            )
        )
    return sorted(rows, key=lambda row: (-row.total, row.label))
