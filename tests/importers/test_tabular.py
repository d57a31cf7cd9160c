"""Generic CSV/XLSX: columns found by the meaning of their headers, in any order or language."""

from openpyxl import Workbook

from camket.importers.tabular.parse import parse


def _csv(tmp_path, text: str, encoding="utf-8", name="list.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_vietnamese_headers_and_semicolons_are_understood(tmp_path):
    path = _csv(
        tmp_path,
        "Số hiệu;Nội dung khuyến nghị;Quốc gia khuyến nghị;Phản hồi;SDG\n"
        "121.5;Tiếp tục phòng, chống mua bán người;Philippines, Thailand;"
        "Ghi nhận;5.2, 16.2\n",
    )
    result = parse(path)
    assert result.errors == []
    (record,) = result.records
    assert record.reference == "121.5"
    assert record.text == "Tiếp tục phòng, chống mua bán người"
    assert record.response == "noted"
    assert record.sdgs == ["5.2", "16.2"]


def test_windows_1252_file_is_decoded(tmp_path):
    path = _csv(
        tmp_path,
        "Reference,Text\n1,Protect the rights of “street” children – now\n",
        encoding="cp1252",
    )
    (record,) = parse(path).records
    assert record.text == "Protect the rights of “street” children – now"


def test_xlsx_with_columns_in_another_order(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Recommending State/s", "Position", "Recommendation", "Paragraph", "Cycle"])
    sheet.append(["France; Germany", "Supported", "Abolish the death penalty.", 143.1, 4])
    path = tmp_path / "matrix.xlsx"
    workbook.save(path)
    (record,) = parse(path).records
    assert record.reference == "143.1"
    assert record.recommending_states == ["France", "Germany"]
    assert record.cycle == 4 and record.response == "supported"


def test_unknown_column_refuses_the_file_and_names_it(tmp_path):
    path = _csv(tmp_path, "Reference,Text,Budget line\n1,Do it,42\n")
    errors = parse(path).errors
    assert [(e.row, e.column) for e in errors] == [(1, "Budget line")]


def test_repeated_reference_names_both_rows(tmp_path):
    path = _csv(tmp_path, "Reference,Text\n7,First\n7,Second\n")
    (error,) = parse(path).errors
    assert error.row == 3 and "row 2" in error.message


def test_file_without_a_text_column_says_what_it_found(tmp_path):
    path = _csv(tmp_path, "Reference,Budget\n1,2\n")
    assert "No column holds the recommendation text" in parse(path).errors[0].message


def test_truncated_xlsx_is_refused(tmp_path):
    workbook = Workbook()
    workbook.active.append(["Reference", "Text"])
    good = tmp_path / "good.xlsx"
    workbook.save(good)
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    (error,) = parse(broken).errors
    assert "damaged or truncated" in error.message


def test_header_only_file_has_no_recommendations(tmp_path):
    path = _csv(tmp_path, "Reference,Text\n")
    assert "no recommendations" in parse(path).errors[0].message
