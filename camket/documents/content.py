"""What every report draft shares: its heading, the reader's scope and the items' themes.

A reader is a user (the draft holds only what they may open) or None: a system export of the
whole framework, drafts included, archived records left out.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from camket.accounts.models import Agency
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.lib import bilingual
from camket.lib.vocabulary import DRUGS_CRIME, UHRI_THEMES, UPR_INFO_ISSUES

# Where an item's theme is read from, in this order of preference.
THEME_TAXONOMIES = (UPR_INFO_ISSUES, UHRI_THEMES, DRUGS_CRIME)
NO_THEME = 0


@dataclass
class Heading:
    framework: str
    kind_title: str
    language: str  # "vi" or "en"
    language_name: str
    generated_on: date
    scope: str  # who the draft was made for


@dataclass
class Count:
    key: str
    label: str
    count: int


@dataclass
class Theme:
    key: int  # a category id; NO_THEME for items without a theme
    title: str


@dataclass
class Report:
    kind: str
    heading: Heading
    consultation: object = None  # see sections.consultation_section
    sections: list = field(default_factory=list)


def language_name(language: str) -> str:
    return _("Vietnamese") if language == "vi" else _("English")


def make_heading(framework: Framework, kind_title: str, language: str, user) -> Heading:
    if user is None:
        scope = _("System export: every item of the framework except archived ones.")
    else:
        scope = _("As %(name)s may see it.") % {"name": user.get_full_name() or user.username}
    return Heading(
        framework=framework.label(language),
        kind_title=kind_title,
        language=language,
        language_name=language_name(language),
        generated_on=timezone.localdate(),
        scope=scope,
    )


def items_of(framework: Framework, user) -> QuerySet[Recommendation]:
    """The framework's items the reader may see, archived ones left out."""
    queryset = Recommendation.objects.all() if user is None else visible_recommendations(user)
    return queryset.filter(framework=framework).exclude(status=Recommendation.Status.ARCHIVED)


def item_text(item: Recommendation, language: str) -> str:
    return item.text_vi if language == "vi" and item.text_vi else item.text


def agency_name(agency: Agency | None, language: str) -> str:
    if agency is None:
        return ""
    return bilingual.text(agency, language)


def primary_themes(item_ids, language: str) -> dict[int, Theme]:
    """Each item's primary theme: its first theme tag (the earliest attached, in the
    preferred taxonomy), a sub-theme counting as its parent theme. Items without one are
    left out of the result."""
    links = (
        Recommendation.categories.through.objects.filter(
            recommendation_id__in=list(item_ids), category__taxonomy__slug__in=THEME_TAXONOMIES
        )
        .select_related("category", "category__parent", "category__taxonomy")
        .order_by("id")
    )
    rank = {slug: index for index, slug in enumerate(THEME_TAXONOMIES)}
    best: dict[int, tuple[int, object]] = {}
    for link in links:
        preference = rank[link.category.taxonomy.slug]
        if link.recommendation_id not in best or preference < best[link.recommendation_id][0]:
            best[link.recommendation_id] = (preference, link.category)
    themes = {}
    for item_id, (_preference, category) in best.items():
        top = category.parent or category
        themes[item_id] = Theme(key=top.pk, title=top.label(language))
    return themes


def no_theme() -> Theme:
    return Theme(key=NO_THEME, title=_("No theme"))


def group_by_theme(items, themes: dict[int, Theme]) -> list[tuple[Theme, list]]:
    """`items` (with `.pk`) grouped by primary theme, themes by title, "No theme" last;
    within a theme, items keep their order."""
    groups: dict[int, tuple[Theme, list]] = {}
    for item in items:
        theme = themes.get(item.pk) or no_theme()
        groups.setdefault(theme.key, (theme, []))[1].append(item)
    return sorted(
        groups.values(), key=lambda group: (group[0].key == NO_THEME, group[0].title.casefold())
    )
