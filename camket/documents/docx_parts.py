"""Building blocks of the Word drafts: headings, tables and bar charts drawn as shaded cells.

Every style is looked up in the document first, so a ministry's own template (setting
CAMKET_DOCX_TEMPLATE) that lacks one still gives a readable draft.
"""

from django.utils.translation import gettext as _
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor
from docx.table import _Cell

from camket.documents.colours import colour

BAR_CELLS = 30  # a chart's longest bar, in table cells


def has_style(document, name: str) -> bool:
    return any(style.name == name for style in document.styles)


def heading(document, text: str, level: int):
    name = "Title" if level == 0 else f"Heading {level}"
    if has_style(document, name):
        return document.add_paragraph(text, style=name)
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(max(18 - 2 * level, 11))
    return paragraph


def paragraph(document, text: str = "", *, bold_lead: str = "", italic: bool = False):
    result = document.add_paragraph()
    if bold_lead:
        result.add_run(bold_lead).bold = True
        if text:
            result.add_run(" ")
    if text:
        result.add_run(text).italic = italic
    return result


def draft_mark(document):
    result = document.add_paragraph()
    run = result.add_run(_("DRAFT"))
    run.bold = True
    run.font.color.rgb = RGBColor.from_string("B3261E")
    return result


def page_break(document):
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def row_cells(table, row):
    """The cells of a new row, without python-docx's walk over the whole table."""
    return [_Cell(tc, table) for tc in row._tr.tc_lst]


def table(document, headers: list[str], rows):
    result = document.add_table(rows=1, cols=len(headers))
    if has_style(document, "Table Grid"):
        result.style = "Table Grid"
    for cell, text in zip(row_cells(result, result.rows[0]), headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(str(text)).bold = True
    for values in rows:
        for cell, text in zip(row_cells(result, result.add_row()), values, strict=True):
            cell.text = "" if text is None else str(text)
    return result


def shade(cell, hex_colour: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    fill = OxmlElement("w:shd")
    fill.set(qn("w:val"), "clear")
    fill.set(qn("w:color"), "auto")
    fill.set(qn("w:fill"), hex_colour)
    properties.append(fill)


def bar_chart(document, chart):
    """The dashboard's bar chart (charts.BarChart, the same geometry's numbers) as a table:
    a label, BAR_CELLS cells shaded in proportion to each status, the total. Word draws it
    with no picture, so it stays editable and needs nothing downloaded."""
    if not chart.rows:
        return None
    heading(document, chart.title, 3)
    longest = max(row.total for row in chart.rows) or 1
    result = document.add_table(rows=0, cols=BAR_CELLS + 2)
    for row in chart.rows:
        cells = row_cells(result, result.add_row())
        cells[0].text = row.full_label
        cells[-1].text = str(row.total)
        done = 0
        for rect in row.rects:
            start = round(done * BAR_CELLS / longest)
            done += rect.count
            for cell in cells[1 + start : 1 + round(done * BAR_CELLS / longest)]:
                shade(cell, colour(rect.key))
    legend = document.add_paragraph()
    for item in chart.legend:
        swatch = legend.add_run("■ ")
        swatch.font.color.rgb = RGBColor.from_string(colour(item.key).upper())
        legend.add_run(f"{item.label}   ")
    return result
