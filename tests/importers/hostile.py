"""Hostile and badly encoded files, made when a test (or benchmarks/hostile_files.py) runs.

Nothing here is committed as a binary: each builder writes its file into the folder it is
given. A file that unpacks to hundreds of megabytes is built in well under a second, with
little memory (see `_package`). `build_all` makes the set the issue describes.
"""

from __future__ import annotations

import io
import struct
import unicodedata
import zipfile
import zlib
from pathlib import Path

SHEET = "xl/worksheets/sheet1.xml"
DOCUMENT = "word/document.xml"
_SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b"<sheetData>"
)
_SHEET_TAIL = b"</sheetData></worksheet>"
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_DOC_HEAD = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="{_W}"><w:body>'
).encode()
_DOC_TAIL = b"</w:body></w:document>"
CHUNK = 1 << 20


def _inline(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def _header_row() -> bytes:
    return b'<row r="1">' + _inline("A1", "Reference") + _inline("B1", "Text") + b"</row>"


def _template(kind: str) -> bytes:
    """A minimal valid package made by the library that writes such files."""
    buffer = io.BytesIO()
    if kind == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        workbook.active.append(["Reference", "Text"])
        workbook.save(buffer)
    else:
        import docx

        docx.Document().save(buffer)
    return buffer.getvalue()


def _package(
    path: Path,
    kind: str,
    member: str,
    head: bytes,
    unit: bytes = b"",
    count: int = 0,
    tail: bytes = b"",
) -> Path:
    """Copy the template package, with `member` = head + unit * count + tail.

    The repeated part is compressed once and its compressed bytes repeated (a full flush
    makes each copy independent), so a member of hundreds of megabytes is written in well
    under a second; the ZIP is written by hand because zipfile would compress it all.
    """
    template = zipfile.ZipFile(io.BytesIO(_template(kind)))
    members = [
        (i.filename, template.read(i.filename)) for i in template.infolist() if i.filename != member
    ]
    with path.open("wb") as out:
        directory = []
        for name, data in members:
            offset = out.tell()
            compressed = _deflate(data)
            out.write(_local_header(name, zlib.crc32(data), len(compressed), len(data)))
            out.write(compressed)
            directory.append((name, zlib.crc32(data), len(compressed), len(data), offset))
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        first = compressor.compress(head) + compressor.flush(zlib.Z_FULL_FLUSH)
        repeated = compressor.compress(unit) + compressor.flush(zlib.Z_FULL_FLUSH)
        last = compressor.compress(tail) + compressor.flush()
        crc = zlib.crc32(head)
        for _ in range(count):
            crc = zlib.crc32(unit, crc)
        crc = zlib.crc32(tail, crc)
        size = len(head) + len(unit) * count + len(tail)
        compressed_size = len(first) + len(repeated) * count + len(last)
        offset = out.tell()
        out.write(_local_header(member, crc, compressed_size, size))
        out.write(first)
        for _ in range(count):
            out.write(repeated)
        out.write(last)
        directory.append((member, crc, compressed_size, size, offset))
        start = out.tell()
        for name, crc, compressed_size, size, offset in directory:
            encoded = name.encode()
            out.write(
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0,
                    crc,
                    compressed_size,
                    size,
                    len(encoded),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )
            )
            out.write(encoded)
        end = out.tell()
        out.write(
            struct.pack(
                "<IHHHHIIH", 0x06054B50, 0, 0, len(directory), len(directory), end - start, start, 0
            )
        )
    return path


def _deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def _local_header(name: str, crc: int, compressed_size: int, size: int) -> bytes:
    encoded = name.encode()
    return (
        struct.pack(
            "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, compressed_size, size, len(encoded), 0
        )
        + encoded
    )


def xlsx_many_rows(path: Path, rows: int = 2_000_000) -> Path:
    """The issue's zip bomb: well under 1 MB, unpacking to `rows` rows."""
    row = b'<row><c/><c t="inlineStr"><is><t>Protect journalists.</t></is></c></row>'
    per_unit = 1000
    return _package(
        path,
        "xlsx",
        SHEET,
        _SHEET_HEAD + _header_row(),
        row * per_unit,
        (rows - 1) // per_unit,
        _SHEET_TAIL,
    )


def xlsx_huge_cell(path: Path, chars: int = 600_000_000) -> Path:
    """The issue's second file: one cell of `chars` characters, well under 1 MB zipped."""
    head = _SHEET_HEAD + _header_row() + b'<row r="2"><c r="B2" t="inlineStr"><is><t>'
    tail = b"a" * (chars % CHUNK) + b"</t></is></c></row>" + _SHEET_TAIL
    return _package(path, "xlsx", SHEET, head, b"a" * CHUNK, chars // CHUNK, tail)


def xlsx_broken_sheet(path: Path) -> Path:
    """A sheet whose XML breaks off in the middle of its second row."""
    broken = (
        _SHEET_HEAD
        + _header_row()
        + b'<row r="2">'
        + _inline("A2", "1")
        + b'<c r="B2" t="inlineStr"><is><t>Protect journalists.</t></is></c><<</sheetData>'
    )
    return _package(path, "xlsx", SHEET, broken)


def xlsx_wide_row(path: Path) -> Path:
    """A row with a cell in Excel's last column (XFD): every row would be 16,384 cells wide."""
    sheet = _SHEET_HEAD + _header_row() + b'<row r="2">' + _inline("XFD2", "x") + b"</row>"
    return _package(path, "xlsx", SHEET, sheet + _SHEET_TAIL)


def docx_bomb(path: Path, megabytes: int = 400) -> Path:
    """A Word file whose document part unpacks to `megabytes` MB of one repeated paragraph."""
    paragraph = f"<w:p><w:r><w:t>{'x' * 1000}</w:t></w:r></w:p>".encode() * 1000
    return _package(
        path,
        "docx",
        DOCUMENT,
        _DOC_HEAD,
        paragraph,
        megabytes * (1 << 20) // len(paragraph),
        _DOC_TAIL,
    )


def docx_many_rows(path: Path, rows: int = 200_000) -> Path:
    """A Word table of `rows` short rows: a few MB unpacked, more rows than any real matrix."""
    row = b"<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr>" * 1000
    return _package(
        path, "docx", DOCUMENT, _DOC_HEAD + b"<w:tbl>", row, rows // 1000, b"</w:tbl>" + _DOC_TAIL
    )


def docx_broken(path: Path) -> Path:
    """A Word file whose document XML is cut off."""
    return _package(path, "docx", DOCUMENT, _DOC_HEAD + b"<w:p><w:r><w:t>Recommend")


VIETNAMESE_CSV = (
    "Số hiệu,Nội dung khuyến nghị,Quốc gia khuyến nghị,Phản hồi,Chu kỳ\n"
    '121.5,"Tiếp tục phòng, chống mua bán người và bảo đảm quyền của trẻ em",Philippines,'
    "Ghi nhận,4\n"
    "121.6,Đẩy mạnh cải cách tư pháp; tăng cường độc lập của tòa án,Thụy Điển,Ủng hộ,4\n"
    "121.7,Xem xét gia nhập Công ước về quyền của người lao động di trú,Ấn Độ,Ghi nhận,4\n"
)
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"


def encode_cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters, then the tone mark as its own byte."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        tones = "".join(c for c in parts if c in _TONE_MARKS)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
        out += (base + tones).encode("cp1258")
    return bytes(out)


def csv_cp1258(path: Path, text: str = VIETNAMESE_CSV) -> Path:
    path.write_bytes(encode_cp1258(text).replace(b"\n", b"\r\n"))
    return path


def build_all(folder: Path) -> dict[str, Path]:
    """Every hostile file, by name: what the benchmark and the end-to-end tests import."""
    folder.mkdir(parents=True, exist_ok=True)
    return {
        "xlsx: 2,000,000 rows": xlsx_many_rows(folder / "many-rows.xlsx"),
        "xlsx: one 600 MB cell": xlsx_huge_cell(folder / "huge-cell.xlsx"),
        "xlsx: broken sheet XML": xlsx_broken_sheet(folder / "broken-sheet.xlsx"),
        "xlsx: a row 16,384 cells wide": xlsx_wide_row(folder / "wide-row.xlsx"),
        "docx: 400 MB document part": docx_bomb(folder / "bomb.docx"),
        "docx: 200,000 table rows": docx_many_rows(folder / "many-rows.docx"),
        "docx: broken document XML": docx_broken(folder / "broken.docx"),
        "csv: Windows-1258 Vietnamese": csv_cp1258(folder / "vietnamese-cp1258.csv"),
    }
