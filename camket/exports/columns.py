"""The columns an export of items may have: a stable key, a translated header, a value.

Values are what a person reads (labels in the export's language); the JSON export has its own
field values (`opendata.py`). Keys are the `columns=` / `--columns` vocabulary.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from camket.exports.gather import Gathered
from camket.frameworks.models import Category, Recommendation, Taxonomy
from camket.lib.bilingual import VIETNAMESE, reader_language

SEPARATOR = "; "


@dataclass(frozen=True)
class Column:
    key: str
    header: str | Promise  # lazy: translated when the export is written
    value: Callable[[Recommendation, Gathered, str], object]  # (item, gathered, language)
    public: bool = True  # may appear in the open data of the public portal


def _labels(categories: list[Category], language: str) -> str:
    return SEPARATOR.join(
        c.label(language) if c.code == "" else f"{c.code} {c.label(language)}" for c in categories
    )


def _level(item, gathered, language):
    return item.framework.level_label(item.level, language)


def _text(item, gathered, language):
    """A Vietnamese reader reads the Vietnamese text where there is one."""
    if reader_language(language) == VIETNAMESE:
        return item.text_vi or item.text
    return item.text


def _choice(field: str):
    def value(item, gathered, language):
        return getattr(item, f"get_{field}_display")() if getattr(item, field) else ""

    return value


COLUMNS: dict[str, Column] = {
    column.key: column
    for column in (
        Column("reference", _("Reference"), lambda i, g, lang: i.reference),
        Column("framework", _("Framework"), lambda i, g, lang: i.framework.label(lang)),
        Column("parent", _("Parent"), lambda i, g, lang: g.parent_reference(i)),
        Column("level", _("Level"), _level),
        Column("text", _("Text"), _text),
        Column("text_vi", _("Vietnamese translation"), lambda i, g, lang: i.text_vi),
        Column(
            "recommending_states",
            _("Recommending states"),
            lambda i, g, lang: SEPARATOR.join(s.label(lang) for s in g.states_of(i)),
        ),
        Column(
            "state_under_review",
            _("State under review"),
            lambda i, g, lang: i.state_under_review.label(lang) if i.state_under_review else "",
        ),
        Column("session", _("Session"), lambda i, g, lang: i.session),
        Column("response", _("Response"), _choice("response")),
        Column(
            "response_reason", _("Reason for the response"), lambda i, g, lang: i.response_reason
        ),
        Column("decided_on", _("Decision date"), lambda i, g, lang: i.decided_on),
        Column("action_category", _("Action category"), _choice("action_category")),
        Column(
            "themes",
            _("Themes and groups of persons"),
            lambda i, g, lang: _labels(g.themes_of(i), lang),
        ),
        Column("sdgs", _("SDGs"), lambda i, g, lang: _labels(g.sdgs_of(i), lang)),
        Column("implementation", _("Implementation"), _choice("implementation")),
        Column("status", _("Status"), _choice("status"), public=False),
        Column("source_document", _("Source document"), lambda i, g, lang: i.source_document),
        Column(
            "actions",
            _("Actions"),
            lambda i, g, lang: SEPARATOR.join(g.actions.get(i.pk, [])),
            public=False,
        ),
    )
}
DEFAULT_KEYS = (
    "reference",
    "framework",
    "parent",
    "text",
    "recommending_states",
    "response",
    "response_reason",
    "themes",
    "sdgs",
    "implementation",
    "source_document",
)
PUBLIC_DEFAULT_KEYS = tuple(key for key in DEFAULT_KEYS if COLUMNS[key].public)
TAXONOMY_PREFIX = "taxonomy:"
# Not a key of the vocabulary: it follows "text" in a Vietnamese sheet (`for_reader`).
ENGLISH_ORIGINAL = Column("english_original", _("English original"), lambda i, g, lang: i.text)


class UnknownColumn(ValueError):
    pass


def taxonomy_column(taxonomy: Taxonomy) -> Column:
    """One taxonomy's categories alone (`taxonomy:SLUG`), e.g. only the groups of persons."""

    def value(item, gathered, language):
        return _labels(
            [c for c in gathered.categories_of(item) if c.taxonomy_id == taxonomy.pk], language
        )

    return Column(TAXONOMY_PREFIX + taxonomy.slug, taxonomy.name, value)


def choose(keys: str | list[str] | None, *, public: bool = False) -> list[Column]:
    """The columns named (comma-separated keys); none named: the defaults. Raises UnknownColumn
    naming what is not a column (or not one the public may have)."""
    if isinstance(keys, str):
        keys = [key.strip() for key in keys.split(",") if key.strip()]
    if not keys:
        keys = PUBLIC_DEFAULT_KEYS if public else DEFAULT_KEYS
    chosen, unknown = [], []
    taxonomies = {t.slug: t for t in Taxonomy.objects.all()}
    for key in dict.fromkeys(keys):
        if key.startswith(TAXONOMY_PREFIX) and key[len(TAXONOMY_PREFIX) :] in taxonomies:
            chosen.append(taxonomy_column(taxonomies[key[len(TAXONOMY_PREFIX) :]]))
        elif key in COLUMNS and (COLUMNS[key].public or not public):
            chosen.append(COLUMNS[key])
        else:
            unknown.append(key)
    if unknown:
        raise UnknownColumn(", ".join(unknown))
    return chosen


def for_reader(chosen: list[Column], language: str) -> list[Column]:
    """The columns of a sheet a person reads: in Vietnamese, "text" shows the Vietnamese text,
    so the English original follows it in a column of its own."""
    if reader_language(language) != VIETNAMESE:
        return chosen
    shown = []
    for column in chosen:
        shown.append(column)
        if column.key == "text":
            shown.append(ENGLISH_ORIGINAL)
    return shown


def available_keys(*, public: bool = False) -> list[str]:
    return [key for key, column in COLUMNS.items() if column.public or not public] + [
        TAXONOMY_PREFIX + slug for slug in Taxonomy.objects.values_list("slug", flat=True)
    ]
