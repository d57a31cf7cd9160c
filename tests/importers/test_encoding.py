"""CSV encodings: Windows-1258 Vietnamese, the UPR Info export's Mac OS Roman, a forced
encoding, and text that cannot be right refused or flagged by row and column."""

import json
import unicodedata

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from camket.frameworks.models import Framework, Recommendation
from camket.importers.detect import parse_file
from camket.importers.encoding import decode
from camket.importers.upr_info.parse import parse as parse_upr_info
from tests.importers import hostile

TEXTS = [
    "Tiếp tục phòng, chống mua bán người và bảo đảm quyền của trẻ em",
    "Đẩy mạnh cải cách tư pháp; tăng cường độc lập của tòa án",
    "Xem xét gia nhập Công ước về quyền của người lao động di trú",
]


@pytest.fixture
def framework(db):
    return Framework.objects.get_or_create(
        slug="upr-vn-4", defaults={"name": "UPR Viet Nam 4", "kind": "upr_cycle"}
    )[0]


def test_windows_1258_vietnamese_is_detected_composed_and_named(tmp_path):
    path = hostile.csv_cp1258(tmp_path / "vn.csv")
    assert b"Ti\xea\xecp" in path.read_bytes()  # "ế" written as "ê" + a combining acute
    result = parse_file(path)
    assert result.errors == []
    assert [r.text for r in result.records] == TEXTS
    assert all(unicodedata.is_normalized("NFC", r.text) for r in result.records)
    assert result.records[1].recommending_states == ["Thụy Điển"]
    assert "Windows-1258" in result.warnings[0].message


def test_short_vietnamese_cell_in_an_english_file_still_reads_as_windows_1258(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes(hostile.encode_cp1258("Reference,Text\n1,Bảo vệ nhà báo ở Việt Nam\n"))
    (record,) = parse_file(path).records
    assert record.text == "Bảo vệ nhà báo ở Việt Nam"


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1", "mac_roman"])
def test_western_files_are_not_taken_for_vietnamese(tmp_path, encoding):
    text = 'Reference,Text\n1,"São Tomé e Príncipe: informações, può, così, Côte d\'Ivoire"\n'
    path = tmp_path / "list.csv"
    path.write_bytes(text.encode(encoding))
    (record,) = parse_file(path).records
    assert record.text == "São Tomé e Príncipe: informações, può, così, Côte d'Ivoire"


@pytest.mark.shared_data
def test_the_real_upr_info_export_is_mac_roman_and_holds_no_control_characters(shared_data):
    result = parse_upr_info(shared_data / "upr-info" / "upr-info-1-5.csv")
    texts = " ".join(r.text for r in result.records)
    assert "Hissène Habré" in texts and "Instance Equité" in texts
    assert not any("\x80" <= c <= "\x9f" for c in texts)
    assert "Mac OS Roman" in result.warnings[0].message


def test_forced_encoding_is_used_and_a_wrong_one_is_named_with_its_line(tmp_path, framework):
    path = hostile.csv_cp1258(tmp_path / "vn.csv")
    forced = parse_file(path, encoding="cp1258")
    assert [r.text for r in forced.records] == TEXTS and forced.warnings == []
    (error,) = parse_file(path, encoding="utf-8").errors
    assert "not in UTF-8" in error.message and "line 1" in error.message
    (error,) = parse_file(path, encoding="klingon").errors
    assert "“klingon” is not a known text encoding" in error.message


def test_cli_encoding_option(tmp_path, framework, capsys):
    path = tmp_path / "vn.csv"
    path.write_bytes(hostile.encode_cp1258("Reference,Text\n1,Bảo vệ quyền của người lao động\n"))
    call_command("import", str(path), "--framework", "upr-vn-4", "--encoding", "cp1258", "--json")
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last == {"created": 1, "updated": 0, "unchanged": 0, "errors": []}
    assert Recommendation.objects.get(reference="1").text == "Bảo vệ quyền của người lao động"
    with pytest.raises(CommandError):
        call_command("import", str(path), "--framework", "upr-vn-4", "--encoding", "nope", "--json")
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert "not a known text encoding" in last["errors"][0]["message"]


def test_web_form_offers_the_encoding_and_confirm_keeps_it(client, world):
    client.force_login(world.coordinator)
    raw = hostile.encode_cp1258("Reference,Text\n1,Bảo vệ nhà báo\n")
    response = client.post(
        "/imports/",
        {"file": SimpleUploadedFile("vn.csv", raw), "framework": "upr-vn-4", "encoding": "cp1258"},
    )
    assert response.context["preview"].ok and response.context["preview"].warnings == []
    token = client.session["camket_pending_import"]["token"]
    client.post("/imports/", {"confirm": "1", "token": token})
    assert Recommendation.objects.get(framework__slug="upr-vn-4", reference="1").text == (
        "Bảo vệ nhà báo"
    )


def test_replacement_and_control_characters_are_errors_with_row_and_column(tmp_path):
    path = tmp_path / "list.csv"
    path.write_bytes("Reference,Text\n1,Fine\n2,Vi\ufffdt Nam\n".encode())
    (error,) = parse_file(path).errors
    assert (error.row, error.column) == (3, "Text") and "\ufffd" in error.message
    path.write_bytes("Reference,Text\n1,“Quoted” text\n".encode("cp1252"))
    (error,) = parse_file(path, encoding="latin-1").errors  # 0x93 is a control in Latin-1
    assert (error.row, error.column) == (2, "Text") and "U+0093" in error.message


def test_mojibake_is_a_warning_naming_row_and_column(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text("Reference,Text\n1,Protect journalists in Viá»‡t Nam\n2,Fine\n")
    result = parse_file(path)
    assert result.errors == [] and len(result.records) == 2
    (warning,) = result.warnings
    assert (warning.row, warning.column) == (2, "Text") and "á»‡" in warning.message


def test_decomposed_utf8_text_is_stored_composed(tmp_path):
    path = tmp_path / "list.csv"
    path.write_text(unicodedata.normalize("NFD", "Reference,Text\n1,Quyền trẻ em\n"))
    (record,) = parse_file(path).records
    assert record.text == "Quyền trẻ em" and unicodedata.is_normalized("NFC", record.text)


def test_utf16_and_bom_files_still_decode():
    assert decode("Text\nQuyền\n".encode("utf-16")).text == "Text\nQuyền\n"
    assert decode(b"\xef\xbb\xbfText\n").encoding == "utf-8-sig"
