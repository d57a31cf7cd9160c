"""A consultation's comments as CSV or Excel, for its coordinators: every comment with its
moderation state and response; cells neutralised against formulas (`plans.export.cell`)."""

import csv
from io import BytesIO, StringIO

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from camket.plans.export import cell


def _headings() -> list[str]:
    return [
        _("Item"),
        _("Name"),
        _("Organisation"),
        _("Comment"),
        _("Submitted at"),
        _("Moderation"),
        _("Response"),
        _("Responded at"),
    ]


def _when(value) -> str:
    return timezone.localtime(value).strftime("%Y-%m-%d %H:%M") if value else ""


def _rows(consultation):
    for comment in consultation.comments.select_related("item").order_by("submitted_at", "id"):
        yield [
            cell(value)
            for value in (
                comment.item.reference if comment.item else _("Whole draft"),
                comment.name,
                comment.organisation,
                comment.text,
                _when(comment.submitted_at),
                comment.get_state_display(),
                comment.response,
                _when(comment.responded_at),
            )
        ]


def comments_csv(consultation) -> str:
    buffer = StringIO()
    writer = csv.writer(buffer)
    writer.writerow([cell(title) for title in _headings()])
    writer.writerows(_rows(consultation))
    return "\ufeff" + buffer.getvalue()  # the BOM makes Excel read it as UTF-8


def comments_workbook(consultation) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Comments")[:31]
    sheet.append([cell(title) for title in _headings()])
    for row in _rows(consultation):
        sheet.append(row)
    sheet.freeze_panes = "A2"
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
