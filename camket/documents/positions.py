"""The state's positions: each item with its response and reason, grouped by theme."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from camket.documents import content
from camket.frameworks.models import Recommendation

NOT_DECIDED = "none"


@dataclass
class Position:
    reference: str
    text: str
    states: list[str]
    response: str  # "" when not decided yet
    response_label: str
    reason: str


@dataclass
class ThemePositions:
    theme: content.Theme
    counts: list[content.Count]
    positions: list[Position] = field(default_factory=list)


@dataclass
class Positions:
    total: int
    counts: list[content.Count]  # per response, "not decided yet" last
    themes: list[ThemePositions]


def response_counts(positions: list[Position]) -> list[content.Count]:
    counts = []
    for value, label in Recommendation.Response.choices:
        counts.append(
            content.Count(value, str(label), sum(1 for p in positions if p.response == value))
        )
    counts.append(
        content.Count(
            NOT_DECIDED, _("Not yet decided"), sum(1 for p in positions if not p.response)
        )
    )
    return counts


def build(framework, language: str, user) -> Positions:
    items = list(content.items_of(framework, user).prefetch_related("recommending_states"))
    labels = dict(Recommendation.Response.choices)
    themes = content.primary_themes([item.pk for item in items], language)
    by_pk = {}
    for item in items:
        by_pk[item.pk] = Position(
            reference=item.reference,
            text=content.item_text(item, language),
            states=[state.label(language) for state in item.recommending_states.all()],
            response=item.response,
            response_label=str(labels.get(item.response, _("Not yet decided"))),
            reason=item.response_reason,
        )
    groups = []
    for theme, members in content.group_by_theme(items, themes):
        positions = [by_pk[item.pk] for item in members]
        groups.append(
            ThemePositions(theme=theme, counts=response_counts(positions), positions=positions)
        )
    every = list(by_pk.values())
    return Positions(total=len(every), counts=response_counts(every), themes=groups)
