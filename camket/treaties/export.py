"""The /treaties/ table as a CSV or XLSX file: the rows the page shows under its filters,
through camket's writers (every text cell neutralised against formulas)."""

from django.utils.translation import gettext as _

from camket.exports.writers import csv_table, xlsx_table
from camket.treaties.status import StatusRow

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def headers() -> list[str]:
    return [
        _("Instrument key"),
        _("Instrument"),
        _("Family"),
        _("Status"),
        _("Date"),
        _("Recommendations asking to join"),
        _("Treaty body"),
        _("Reservations and declarations in force"),
        _("Legal acts implementing it"),
    ]


def row_values(row: StatusRow, language: str) -> list:
    instrument = row.instrument
    treaty_body = (
        instrument.treaty_body_vi
        if language == "vi" and instrument.treaty_body_vi
        else instrument.treaty_body
    )
    return [
        instrument.key,
        instrument.label(language),
        instrument.get_family_display(),
        str(row.status_label),
        row.date,
        row.recommendations,
        treaty_body,
        row.reservations,
        "\n".join(act.label(language) for act in row.legal_acts),
    ]


def status_file(rows: list[StatusRow], fmt: str, *, title: str, language: str) -> bytes:
    values = [row_values(row, language) for row in rows]
    if fmt == "xlsx":
        return xlsx_table(title, headers(), values)
    return csv_table(headers(), values)
