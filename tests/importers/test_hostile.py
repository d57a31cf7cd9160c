"""Hostile and damaged files: refused quickly, with a clear message, through the service, the
CLI and the web page, and nothing written. The files are built by tests/importers/hostile.py."""

import json
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from camket.frameworks.models import Framework, Recommendation
from camket.importers.detect import parse_file
from camket.importers.service import import_file
from tests.importers import hostile

SECONDS = 10  # generous: the 2-core test machine is shared; each file takes well under 1 s

CASES = {
    "many-rows.xlsx": (hostile.xlsx_many_rows, "unpacks to more than"),
    "huge-cell.xlsx": (hostile.xlsx_huge_cell, "unpacks to more than"),
    "broken-sheet.xlsx": (hostile.xlsx_broken_sheet, "damaged"),
    "wide-row.xlsx": (hostile.xlsx_wide_row, "more than 1000 columns"),
    "bomb.docx": (hostile.docx_bomb, "unpacks to more than"),
    "many-rows.docx": (hostile.docx_many_rows, "more than 100,000 rows"),
    "broken.docx": (hostile.docx_broken, "not a readable Word document"),
}


@pytest.fixture
def framework(db):
    return Framework.objects.get_or_create(
        slug="upr-vn-4", defaults={"name": "UPR Viet Nam 4", "kind": "upr_cycle"}
    )[0]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    return {name: build(folder / name) for name, (build, _) in CASES.items()}


@pytest.mark.parametrize("name", CASES)
def test_service_refuses_quickly_and_writes_nothing(files, framework, name):
    before = Recommendation.objects.count()
    started = time.perf_counter()
    summary = import_file(files[name], framework_slug="upr-vn-4")
    assert time.perf_counter() - started < SECONDS
    assert not summary.ok
    assert CASES[name][1] in " ".join(str(e) for e in summary.errors)
    assert Recommendation.objects.count() == before


@pytest.mark.parametrize("name", CASES)
def test_cli_json_ends_with_the_summary_line_and_no_traceback(files, framework, name, capsys):
    with pytest.raises(CommandError):
        call_command("import", str(files[name]), "--framework", "upr-vn-4", "--json")
    last = capsys.readouterr().out.strip().splitlines()[-1]
    summary = json.loads(last)
    assert set(summary) == {"created", "updated", "unchanged", "errors"}
    assert summary["created"] == 0 and summary["errors"]
    assert CASES[name][1] in summary["errors"][0]["message"]


@pytest.mark.parametrize(
    "name", ["many-rows.xlsx", "broken-sheet.xlsx", "bomb.docx", "broken.docx"]
)
def test_web_upload_shows_the_refusal(files, client, world, name):
    client.force_login(world.coordinator)
    before = Recommendation.objects.count()
    upload = SimpleUploadedFile(name, files[name].read_bytes())
    response = client.post("/imports/", {"file": upload, "framework": "upr-vn-4"})
    assert response.status_code == 200
    errors = response.context["preview"].errors
    assert CASES[name][1] in " ".join(str(e) for e in errors)
    assert "camket_pending_import" not in client.session
    assert Recommendation.objects.count() == before


def test_web_path_applies_the_same_limits(client, world, settings, tmp_path):
    settings.CAMKET_MAX_IMPORT_ROWS = 50
    client.force_login(world.coordinator)
    path = hostile.xlsx_many_rows(tmp_path / "rows.xlsx", rows=2_001)
    response = client.post(
        "/imports/", {"file": SimpleUploadedFile("rows.xlsx", path.read_bytes())}
    )
    assert response.status_code == 200
    assert "more than 50 rows" in str(response.context["preview"].errors[0])


def test_rows_over_the_limit_stop_the_stream_even_when_the_package_is_small(settings, tmp_path):
    settings.CAMKET_MAX_IMPORT_ROWS = 1_000
    path = hostile.xlsx_many_rows(tmp_path / "rows.xlsx", rows=5_001)
    (error,) = parse_file(path).errors
    assert "more than 1,000 rows" in error.message


def test_the_streamed_row_count_holds_when_the_quick_count_misses_rows(settings, tmp_path):
    """Rows the tag count cannot see (jumps in row numbers) are still counted as they come."""
    settings.CAMKET_MAX_IMPORT_ROWS = 1_000
    sheet = (
        hostile._SHEET_HEAD
        + hostile._header_row()
        + b'<row r="900000">'
        + hostile._inline("B900000", "x")
        + b"</row>"
        + hostile._SHEET_TAIL
    )
    path = hostile._package(tmp_path / "jump.xlsx", "xlsx", hostile.SHEET, sheet)
    started = time.perf_counter()
    (error,) = parse_file(path).errors
    assert time.perf_counter() - started < SECONDS
    assert error.row == 1_001 and "more than 1,000 rows" in error.message


def test_cells_over_the_limit_are_refused(settings, tmp_path):
    settings.CAMKET_MAX_IMPORT_CELLS = 100
    path = tmp_path / "list.csv"
    path.write_text("Reference,Text\n" + "".join(f"{n},Text {n}\n" for n in range(100)))
    (error,) = parse_file(path).errors
    assert "more than 100 cells" in error.message


def test_a_cell_over_the_length_limit_is_named_by_row_and_column(settings, tmp_path):
    settings.CAMKET_MAX_IMPORT_CELL_CHARS = 100
    path = tmp_path / "list.csv"
    path.write_text("Reference,Text\n1,Short\n2," + "x" * 101 + "\n")
    (error,) = parse_file(path).errors
    assert (error.row, error.column) == (3, "Text")
    assert "101 characters" in error.message


def test_a_long_cell_in_a_word_table_is_refused(settings, tmp_path):
    settings.CAMKET_MAX_IMPORT_CELL_CHARS = 100
    cell = b"<w:tr><w:tc><w:p><w:r><w:t>" + b"x" * 101 + b"</w:t></w:r></w:p></w:tc></w:tr>"
    path = hostile._package(
        tmp_path / "long.docx",
        "docx",
        hostile.DOCUMENT,
        hostile._DOC_HEAD + b"<w:tbl>" + cell + b"</w:tbl>" + hostile._DOC_TAIL,
    )
    (error,) = parse_file(path).errors
    assert error.row == 1 and "101 characters" in error.message


def test_a_package_with_an_empty_workbook_part_is_an_error_not_a_traceback(tmp_path):
    path = hostile._package(tmp_path / "empty.xlsx", "xlsx", "xl/workbook.xml", b"")
    (error,) = parse_file(path).errors
    assert "damaged" in error.message


def test_real_matrices_and_exports_are_within_the_default_limits(shared_data):
    for path in [
        *sorted((shared_data / "ohchr-thematic-lists").glob("*.docx")),
        *sorted((shared_data / "upr-info").glob("*.csv")),
    ]:
        result = parse_file(path)
        assert result.errors == [], (path.name, result.errors[:2])
