"""The neutral shape every source parser produces, before anything touches the database."""

from __future__ import annotations

from dataclasses import dataclass, field

from camket.lib.vocabulary import (  # noqa: F401  (re-exported for the parsers)
    AFFECTED_PERSONS,
    RESPONSE_ALREADY_IMPLEMENTED,
    RESPONSE_NOTED,
    RESPONSE_SUPPORTED,
    RESPONSE_SUPPORTED_IN_PART,
    SDG,
    UHRI_THEMES,
    UPR_INFO_ISSUES,
)


@dataclass
class RowError:
    """A problem found in the source: `row` counts like a spreadsheet (header = 1)."""

    row: int | None
    column: str | None
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        from django.utils.translation import gettext as _

        where = []
        if self.row is not None:
            where.append(_("row %(row)d") % {"row": self.row})
        if self.column:
            where.append(_("column “%(column)s”") % {"column": self.column})
        prefix = ", ".join(where)
        return f"{prefix}: {self.message}" if prefix else self.message


@dataclass
class ParsedRecommendation:
    row: int
    reference: str
    text: str
    state_under_review: str = ""
    recommending_states: list[str] = field(default_factory=list)
    response: str = ""  # one of the RESPONSE_* constants, or "" when the source has none
    response_raw: str = ""
    response_reason: str = ""
    action_category: int | None = None
    session: int | None = None
    cycle: int | None = None
    source_document: str = ""
    # (taxonomy slug, label as written in the source), e.g. (UPR_INFO_ISSUES, "Women's rights")
    themes: list[tuple[str, str]] = field(default_factory=list)
    affected_persons: list[str] = field(default_factory=list)
    # SDG goal numbers ("5") or target codes ("5.2")
    sdgs: list[str] = field(default_factory=list)
    text_vi: str = ""  # a Vietnamese translation, when the source carries one
    parent: str = ""  # the parent item's reference; "" at the top of the tree
    level: str = ""  # the level as written (key, name in either language, or 1-based number)
    # Where the item sits once the tree is checked (importers/tree.py): its level's index
    tree_level: int | None = None


@dataclass
class FrameworkHint:
    """What the source says about the framework it belongs to, when the user names none."""

    slug: str
    name: str
    kind: str = "upr_cycle"
    cycle: int | None = None
    state_under_review: str = ""
    # More of the framework's fields, when the source carries them (a camket export)
    extra: dict = field(default_factory=dict)
    # Taxonomies the source's labels belong to ({slug, name, name_vi}): created when missing
    taxonomies: list[dict] = field(default_factory=list)
    framework_taxonomies: list[str] = field(default_factory=list)  # slugs


@dataclass
class ParseResult:
    source: str
    records: list[ParsedRecommendation] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    framework_hint: FrameworkHint | None = None
    # The source has a parent and/or level column: it says where each item sits in the tree
    tree_columns: bool = False
    columns: dict[str, str] = field(default_factory=dict)  # field -> the header it came from
