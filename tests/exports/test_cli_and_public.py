"""`camket export` exactly as the issue writes it, and the public open data."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook


@pytest.mark.parametrize("fmt", ["xlsx", "csv", "json", "docx"])
def test_the_cli_contract(world, tmp_path, fmt):
    out = tmp_path / f"export.{fmt}"
    call_command("export", "--framework", "upr-vn-4", "--format", fmt, "--out", str(out))
    content = out.read_bytes()
    if fmt == "xlsx":  # the matrix layout by default, with what re-importing needs
        sheets = load_workbook(io.BytesIO(content)).worksheets
        assert sheets[1]["A2"].value == "camket-export"
    elif fmt == "docx":
        assert Document(io.BytesIO(content)).tables[-1].rows[1].cells[0].text == "camket-export"
    elif fmt == "csv":
        assert content.startswith(b"\xef\xbb\xbf")
    else:
        assert json.loads(content)["framework"]["slug"] == "upr-vn-4"


def test_the_list_layout_and_columns_can_be_chosen(world, tmp_path):
    out = tmp_path / "list.xlsx"
    call_command(
        "export",
        "--framework",
        "upr-vn-4",
        "--format",
        "xlsx",
        "--out",
        str(out),
        "--layout",
        "list",
        "--columns",
        "reference,text_vi",
        "--lang",
        "vi",
    )
    sheet = load_workbook(out).active
    assert sheet.max_column == 2
    assert (sheet["A2"].value, sheet["B2"].value) == ("1.1", world.published.text_vi)


def test_clear_errors(world, tmp_path):
    with pytest.raises(CommandError, match="known: upr-vn-4"):
        call_command(
            "export", "--framework", "nope", "--format", "csv", "--out", str(tmp_path / "x.csv")
        )
    with pytest.raises(CommandError, match="Cannot write"):
        call_command(
            "export",
            "--framework",
            "upr-vn-4",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "missing" / "x.csv"),
        )
    with pytest.raises(CommandError, match="nope"):
        call_command(
            "export",
            "--framework",
            "upr-vn-4",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "x.csv"),
            "--columns",
            "text,nope",
        )


@pytest.fixture
def public_world(world, settings):
    settings.CAMKET_PUBLIC_PORTAL = True
    world.framework.public = True
    world.framework.save()
    return world


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_public_open_data_holds_published_items_and_public_fields(client, public_world, fmt):
    response = client.get(reverse("public-export", kwargs={"slug": "upr-vn-4", "format": fmt}))
    assert response.status_code == 200
    if fmt == "json":
        items = json.loads(response.content)["items"]
        assert [item["reference"] for item in items] == ["1.1"]
        assert "status" not in items[0]
    elif fmt == "csv":
        text = response.content.decode("utf-8-sig")
        assert "1.1" in text and "1.2" not in text and "Status" not in text
    else:
        headers = [c.value for c in load_workbook(io.BytesIO(response.content)).active[1]]
        assert "Status" not in headers and "Reference" in headers


def test_public_open_data_refuses_internal_columns(client, public_world):
    response = client.get(
        reverse("public-export", args=["upr-vn-4", "csv"]), {"columns": "reference,status"}
    )
    assert response.status_code == 400


def test_public_open_data_is_404_when_off_or_not_public(client, world, settings):
    settings.CAMKET_PUBLIC_PORTAL = True
    assert client.get(reverse("public-export", args=["upr-vn-4", "json"])).status_code == 404
    world.framework.public = True
    world.framework.save()
    settings.CAMKET_PUBLIC_PORTAL = False
    assert client.get(reverse("public-export", args=["upr-vn-4", "json"])).status_code == 404


def test_the_schema_is_served(client, db):
    response = client.get(reverse("export-schema"))
    assert response.status_code == 200
    assert json.loads(response.content)["$id"] == "camket-recommendations-1"
