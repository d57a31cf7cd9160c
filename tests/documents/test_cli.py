"""`camket report KIND --framework SLUG --format docx|pdf [--lang vi|en] --out FILE`."""

import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from tests.documents.conftest import NARRATIVE, docx_text, pdf_text


@pytest.mark.parametrize("kind", ["positions", "plan", "midterm"])
@pytest.mark.parametrize("file_format", ["docx", "pdf"])
def test_the_command_writes_each_kind_in_each_format(
    document_world, tmp_path, kind, file_format, capsys
):
    out = tmp_path / f"draft.{file_format}"
    call_command(
        "report",
        kind,
        "--framework",
        "upr-vn-4",
        "--format",
        file_format,
        "--lang",
        "vi",
        "--out",
        str(out),
    )
    assert str(out) in capsys.readouterr().out
    data = out.read_bytes()
    text = docx_text(data) if file_format == "docx" else pdf_text(data)
    assert "1.1" in text
    if kind == "midterm":
        assert NARRATIVE in text
    else:
        assert "Bộ Công an" in text or "Tiếp tục nỗ lực" in text


def test_language_defaults_to_vietnamese_and_user_narrows_the_draft(document_world, tmp_path):
    out = tmp_path / "draft.docx"
    call_command(
        "report", "positions", "--framework", "upr-vn-4", "--format", "docx", "--out", str(out)
    )
    assert "Tiếp tục nỗ lực" in docx_text(out.read_bytes())
    call_command(
        "report",
        "positions",
        "--framework",
        "upr-vn-4",
        "--format",
        "docx",
        "--lang",
        "en",
        "--user",
        "viewer",
        "--out",
        str(out),
    )
    text = docx_text(out.read_bytes())
    assert "Continue efforts" in text and "national human rights institution" not in text


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["summary", "--framework", "upr-vn-4", "--format", "pdf"], "Unknown kind"),
        (["plan", "--framework", "nope", "--format", "pdf"], "No framework"),
        (["plan", "--framework", "upr-vn-4", "--format", "odt"], "Unknown format"),
        (
            ["plan", "--framework", "upr-vn-4", "--format", "pdf", "--lang", "fr"],
            "Unknown language",
        ),
        (
            ["plan", "--framework", "upr-vn-4", "--format", "pdf", "--user", "ghost"],
            "No active user",
        ),
    ],
)
def test_clear_errors(document_world, tmp_path, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("report", *arguments, "--out", str(tmp_path / "x"))
    assert not (tmp_path / "x").exists()


def test_an_unwritable_out_is_refused(document_world, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        call_command(
            "report",
            "plan",
            "--framework",
            "upr-vn-4",
            "--format",
            "pdf",
            "--out",
            str(tmp_path / "missing" / "x.pdf"),
        )
    with pytest.raises(CommandError, match="Cannot write"):
        call_command(
            "report", "plan", "--framework", "upr-vn-4", "--format", "pdf", "--out", str(tmp_path)
        )


def test_the_real_command_line_exits_non_zero_on_errors(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "camket",
            "report",
            "summary",
            "--framework",
            "upr-vn-4",
            "--format",
            "docx",
            "--out",
            str(tmp_path / "x.docx"),
        ],
        capture_output=True,
        text=True,
        env={"CAMKET_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode != 0
    assert "Unknown kind of report “summary”" in result.stderr  # checked before the database
    help_text = subprocess.run(
        [sys.executable, "-m", "camket", "report", "--help"],
        capture_output=True,
        text=True,
        env={"CAMKET_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"},
    ).stdout
    assert "system export" in " ".join(help_text.split())
