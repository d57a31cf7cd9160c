"""Which parser reads a file: decided by its content first, its name second."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from camket.importers.records import ParseResult, RowError
from camket.importers.tabular import parse as tabular
from camket.importers.tabular.reading import XLSX_MAGIC, UnreadableFile, read_table
from camket.importers.upr_info import parse as upr_info

TABLE_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm"}
SUPPORTED = ".csv, .xlsx, .docx"


def parse_file(path: Path, *, raw: bytes | None = None, source_name: str = "") -> ParseResult:
    path = Path(path)
    source_name = source_name or path.name
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
    try:
        table = read_table(Path(source_name), raw)
    except UnreadableFile as error:
        return _refused(str(error))
    if upr_info.looks_like_upr_info(table.headers):
        return upr_info.parse(Path(source_name), raw=raw, source_name=source_name)
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

    return parse(path, source_name=source_name)


def _parse_docx_bytes(raw: bytes, source_name: str) -> ParseResult:
    if not raw.startswith(XLSX_MAGIC):
        return _refused(_("The file is named .docx but is not a Word document."))
    with tempfile.NamedTemporaryFile(suffix=".docx") as handle:
        handle.write(raw)
        handle.flush()
        return _ohchr_parse(Path(handle.name), source_name)


def _refused(message: str) -> ParseResult:
    return ParseResult(source="unknown", errors=[RowError(None, None, message)])
