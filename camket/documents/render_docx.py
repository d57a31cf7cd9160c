"""Word drafts (python-docx), on the styles of CAMKET_DOCX_TEMPLATE when a ministry names one."""

from io import BytesIO

from django.conf import settings
from django.utils.translation import gettext as _
from docx import Document

from camket.documents import docx_parts as parts


def _date(value) -> str:
    return value.strftime("%Y-%m-%d") if value else "—"


def _number(value) -> str:
    return "—" if value is None else f"{value:g}"


def new_document():
    if settings.CAMKET_DOCX_TEMPLATE:
        return Document(settings.CAMKET_DOCX_TEMPLATE)
    document = Document()
    for name, font in (
        ("Normal", "Noto Serif"),
        ("Title", "Noto Sans"),
        ("Heading 1", "Noto Sans"),
        ("Heading 2", "Noto Sans"),
        ("Heading 3", "Noto Sans"),
    ):
        document.styles[name].font.name = font
    return document


def title_page(document, heading) -> None:
    parts.draft_mark(document)
    parts.heading(document, heading.kind_title, 0)
    parts.paragraph(document, heading.framework, bold_lead=_("Framework") + ":")
    parts.paragraph(document, heading.language_name, bold_lead=_("Language") + ":")
    parts.paragraph(document, _date(heading.generated_on), bold_lead=_("Generated on") + ":")
    parts.paragraph(document, heading.scope, italic=True)
    parts.page_break(document)


def counts_table(document, first_column: str, counts, total=None) -> None:
    rows = [(count.label, count.count) for count in counts]
    if total is not None:
        rows.append((_("Total"), total))
    parts.table(document, [first_column, _("Count")], rows)


def positions(document, body) -> None:
    parts.heading(document, _("Positions at a glance"), 1)
    counts_table(document, _("Position"), body.counts, body.total)
    if not body.themes:
        parts.paragraph(document, _("No items to show."), italic=True)
    for group in body.themes:
        parts.heading(document, group.theme.title, 1)
        counts_table(document, _("Position"), group.counts)
        for position in group.positions:
            parts.paragraph(document, position.text, bold_lead=position.reference)
            if position.states:
                parts.paragraph(
                    document, ", ".join(position.states), bold_lead=_("Recommending states") + ":"
                )
            answer = position.response_label + (f" — {position.reason}" if position.reason else "")
            parts.paragraph(document, answer, bold_lead=_("Position") + ":")


def plan(document, body) -> None:
    if not body.plans:
        parts.paragraph(document, _("This framework has no plan yet."), italic=True)
    for section in body.plans:
        parts.heading(document, section.title, 1)
        if section.decision_number or section.approved_on:
            approved = _date(section.approved_on) if section.approved_on else ""
            parts.paragraph(
                document,
                " ".join(filter(None, [section.decision_number, approved])),
                bold_lead=_("Decision") + ":",
            )
        if not section.actions:
            parts.paragraph(document, _("This plan has no actions yet."), italic=True)
        if section.actions:
            plan_tables(document, section.actions)
    parts.heading(document, _("Committed items without an action"), 1)
    parts.paragraph(document, ", ".join(body.uncovered) or "—")


def plan_tables(document, actions) -> None:
    parts.heading(document, _("Actions"), 2)
    parts.table(
        document,
        [
            _("Reference"),
            _("Action"),
            _("Lead agency"),
            _("Co-agencies"),
            _("Start date"),
            _("Target date"),
            _("Implementation status"),
            _("Recommendations"),
        ],
        [
            (
                a.reference,
                a.title,
                a.lead,
                ", ".join(a.co_agencies) or "—",
                _date(a.start_on),
                _date(a.target_on),
                a.status_label,
                ", ".join(a.recommendations) or "—",
            )
            for a in actions
        ],
    )
    rows = [
        (a.reference, i.title, i.unit or "—", _number(i.baseline), _number(i.target), i.frequency)
        for a in actions
        for i in a.indicators
    ]
    if rows:
        parts.heading(document, _("Indicators"), 2)
        parts.table(
            document,
            [
                _("Action"),
                _("Indicator"),
                _("Unit"),
                _("Baseline"),
                _("Target"),
                _("Reporting frequency"),
            ],
            rows,
        )


def _share(value) -> str:
    return "—" if value is None else f"{value:.1f}%"


def midterm(document, body) -> None:
    parts.heading(document, _("Summary"), 1)
    headline = body.figures.headline
    parts.table(
        document,
        [_("Implementation status"), _("Items")],
        [(s.label, s.count) for s in headline.segments] + [(_("Total"), headline.total)],
    )
    parts.paragraph(
        document,
        _("Implemented: %(share)s%% of the committed items.")
        % {"share": f"{headline.implemented_share:.1f}"},
    )
    for chart in (body.status_chart, body.theme_chart, body.agency_chart):
        parts.bar_chart(document, chart)
    if not body.themes:
        parts.paragraph(document, _("No items to show."), italic=True)
    for section in body.themes:
        parts.heading(document, section.theme.title, 1)
        if section.counts:
            parts.table(
                document,
                [_("Implementation status"), _("Count"), _("Recommendations")],
                [(c.label, c.count, ", ".join(c.references) or "—") for c in section.counts]
                + [(_("Total"), len(section.items), "")],
            )
        if section.actions:
            midterm_actions(document, section.actions)


def _progress(action) -> str:
    if not action.narrative:
        return _("No accepted progress report yet.")
    return f"{action.narrative}\n({_('Period ending')} {_date(action.narrative_period_end)})"


def midterm_actions(document, actions) -> None:
    parts.heading(document, _("Actions and their latest accepted progress"), 2)
    parts.table(
        document,
        [
            _("Reference"),
            _("Action"),
            _("Lead agency"),
            _("Implementation status"),
            _("Latest accepted progress report"),
        ],
        [
            (
                a.reference,
                a.title + (f" ({', '.join(a.items)})" if a.items else ""),
                a.lead,
                a.status_label,
                _progress(a),
            )
            for a in actions
        ],
    )
    rows = [
        (
            a.reference,
            i.title + (f" ({i.unit})" if i.unit else ""),
            _number(i.baseline),
            _number(i.value),
            _number(i.target),
            _share(i.share_of_target),
        )
        for a in actions
        for i in a.indicators
    ]
    if rows:
        parts.table(
            document,
            [
                _("Action"),
                _("Indicator"),
                _("Baseline"),
                _("Latest value"),
                _("Target"),
                _("Of the target"),
            ],
            rows,
        )


def consultation(document, section) -> None:
    if section is None:
        return
    parts.heading(document, _("Consultation") + f": {section.title}", 1)
    parts.paragraph(
        document,
        f"{_date(section.opens_on)} – {_date(section.closes_on)}",
        bold_lead=_("Open from") + ":",
    )
    if section.summary:
        parts.paragraph(document, section.summary)
    if not section.comments:
        parts.paragraph(document, _("No comments were received."), italic=True)
    for comment in section.comments:
        who = ", ".join(filter(None, [comment.author, comment.organisation]))
        lead = comment.item_reference or _("Whole document")
        parts.paragraph(document, who, bold_lead=lead)
        parts.paragraph(document, comment.text)
        if comment.response:
            parts.paragraph(document, comment.response, bold_lead=_("Response") + ":")


BODIES = {"positions": positions, "plan": plan, "midterm": midterm}


def render(report) -> bytes:
    document = new_document()
    title_page(document, report.heading)
    BODIES[report.kind](document, report.sections[0])
    consultation(document, report.consultation)
    output = BytesIO()
    document.save(output)
    return output.getvalue()
