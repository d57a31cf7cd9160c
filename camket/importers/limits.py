"""Limits on what an imported file may unpack to, checked while it is read.

An XLSX or DOCX is a ZIP package: 1 MB on disk can unpack to gigabytes. Its directory states
each member's uncompressed size, and Python's zipfile never inflates a member past the size
its directory states (it stops there and fails the CRC check), so summing those sizes before
anything is opened bounds the memory a parser can use. Rows and cell lengths are counted as
rows stream in, so a file that would exceed them stops being read at the first row too many.

Parsers spend their time per XML element, and openpyxl reads a whole sheet once just to look
for its size when the sheet does not state it; so a package's rows and cells are also counted
from its unpacked bytes (fast: no XML parsing) before a parser opens it. Those counts are a
quick first filter; the readers count rows and cells again, exactly, as they stream them.

The limits are Django settings (`CAMKET_MAX_IMPORT_UNCOMPRESSED_BYTES`,
`CAMKET_MAX_IMPORT_ROWS`, `CAMKET_MAX_IMPORT_CELLS`, `CAMKET_MAX_IMPORT_CELL_CHARS`), read
when a file is imported.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from camket.importers.records import RowError


class LimitExceeded(Exception):
    """The file is over one of the import limits; the message says which, for a person."""

    def __init__(self, message: str, row: int | None = None, column: str | None = None):
        super().__init__(message)
        self.row, self.column = row, column

    def as_row_error(self) -> RowError:
        return RowError(self.row, self.column, str(self))


# How rows and cells start in a package's XML, with any namespace prefix.
XLSX_TAGS = ((b"<row", b":row"), (b"<c ", b"<c>", b"<c/", b":c ", b":c>", b":c/"))
DOCX_TAGS = ((b"<tr ", b"<tr>", b":tr ", b":tr>"), (b"<tc ", b"<tc>", b":tc ", b":tc>"))
_CHUNK = 1 << 20
# What reading a damaged ZIP package raises: a bad directory, or a member's deflate stream
# corrupted (zlib.error) or cut short (EOFError) when it is read.
PACKAGE_DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError)


@dataclass(frozen=True)
class ImportLimits:
    uncompressed_bytes: int
    rows: int
    cells: int
    cell_chars: int

    @classmethod
    def current(cls) -> ImportLimits:
        return cls(
            uncompressed_bytes=settings.CAMKET_MAX_IMPORT_UNCOMPRESSED_BYTES,
            rows=settings.CAMKET_MAX_IMPORT_ROWS,
            cells=settings.CAMKET_MAX_IMPORT_CELLS,
            cell_chars=settings.CAMKET_MAX_IMPORT_CELL_CHARS,
        )

    def check_package(self, source: str | IO[bytes], tags=XLSX_TAGS) -> None:
        """Refuse a ZIP package (XLSX, DOCX) that unpacks to more than the limits allow.

        First from the ZIP directory alone, then by counting row and cell tags in the
        unpacked members, a megabyte at a time. A damaged package raises
        one of PACKAGE_DAMAGE, which the caller reports as it reports any other damage.
        """
        with zipfile.ZipFile(source) as package:
            members = package.infolist()
            total = 0
            for member in members:
                total += member.file_size
                if total > self.uncompressed_bytes:
                    raise LimitExceeded(
                        _(
                            "The file unpacks to more than %(limit)s (“%(member)s” alone is "
                            "%(size)s); larger contents are refused."
                        )
                        % {
                            "limit": filesizeformat(self.uncompressed_bytes),
                            "member": member.filename,
                            "size": filesizeformat(member.file_size),
                        }
                    )
            row_tags, cell_tags = tags
            rows = cells = 0
            for member in members:
                with package.open(member) as stream:
                    while chunk := stream.read(_CHUNK):
                        rows += sum(chunk.count(tag) for tag in row_tags)
                        cells += sum(chunk.count(tag) for tag in cell_tags)
                        self.check_rows(rows, counted=True)
                        self.check_cells(cells)

    def check_rows(self, rows_read: int, counted: bool = False) -> None:
        """Call with the number of rows read so far (header and empty rows included)."""
        if rows_read > self.rows:
            raise LimitExceeded(
                _(
                    "The file has more than %(limit)s rows; larger files are refused: split it "
                    "into smaller ones."
                )
                % {"limit": f"{self.rows:,}"},
                row=None if counted else rows_read,
            )

    def check_cells(self, cells_read: int, row: int | None = None) -> None:
        if cells_read > self.cells:
            raise LimitExceeded(
                _(
                    "The file has more than %(limit)s cells; larger files are refused: split it "
                    "into smaller ones."
                )
                % {"limit": f"{self.cells:,}"},
                row=row,
            )

    def check_cell(self, text: str, row: int | None, column: str | None) -> None:
        if len(text) > self.cell_chars:
            raise LimitExceeded(
                _(
                    "The cell holds %(length)s characters; cells over %(limit)s characters "
                    "are refused."
                )
                % {"length": f"{len(text):,}", "limit": f"{self.cell_chars:,}"},
                row=row,
                column=column,
            )
