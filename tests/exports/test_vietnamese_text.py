"""A Vietnamese list export shows an item's Vietnamese text under "Text" where it has one, the
English original in a column of its own; English exports and the JSON stay as they were."""

import io
import json

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from docx import Document

from camket.exports.service import export_items
from camket.frameworks.models import Recommendation
from tests.exports.list_helpers import csv_rows, xlsx_rows


def _headers(language: str, *names: str) -> list[str]:
    with translation.override(language):
        return [_(name) for name in names]


def _by_reference(rows) -> dict[str, list]:
    return {row[0]: list(row[1:]) for row in rows[1:]}


def _items(world):
    return Recommendation.objects.filter(framework=world.framework)


def _docx_rows(content: bytes) -> list[list[str]]:
    table = Document(io.BytesIO(content)).tables[0]
    return [[cell.text for cell in row.cells] for row in table.rows]


def _read(fmt: str, content: bytes) -> list:
    if fmt == "xlsx":
        return xlsx_rows(content)
    return csv_rows(content) if fmt == "csv" else _docx_rows(content)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "docx"])
def test_a_vietnamese_sheet_shows_the_vietnamese_text_and_the_english_beside_it(world, fmt):
    exported = export_items(
        _items(world), fmt=fmt, columns="reference,text,response", language="vi"
    )
    rows = _read(fmt, exported.content)
    assert list(rows[0]) == _headers("vi", "Reference", "Text", "English original", "Response")
    by_reference = _by_reference(rows)
    assert by_reference["1.1"][:2] == [world.published.text_vi, world.published.text]
    # Without a Vietnamese text, the original is what there is to read, in both columns.
    assert by_reference["1.2"][:2] == [world.draft.text, world.draft.text]
    assert by_reference["1.3"][:2] == [world.sent_to_a.text, world.sent_to_a.text]
    assert all(value in ("", None) for value in by_reference["1.2"][2:])  # no response


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_an_english_sheet_is_unchanged(world, fmt):
    rows = _read(
        fmt,
        export_items(
            _items(world), fmt=fmt, columns="reference,text,text_vi", language="en"
        ).content,
    )
    assert list(rows[0]) == ["Reference", "Text", "Vietnamese translation"]
    assert _by_reference(rows)["1.1"] == [world.published.text, world.published.text_vi]


def test_a_vietnamese_sheet_without_the_text_column_gets_no_english_column(world):
    rows = csv_rows(
        export_items(_items(world), fmt="csv", columns="reference,text_vi", language="vi").content
    )
    assert rows[0] == _headers("vi", "Reference", "Vietnamese translation")


def test_the_json_keeps_its_fields_in_vietnamese(world):
    document = json.loads(
        export_items(_items(world), fmt="json", columns="reference,text", language="vi").content
    )
    item = next(i for i in document["items"] if i["reference"] == "1.1")
    assert item["text"] == world.published.text
    assert "text_vi" not in item and "english_original" not in item


def test_the_filtered_list_download_in_vietnamese(world, client):
    client.force_login(world.viewer)
    client.cookies["django_language"] = "vi"
    response = client.get(
        "/exports/recommendations.csv", {"q": "trafficking", "columns": "reference,text"}
    )
    assert response.status_code == 200
    assert csv_rows(response.content) == [
        _headers("vi", "Reference", "Text", "English original"),
        ["1.1", world.published.text_vi, world.published.text],
    ]
    api = client.get(
        "/api/exports/recommendations",
        {"format": "csv", "lang": "en", "q": "trafficking", "columns": "reference,text"},
    )
    assert csv_rows(api.content) == [["Reference", "Text"], ["1.1", world.published.text]]
