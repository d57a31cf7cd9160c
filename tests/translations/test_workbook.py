"""`camket translations export` and `import`: round trip, errors by row and column, stale
rows, all or nothing, history naming the user."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from camket.frameworks.models import Recommendation
from camket.translations.workbook import COLUMNS, check_rows, export_workbook, import_workbook


def _export(tmp_path, slug="upr-vn-4"):
    path = tmp_path / "translations.xlsx"
    call_command("translations", "export", "--framework", slug, str(path), stdout=io.StringIO())
    return path


def _edit(path, changes: dict[tuple[int, str], object]):
    """Set cells by (spreadsheet row, column name), as a translator would in Excel."""
    workbook = load_workbook(path)
    sheet = workbook.active
    for (row, name), value in changes.items():
        sheet.cell(row, COLUMNS.index(name) + 1, value)
    workbook.save(path)


def _rows(path) -> dict[str, int]:
    sheet = load_workbook(path).active
    return {sheet.cell(row, 3).value: row for row in range(2, sheet.max_row + 1)}


def test_export_then_import_changes_nothing(world, tmp_path):
    # A text a spreadsheet would take for a formula survives the round trip too.
    Recommendation.objects.filter(pk=world.draft.pk).update(text_vi="=1+1 không phải công thức")
    path = _export(tmp_path)
    before = {r.pk: (r.text_vi, r.version, r.history.count()) for r in Recommendation.objects.all()}
    out = io.StringIO()
    call_command("translations", "import", str(path), "--user", "coordinator", stdout=out)
    assert "0 Vietnamese text(s) written, 3 unchanged" in out.getvalue()
    assert before == {
        r.pk: (r.text_vi, r.version, r.history.count()) for r in Recommendation.objects.all()
    }


def test_import_writes_only_the_vietnamese_column_and_names_the_user(world, tmp_path):
    path = _export(tmp_path)
    row = _rows(path)["1.2"]
    _edit(
        path,
        {
            (row, "vietnamese_text"): "Thành lập cơ quan nhân quyền quốc gia.",
            (row, "reference"): "changed reference is ignored",
            (row, "english_text"): "changed English is ignored",
        },
    )
    call_command("translations", "import", str(path), "--user", "coordinator", stdout=io.StringIO())
    item = Recommendation.objects.get(pk=world.draft.pk)
    assert item.text_vi == "Thành lập cơ quan nhân quyền quốc gia."
    assert item.reference == "1.2" and item.text.startswith("Establish")
    assert item.history.latest().history_user == world.coordinator


def test_dry_run_writes_nothing(world, tmp_path):
    path = _export(tmp_path)
    _edit(path, {(_rows(path)["1.2"], "vietnamese_text"): "Bản dịch"})
    out = io.StringIO()
    call_command("translations", "import", str(path), "--dry-run", stdout=out)
    assert "1 text(s) would change" in out.getvalue()
    assert Recommendation.objects.get(pk=world.draft.pk).text_vi == ""


def test_a_row_whose_english_changed_since_export_is_refused_and_nothing_written(world, tmp_path):
    path = _export(tmp_path)
    rows = _rows(path)
    _edit(
        path,
        {
            (rows["1.2"], "vietnamese_text"): "Bản dịch tốt",
            (rows["1.3"], "vietnamese_text"): "Bản dịch cũ",
        },
    )
    Recommendation.objects.filter(pk=world.sent_to_a.pk).update(text="A new English text.")
    err = io.StringIO()
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("translations", "import", str(path), stdout=io.StringIO(), stderr=err)
    assert f"row {rows['1.3']}, column english_checksum" in err.getvalue()
    assert Recommendation.objects.get(pk=world.draft.pk).text_vi == ""  # all or nothing


def test_a_vietnamese_correction_made_since_export_is_not_undone(world, tmp_path):
    path = _export(tmp_path)
    row = _rows(path)["1.1"]
    _edit(path, {(row, "vietnamese_text"): "Bản dịch từ tệp"})
    Recommendation.objects.filter(pk=world.published.pk).update(text_vi="Sửa trong camket")
    result = check_rows(None, path.read_bytes())
    assert [(p.row, p.column) for p in result.problems] == [(row, "vietnamese_checksum")]


def test_errors_name_the_row_and_the_column(world, tmp_path):
    path = _export(tmp_path)
    rows = _rows(path)
    _edit(path, {(rows["1.1"], "id"): 999999, (rows["1.2"], "id"): "abc"})
    result = import_workbook(None, path.read_bytes())
    assert sorted((p.row, p.column) for p in result.problems) == [
        (rows["1.1"], "id"),
        (rows["1.2"], "id"),
    ]
    assert not result.written
    assert str(result.problems[0]).startswith(f"row {rows['1.1']}, column id: ")


def test_a_missing_column_is_named(world, tmp_path):
    path = _export(tmp_path)
    workbook = load_workbook(path)
    workbook.active.delete_cols(COLUMNS.index("english_checksum") + 1)
    workbook.save(path)
    result = check_rows(None, path.read_bytes())
    assert [(p.row, p.column) for p in result.problems] == [(1, "english_checksum")]


def test_an_officer_imports_only_items_assigned_to_their_agency(plan_world, tmp_path):
    world = plan_world.world
    path = _export(tmp_path)
    rows = _rows(path)
    _edit(
        path,
        {
            (rows["1.1"], "vietnamese_text"): "Bản dịch của Bộ Công an",
            (rows["1.3"], "vietnamese_text"): "Bản dịch khác",
        },
    )
    refused = check_rows(world.officer_b, path.read_bytes())
    assert {p.row for p in refused.problems} == {rows["1.1"], rows["1.2"], rows["1.3"]}
    accepted = import_workbook(world.officer_a, _without_row(path, rows["1.2"]))
    assert accepted.problems == [] and accepted.written
    assert Recommendation.objects.get(pk=world.published.pk).text_vi == "Bản dịch của Bộ Công an"


def _without_row(path, row: int) -> bytes:
    workbook = load_workbook(path)
    workbook.active.delete_rows(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def test_the_export_has_the_reference_english_and_current_vietnamese(world):
    sheet = load_workbook(
        io.BytesIO(export_workbook(Recommendation.objects.filter(pk=world.published.pk)))
    ).active
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    row = [c.value for c in sheet[2]]
    assert row[:5] == [
        world.published.pk,
        "upr-vn-4",
        "1.1",
        world.published.text,
        world.published.text_vi,
    ]


def test_export_refuses_an_unknown_framework(db, tmp_path):
    with pytest.raises(CommandError, match="no framework"):
        call_command("translations", "export", "--framework", "nope", str(tmp_path / "x.xlsx"))


def test_the_web_page_downloads_and_uploads(plan_world, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    world = plan_world.world
    client.force_login(world.officer_a)
    download = client.get("/translations/", {"framework": "upr-vn-4"})
    assert download.status_code == 200
    sheet = load_workbook(io.BytesIO(download.content)).active
    exported = {sheet.cell(row, 3).value for row in range(2, sheet.max_row + 1)}
    assert exported == {"1.1", "1.3"}  # the draft 1.2 is not agency A's to see
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 3).value == "1.3")
    sheet.cell(row, COLUMNS.index("vietnamese_text") + 1, "Bảo đảm quyền người khuyết tật.")
    output = io.BytesIO()
    sheet.parent.save(output)

    def upload(dry_run):
        data = {"file": SimpleUploadedFile("t.xlsx", output.getvalue())}
        if dry_run:
            data["dry_run"] = "on"
        return client.post("/translations/", data).content.decode()

    assert "1 Vietnamese text would change" in upload(True)
    assert Recommendation.objects.get(pk=world.sent_to_a.pk).text_vi == ""
    assert "1 Vietnamese text written" in upload(False)
    item = Recommendation.objects.get(pk=world.sent_to_a.pk)
    assert item.text_vi == "Bảo đảm quyền người khuyết tật."
    assert item.history.latest().history_user == world.officer_a


def test_the_web_page_is_for_translators_only(world, client):
    client.force_login(world.viewer)
    assert client.get("/translations/").status_code == 403
    client.logout()
    assert client.get("/translations/").status_code == 302
