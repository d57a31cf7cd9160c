"""Exporting items: which ones (scoped by the caller), which columns, which format and layout.

Views, the API and `camket export` only choose the items (`system_items`, the search of the
signed-in user, the public scope) and call `export_items`.
"""

from dataclasses import dataclass

from django.utils import translation
from django.utils.translation import gettext as _

from camket.exports import columns as catalogue
from camket.exports import opendata, writers
from camket.exports.gather import gather
from camket.exports.matrix import build
from camket.exports.matrix_files import matrix_docx, matrix_xlsx
from camket.frameworks.models import Framework, Recommendation

FORMATS = ("xlsx", "csv", "json", "docx")
LAYOUTS = ("list", "matrix")
CONTENT_TYPES = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class ExportError(ValueError):
    """A request that cannot be exported; the message says why, for a person."""


@dataclass
class ExportFile:
    content: bytes
    content_type: str
    file_name: str


def system_items(framework: Framework):
    """Everything of a framework but its archived items: `camket export` without --user."""
    return Recommendation.objects.filter(framework=framework).exclude(
        status=Recommendation.Status.ARCHIVED
    )


def ordered(items):
    """Kept as the caller ordered them (most similar first…); by framework and entry if not."""
    return items if items.query.order_by else items.order_by("framework_id", "id")


def export_items(
    items,
    *,
    fmt: str,
    framework: Framework | None = None,
    columns=None,
    layout: str = "list",
    language: str = "en",
    actions=None,
    public: bool = False,
    readable=None,
) -> ExportFile:
    """`items`: already scoped; `actions`: the actions the reader may see (for the actions
    column); `framework`: the framework they all belong to (needed by the matrix layout);
    `public`: only the columns the public may read; `readable`: every recommendation the
    reader may see, so a parent is named only if it is one of them (None: only if it is
    exported too)."""
    if fmt not in FORMATS:
        raise ExportError(
            _("Unknown format “%(format)s”: use one of %(formats)s.")
            % {"format": fmt, "formats": ", ".join(FORMATS)}
        )
    if layout not in LAYOUTS:
        raise ExportError(
            _("Unknown layout “%(layout)s”: use list or matrix.") % {"layout": layout}
        )
    if layout == "matrix" and fmt not in ("xlsx", "docx"):
        raise ExportError(_("The matrix layout is written as xlsx or docx only."))
    if layout == "matrix" and framework is None:
        raise ExportError(_("The matrix layout is of one framework: choose a framework."))
    try:
        chosen = catalogue.choose(columns, public=public)
    except catalogue.UnknownColumn as error:
        raise ExportError(
            _("Unknown columns: %(columns)s. Known: %(known)s.")
            % {"columns": error, "known": ", ".join(catalogue.available_keys(public=public))}
        ) from None
    wants_actions = any(column.key == "actions" for column in chosen) and actions is not None
    gathered = gather(ordered(items), actions=actions if wants_actions else None, readable=readable)
    stem = f"camket-{framework.slug}" if framework else "camket-recommendations"
    with translation.override(language):
        if layout == "matrix":
            matrix = build(framework, gathered, language)
            about = _("About this file")
            content = (
                matrix_xlsx(matrix, about_title=about)
                if fmt == "xlsx"
                else matrix_docx(matrix, about_title=about)
            )
            return ExportFile(content, CONTENT_TYPES[fmt], f"{stem}-matrix.{fmt}")
        if fmt == "json":
            content = opendata.json_document(framework, gathered, [c.key for c in chosen])
            return ExportFile(content, CONTENT_TYPES[fmt], f"{stem}.json")
        chosen = catalogue.for_reader(chosen, language)
        headers = [str(column.header) for column in chosen]
        rows = (
            [column.value(item, gathered, language) for column in chosen] for item in gathered.items
        )
        title = framework.label(language) if framework else _("Recommendations")
        content = table_bytes(fmt, title, headers, rows)
    return ExportFile(content, CONTENT_TYPES[fmt], f"{stem}.{fmt}")


def table_bytes(fmt: str, title: str, headers, rows) -> bytes:
    if fmt == "xlsx":
        return writers.xlsx_table(title, headers, rows)
    if fmt == "csv":
        return writers.csv_table(headers, rows)
    if fmt == "docx":
        return writers.docx_table(title, headers, rows)
    raise ExportError(_("Unknown format “%(format)s”.") % {"format": fmt})
