"""The matrix layout (`matrix.py`) written as an Excel workbook or a Word document."""

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from camket.exports.cells import cell
from camket.exports.matrix import Matrix
from camket.exports.writers import (
    BOLD,
    WRAPPED,
    cell_safe,
    document_bytes,
    fill_sheet,
    sheet_title,
    workbook_bytes,
)

WIDTHS = {
    "reference": 10,
    "text": 60,
    "recommending_states": 18,
    "response": 14,
    "response_reason": 30,
    "themes": 45,
    "sdgs": 30,
    "text_vi": 60,
    "parent": 10,
    "level": 14,
    "session": 9,
    "action_category": 20,
    "source_document": 20,
}
HEADING_FILL = PatternFill("solid", fgColor="DDEBF7")


def matrix_xlsx(matrix: Matrix, *, about_title: str) -> bytes:
    from django.utils.translation import gettext as _

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(_("Thematic list"))
    width = len(matrix.keys)
    sheet.append([cell(header) for header in matrix.headers])
    for header_cell in sheet[1]:
        header_cell.font, header_cell.alignment = BOLD, WRAPPED
    for heading, rows in matrix.groups:
        sheet.append([cell(heading)])
        row_number = sheet.max_row
        sheet.merge_cells(
            start_row=row_number, start_column=1, end_row=row_number, end_column=width
        )
        heading_cell = sheet.cell(row=row_number, column=1)
        heading_cell.font, heading_cell.fill = Font(bold=True), HEADING_FILL
        for row in rows:
            sheet.append([cell(value) for value in row])
            for data_cell in sheet[sheet.max_row]:
                data_cell.alignment = WRAPPED
    for index, key in enumerate(matrix.keys, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = WIDTHS.get(key, 20)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(width)}{sheet.max_row}"
    about = workbook.create_sheet(sheet_title(about_title))
    fill_sheet(about, [_("Key"), _("Meaning"), _("Value")], matrix.about)
    return workbook_bytes(workbook)


def matrix_docx(matrix: Matrix, *, about_title: str) -> bytes:
    from django.utils.translation import gettext as _
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor
    from docx.table import _Cell

    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.core_properties.title = cell_safe(matrix.title)[:250]
    document.styles["Normal"].font.size = Pt(9)
    document.add_heading(cell_safe(matrix.title), level=1)
    count = 1 + sum(1 + len(rows) for _heading, rows in matrix.groups)
    table = document.add_table(rows=count, cols=len(matrix.keys))  # at once: add_row is slow
    table.style = "Table Grid"
    trs = iter(table._tbl.tr_lst)
    header = next(trs)
    header.get_or_add_trPr().append(OxmlElement("w:tblHeader"))  # repeated on every page
    for tc, text in zip(header.tc_lst, matrix.headers, strict=True):
        _Cell(tc, table).paragraphs[0].add_run(cell_safe(text)).bold = True
    for heading, rows in matrix.groups:
        tr = next(trs)
        first, *others = tr.tc_lst
        for tc in others:  # one cell across the row (python-docx's merge is slow)
            tr.remove(tc)
        span = OxmlElement("w:gridSpan")
        span.set(qn("w:val"), str(len(matrix.keys)))
        first.get_or_add_tcPr().append(span)
        run = _Cell(first, table).paragraphs[0].add_run(cell_safe(heading))
        run.bold = True
        run.font.color.rgb = RGBColor(0x1F, 0x3A, 0x5F)
        for row in rows:
            for tc, value in zip(next(trs).tc_lst, row, strict=True):
                if value:
                    _Cell(tc, table).text = cell_safe(value)
    document.add_heading(cell_safe(about_title), level=2)
    about = document.add_table(rows=1, cols=3)
    about.style = "Table Grid"
    for header_cell, text in zip(
        about.rows[0].cells, (_("Key"), _("Meaning"), _("Value")), strict=True
    ):
        header_cell.paragraphs[0].add_run(text).bold = True
    for values in matrix.about:
        for data_cell, value in zip(about.add_row().cells, values, strict=True):
            data_cell.text = cell_safe(value)
    return document_bytes(document)
