"""Which parser reads a file: decided by its content first, its name second.

No parser error escapes: whatever a damaged or hostile file makes a parser raise becomes a
file-level error in the result, so neither `camket import` nor the import page fails on it.
"""

import io
import logging
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from camket.importers.camket_matrix import parse as camket_matrix
from camket.importers.limits import PACKAGE_DAMAGE, LimitExceeded
from camket.importers.records import ParseResult, RowError
from camket.importers.tabular import parse as tabular
from camket.importers.tabular.reading import XLSX_MAGIC, UnreadableFile, read_table
from camket.importers.upr_info import parse as upr_info

logger = logging.getLogger(__name__)
TABLE_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm"}
SUPPORTED = ".csv, .xlsx, .docx"
_MATRIX_MARKER = camket_matrix.MARKER.encode()


def parse_file(
    path: Path, *, raw: bytes | None = None, source_name: str = "", encoding: str | None = None
) -> ParseResult:
    """Parse a file (or its bytes) under the import limits; never raises for a bad file."""
    path = Path(path)
    source_name = source_name or path.name
    try:
        return _parse_file(path, raw, source_name, encoding)
    except LimitExceeded as error:
        return ParseResult(source="unknown", errors=[error.as_row_error()])
    except Exception as error:  # a damaged file nobody foresaw: an error, not a traceback
        logger.warning("Import of %s failed in a parser", source_name, exc_info=True)
        return _refused(
            _("The file could not be read (%(error)s).")
            % {"error": f"{type(error).__name__}: {str(error)[:200]}"}
        )


def _parse_file(path: Path, raw: bytes | None, source_name: str, encoding: str | None):
    size = len(raw) if raw is not None else (path.stat().st_size if path.exists() else -1)
    if size < 0:
        return _refused(_("The file %(path)s does not exist.") % {"path": path})
    limit = settings.CAMKET_MAX_IMPORT_BYTES
    if size > limit:
        return _refused(
            _("The file is %(size)s; files over %(limit)s are refused.")
            % {"size": filesizeformat(size), "limit": filesizeformat(limit)}
        )
    if size == 0:
        return _refused(_("The file is empty."))
    if raw is None and suffix_of(source_name) == ".docx":
        return _parse_docx_file(path, source_name)
    raw = path.read_bytes() if raw is None else raw
    suffix = suffix_of(source_name)
    if suffix == ".docx":
        return _parse_docx_bytes(raw, source_name)
    if suffix not in TABLE_SUFFIXES:
        return _refused(
            _("“%(type)s” files cannot be imported; use %(supported)s.")
            % {"type": suffix or source_name, "supported": SUPPORTED}
        )
    if suffix in (".xlsx", ".xlsm") and not raw.startswith(XLSX_MAGIC):
        return _refused(_("The file is named .xlsx but is not an Excel workbook."))
    if suffix == ".xlsx" and _packed(raw):
        grids = camket_matrix.xlsx_grids(raw)
        if grids is not None:  # a matrix camket exported: read back as written
            return camket_matrix.parse_grids(grids, source_name)
    try:
        table = read_table(Path(source_name), raw, encoding=encoding)
    except UnreadableFile as error:
        return ParseResult(source="unknown", errors=[error.as_row_error()])
    if upr_info.looks_like_upr_info(table.headers):
        return upr_info.parse_table(table, source_name=source_name)
    return tabular.parse_table(table, source_name=source_name)


def suffix_of(name: str) -> str:
    return Path(name).suffix.lower()


def _parse_docx_file(path: Path, source_name: str) -> ParseResult:
    with path.open("rb") as handle:
        if handle.read(4) != XLSX_MAGIC:
            return _refused(_("The file is named .docx but is not a Word document."))
    return _ohchr_parse(path, source_name)


def _ohchr_parse(path: Path, source_name: str) -> ParseResult:
    # Imported here: python-docx is only needed for Word files.
    from camket.importers.ohchr_docx.parse import parse

    if camket_matrix.looks_like_camket_docx(path):
        grids = camket_matrix.docx_grids(path)
        if grids is not None:  # a matrix camket exported: read back as written
            return camket_matrix.parse_grids(grids, source_name)
    return parse(path, source_name=source_name)


def _packed(raw: bytes) -> bool:
    """Whether the export's marker is in the workbook: in its shared strings (a file saved
    by Excel), or in a sheet after the first (as openpyxl writes it, inline)."""
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            parts = [
                name
                for name in package.namelist()
                if name == "xl/sharedStrings.xml"
                or (name.startswith("xl/worksheets/sheet") and name != "xl/worksheets/sheet1.xml")
            ]
            for name in parts:
                with package.open(name) as part:
                    if _MATRIX_MARKER in part.read(50_000_000):
                        return True
    except (*PACKAGE_DAMAGE, OSError, RuntimeError):
        return False
    return False


def _parse_docx_bytes(raw: bytes, source_name: str) -> ParseResult:
    if not raw.startswith(XLSX_MAGIC):
        return _refused(_("The file is named .docx but is not a Word document."))
    with tempfile.NamedTemporaryFile(suffix=".docx") as handle:
        handle.write(raw)
        handle.flush()
        return _ohchr_parse(Path(handle.name), source_name)


def _refused(message: str) -> ParseResult:
    return ParseResult(source="unknown", errors=[RowError(None, None, message)])
