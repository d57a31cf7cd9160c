import csv
import io
import json
from datetime import date

import pytest
from docx import Document
from openpyxl import load_workbook

from camket.exports import opendata
from camket.exports.cells import cell, unneutralised
from camket.exports.gather import gather
from camket.exports.service import ExportError, export_items
from camket.exports.writers import csv_table, docx_table, xlsx_table
from camket.frameworks.models import Category, Framework, Recommendation
from camket.lib.vocabulary import SDG, UHRI_THEMES
from tests.personas import make_recommendation

HYPERLINK = '=HYPERLINK("http://evil.example","click")'


def test_the_xlsx_has_a_bold_frozen_filtered_header_widths_and_wrapped_text():
    content = xlsx_table(
        "Items", ["Reference", "Text"], [["1.1", "a long text\nsecond line"], ["1.2", HYPERLINK]]
    )
    sheet = load_workbook(io.BytesIO(content)).active
    assert [c.value for c in sheet[1]] == ["Reference", "Text"]
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:B3"
    assert sheet["B2"].alignment.wrap_text
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
    assert sheet["B3"].value == "'" + HYPERLINK  # text, not a formula
    assert sheet["B3"].data_type == "s"


def test_formula_neutralising_reads_back_exactly():
    for text in (HYPERLINK, "'=quoted", "-1 minus", "plain", "'plain"):
        assert unneutralised(cell(text)) == text
    assert cell("\x07=1+1") == "'=1+1"


def test_the_csv_starts_with_a_byte_order_mark_and_is_neutralised():
    content = csv_table(["Reference", "Text"], [["1.1", HYPERLINK], ["1.2", date(2024, 5, 1)]])
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows == [["Reference", "Text"], ["1.1", "'" + HYPERLINK], ["1.2", "2024-05-01"]]


def test_the_docx_is_a_table_with_a_header():
    content = docx_table("Items", ["Reference", "Text"], [["1.1", "Tiếng Việt"]])
    table = Document(io.BytesIO(content)).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Reference", "Text"]
    assert table.rows[1].cells[1].text == "Tiếng Việt"


@pytest.fixture
def bare_framework(db):
    framework = Framework.objects.create(slug="bare", name="Bare", kind="upr_cycle")
    Recommendation.objects.create(framework=framework, reference="1", text="Only a text.")
    return framework


@pytest.mark.parametrize(
    ("fmt", "layout"),
    [
        ("xlsx", "list"),
        ("csv", "list"),
        ("json", "list"),
        ("docx", "list"),
        ("xlsx", "matrix"),
        ("docx", "matrix"),
    ],
)
def test_an_item_lacking_every_optional_field_exports(bare_framework, fmt, layout):
    every = ",".join(
        [
            "reference",
            "framework",
            "parent",
            "level",
            "text",
            "text_vi",
            "recommending_states",
            "state_under_review",
            "session",
            "response",
            "response_reason",
            "decided_on",
            "action_category",
            "themes",
            "sdgs",
            "implementation",
            "status",
            "source_document",
            "actions",
        ]
    )
    exported = export_items(
        Recommendation.objects.all(),
        fmt=fmt,
        framework=bare_framework,
        columns=every if layout == "list" else None,
        layout=layout,
    )
    assert exported.content
    assert exported.file_name.endswith("." + fmt)


def test_unknown_columns_and_impossible_layouts_are_refused(bare_framework):
    with pytest.raises(ExportError, match="nope"):
        export_items(Recommendation.objects.all(), fmt="csv", columns="text,nope")
    with pytest.raises(ExportError):
        export_items(
            Recommendation.objects.all(), fmt="csv", framework=bare_framework, layout="matrix"
        )
    with pytest.raises(ExportError):  # the public never gets internal fields
        export_items(Recommendation.objects.all(), fmt="csv", columns="status", public=True)


def _validate(document: dict) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(opendata.schema_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(document, schema)


def test_the_json_export_validates_against_its_schema(db):
    framework = Framework.objects.create(
        slug="fw", name="FW", kind="programme", levels=["outcome", "output"]
    )
    parent = make_recommendation(framework, "1", "Outcome", states=["France"])
    child = make_recommendation(framework, "1.1", "Output")
    child.parent, child.level, child.response = parent, 1, "supported"
    child.save()
    from camket.frameworks.taxonomies import ensure_builtin_taxonomies

    ensure_builtin_taxonomies()
    child.categories.add(
        Category.objects.get(taxonomy__slug=SDG, code="5.2"),
        Category.objects.filter(taxonomy__slug=UHRI_THEMES).first(),
    )
    exported = export_items(
        Recommendation.objects.all(),
        fmt="json",
        framework=framework,
        columns="recommending_states,themes,status,source_document",
    )
    document = json.loads(exported.content)
    _validate(document)
    assert document["schema"] == "camket-recommendations"
    items = {item["reference"]: item for item in document["items"]}
    assert items["1.1"]["parent"] == "1" and items["1"]["parent"] is None
    assert items["1.1"]["level"] == "output"
    assert items["1.1"]["sdgs"] == ["5.2"]
    assert items["1.1"]["themes"][0]["taxonomy"] == UHRI_THEMES
    assert items["1"]["recommending_states"] == ["France"]
    assert {"reference", "text", "response", "themes", "sdgs"} <= set(items["1"])


def test_the_matrix_groups_items_under_their_primary_theme_once(db):
    from camket.frameworks.taxonomies import ensure_builtin_taxonomies

    ensure_builtin_taxonomies()
    framework = Framework.objects.create(slug="m", name="M", kind="upr_cycle")
    themed = make_recommendation(framework, "1", "Themed")
    make_recommendation(framework, "2", "No theme")
    themes = list(Category.objects.filter(taxonomy__slug=UHRI_THEMES)[:2])
    for theme in themes:  # one by one: the first added is the primary theme
        themed.categories.add(theme)
    exported = export_items(
        Recommendation.objects.all(), fmt="xlsx", framework=framework, layout="matrix"
    )
    workbook = load_workbook(io.BytesIO(exported.content))
    first = [[c.value for c in row] for row in workbook.worksheets[0].iter_rows()]
    texts = [row[1] for row in first]
    assert texts.count("Themed") == 1 and texts.count("No theme") == 1
    headings = [row[0] for row in first if row[0] and row[0].startswith("Theme:")]
    assert headings == [f"Theme: {themes[0].name}", "Theme: none given"]
    about = {row[0].value: row[2].value for row in workbook.worksheets[1].iter_rows(min_row=2)}
    assert about["camket-export"] == "matrix" and about["framework.slug"] == "m"
    assert gather(Recommendation.objects.filter(pk=themed.pk)).primary_theme(themed) in themes
