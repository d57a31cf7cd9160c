"""The matrix layout, as OHCHR publishes its thematic lists: "Theme: …" headings, then per item
its paragraph, text, recommending states, position, full list of themes and groups of persons
and SDGs; each item once, under its primary theme.

It also carries what re-creating the framework needs (`About this file`: the framework's
fields, the columns and the taxonomies), so importing it into an empty camket gives back the
same framework and items (importers/camket_matrix). Category lines are written as stored
(code and name), since they are what the import finds categories by; headings and headers
follow the export's language.
"""

import json
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from camket.exports.gather import Gathered
from camket.frameworks.models import Category, Recommendation

MARKER = "camket-export"
LAYOUT = "matrix"
FORMAT_VERSION = "1"
ITEM_PREFIX = "- "
HEADERS = {
    "reference": gettext_lazy("Paragraph"),
    "text": gettext_lazy("Recommendation"),
    "recommending_states": gettext_lazy("Recommending state/s"),
    "response": gettext_lazy("Position"),
    "response_reason": gettext_lazy("Reason for the position"),
    "themes": gettext_lazy("Full list of themes and groups of persons"),
    "sdgs": gettext_lazy("Relevant SDGs"),
    "text_vi": gettext_lazy("Vietnamese translation"),
    "parent": gettext_lazy("Parent"),
    "level": gettext_lazy("Level"),
    "session": gettext_lazy("Session"),
    "action_category": gettext_lazy("Action category"),
    "source_document": gettext_lazy("Source of position"),
}
ALWAYS = ("reference", "text", "themes", "sdgs")


@dataclass
class Matrix:
    title: str
    keys: list[str]
    headers: list[str]
    groups: list[tuple[str, list[list[str]]]]  # (heading, rows of cell texts)
    about: list[tuple[str, str, str]] = field(default_factory=list)  # key, description, value


def category_line(category: Category) -> str:
    return f"{category.code} {category.name}" if category.code else category.name


def themes_cell(categories: list[Category], language: str) -> str:
    lines, current = [], None
    for category in sorted(categories, key=lambda c: (c.taxonomy.name, c.taxonomy_id)):
        if category.taxonomy_id != current:
            current = category.taxonomy_id
            lines.append(f"{taxonomy_label(category.taxonomy, language)}:")
        lines.append(ITEM_PREFIX + category_line(category))
    return "\n".join(lines)


def taxonomy_label(taxonomy, language: str) -> str:
    return taxonomy.name_vi if language == "vi" and taxonomy.name_vi else taxonomy.name


def _values(item: Recommendation, gathered: Gathered, language: str) -> dict[str, str]:
    framework = item.framework
    return {
        "reference": item.reference,
        "text": item.text,
        "recommending_states": "\n".join(s.label(language) for s in gathered.states_of(item)),
        "response": item.get_response_display() if item.response else "",
        "response_reason": item.response_reason,
        "themes": themes_cell(gathered.themes_of(item), language),
        "sdgs": "\n".join(c.label(language) for c in gathered.sdgs_of(item)),
        "text_vi": item.text_vi,
        "parent": gathered.parent_reference(item),
        "level": framework.level_label(item.level, language)
        if len(framework.level_list()) > 1
        else "",
        "session": str(item.session) if item.session is not None else "",
        "action_category": item.get_action_category_display() if item.action_category else "",
        "source_document": item.source_document,
    }


def build(framework, gathered: Gathered, language: str) -> Matrix:
    with translation.override(language):
        values = [(item, _values(item, gathered, language)) for item in gathered.items]
        keys = [
            key
            for key in HEADERS
            if key in ALWAYS
            or (key == "response" and framework.has_response)
            or (key == "recommending_states" and framework.has_recommending_states)
            or (key in ("parent", "level") and len(framework.level_list()) > 1)
            or any(row[key] for _item, row in values)
        ]
        groups: dict[object, tuple[str, list]] = {}
        for item, row in values:
            theme = gathered.primary_theme(item)
            key = theme.pk if theme else None
            if key not in groups:
                heading = (
                    _("Theme: %(theme)s") % {"theme": theme.label(language)}
                    if theme
                    else _("Theme: none given")
                )
                groups[key] = (heading, [])
            groups[key][1].append([row[k] for k in keys])
        no_theme = groups.pop(None, None)  # last, as OHCHR lists what fits no theme
        ordered = [*groups.values(), *([no_theme] if no_theme else [])]
        matrix = Matrix(
            title=_("%(framework)s: thematic list of recommendations")
            % {"framework": framework.label(language)},
            keys=keys,
            headers=[str(HEADERS[k]) for k in keys],
            groups=ordered,
        )
        matrix.about = about_rows(framework, gathered, keys, language)
    return matrix


def about_rows(framework, gathered: Gathered, keys, language) -> list[tuple[str, str, str]]:
    taxonomies = {
        c.taxonomy.slug: c.taxonomy for item in gathered.items for c in gathered.themes_of(item)
    }
    own = list(framework.taxonomies.order_by("slug"))
    taxonomies.update({t.slug: t for t in own})
    rows = [
        (MARKER, _("This file is a camket export; camket can import it again."), LAYOUT),
        ("format_version", _("Version of this layout"), FORMAT_VERSION),
        ("generated_at", _("Written on"), timezone.now().isoformat(timespec="seconds")),
        ("language", _("Language of the headers and labels"), language),
        ("items", _("Number of items"), str(len(gathered.items))),
        ("framework.slug", _("Framework: short name"), framework.slug),
        ("framework.name", _("Framework: name"), framework.name),
        ("framework.name_vi", _("Framework: Vietnamese name"), framework.name_vi),
        ("framework.kind", _("Framework: kind"), framework.kind),
        (
            "framework.cycle",
            _("Framework: UPR cycle"),
            str(framework.cycle) if framework.cycle else "",
        ),
        (
            "framework.state_under_review",
            _("Framework: state under review"),
            framework.state_under_review.name if framework.state_under_review else "",
        ),
        (
            "framework.levels",
            _("Framework: levels of its items (JSON)"),
            json.dumps(framework.levels or [], ensure_ascii=False),
        ),
        (
            "framework.has_response",
            _("Framework: items receive a response"),
            _flag(framework.has_response),
        ),
        (
            "framework.has_recommending_states",
            _("Framework: items name recommending states"),
            _flag(framework.has_recommending_states),
        ),
        (
            "framework.has_indicators",
            _("Framework: items may have indicators"),
            _flag(framework.has_indicators),
        ),
        (
            "framework.starts_on",
            _("Framework: start date"),
            framework.starts_on.isoformat() if framework.starts_on else "",
        ),
        (
            "framework.ends_on",
            _("Framework: end date"),
            framework.ends_on.isoformat() if framework.ends_on else "",
        ),
        ("framework.description", _("Framework: description"), framework.description),
        (
            "framework.taxonomies",
            _("Framework: its taxonomies (JSON)"),
            json.dumps([t.slug for t in own]),
        ),
        ("columns", _("The columns of the table, in order (JSON)"), json.dumps(keys)),
        (
            "taxonomies",
            _("The taxonomies of the themes column (JSON)"),
            json.dumps(
                [
                    {"slug": t.slug, "name": t.name, "name_vi": t.name_vi}
                    for t in sorted(taxonomies.values(), key=lambda t: t.slug)
                ],
                ensure_ascii=False,
            ),
        ),
    ]
    return rows


def _flag(value: bool) -> str:
    return "yes" if value else "no"
