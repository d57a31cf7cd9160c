"""Making a report draft: gather its content for a reader, then render it to DOCX or PDF.

The CLI, the web page and the background task all call `make_document`.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from camket.documents import content, midterm, plan, positions, sections

KINDS = {
    "positions": (gettext_lazy("Positions on the recommendations"), positions.build),
    "plan": (gettext_lazy("Implementation plan"), plan.build),
    "midterm": (gettext_lazy("Mid-term implementation report"), midterm.build),
}
FORMATS = ("docx", "pdf")
LANGUAGES = ("vi", "en")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


class UnknownChoice(ValueError):
    pass


def check_choices(kind: str, file_format: str, language: str) -> None:
    if kind not in KINDS:
        raise UnknownChoice(
            _("Unknown kind of report “%(kind)s”: choose one of %(kinds)s.")
            % {"kind": kind, "kinds": ", ".join(KINDS)}
        )
    if file_format not in FORMATS:
        raise UnknownChoice(
            _("Unknown format “%(format)s”: choose docx or pdf.") % {"format": file_format}
        )
    if language not in LANGUAGES:
        raise UnknownChoice(
            _("Unknown language “%(language)s”: choose vi or en.") % {"language": language}
        )


def build_report(kind: str, framework, language: str, user) -> content.Report:
    """The draft's content, in `language`, holding only what `user` (None: the system) sees."""
    title, builder = KINDS[kind]
    with translation.override(language):
        return content.Report(
            kind=kind,
            heading=content.make_heading(framework, str(title), language, user),
            sections=[builder(framework, language, user)],
            consultation=sections.consultation_section(framework, kind, language),
        )


def render(report: content.Report, file_format: str) -> bytes:
    from camket.documents import render_docx, render_pdf

    with translation.override(report.heading.language):
        if file_format == "docx":
            return render_docx.render(report)
        return render_pdf.render(report)


def make_document(
    kind: str, framework, file_format: str, language: str, user, progress=None
) -> bytes:
    """The document's bytes; `progress(percent)` is told how far it got."""
    check_choices(kind, file_format, language)
    report = build_report(kind, framework, language, user)
    if progress:
        progress(40)
    return render(report, file_format)


def file_name(kind: str, framework, file_format: str, language: str) -> str:
    return f"{framework.slug}-{kind}-{language}.{file_format}"
