"""The dashboard's figures: how far what the state committed to, and the plans' actions, have got.

Every figure is an aggregate query over the querysets the user may see (`visible_*`), so an
agency officer's or a viewer's dashboard counts only what they can open. `user=None` means
the whole government, unscoped: the command line uses it.

Items count when the state committed to them and they are not archived: recommendations it
accepted (`ACCEPTED_RESPONSES`) in frameworks whose items receive a response, and every item
of the frameworks whose items receive none (commitments, outputs, tasks…). Their status is the
`implementation` derived from their actions ("none": no action yet). Actions count unless
archived. The figures are of the home state by default, or of another state under review, or
of every state (`filters.item_state_condition`), and can be narrowed to a framework, a kind of
framework and a subject (a category of any taxonomy, its children included:
`plans/matching.py`). Each row and segment carries the URL of the filtered list behind it,
with the same filters.

The figures are built by `item_figures` (headline, frameworks, kinds), `subject_figures`
(themes, subjects, goals) and `agency_figures` (actions, overdue reports), over the sets
`counted` defines; `rows` holds what they are made of.
"""

from dataclasses import asdict, dataclass
from datetime import date

from django.utils import timezone

from camket.accounts import roles
from camket.dashboard import filters, indexed
from camket.dashboard.agency_figures import by_agency, overdue_by_agency
from camket.dashboard.counted import (
    accepted_recommendations,
    counted_actions,
    counted_items,
    framework_choices,
    kind_choices,
    overdue_due_dates,
)
from camket.dashboard.item_figures import Headline, item_figures
from camket.dashboard.overdue_cache import cached_overdue_by_agency_counts
from camket.dashboard.rows import (
    ACCEPTED_FILTER,
    ACTION_STATUSES,
    NO_ACTION,
    OVERDUE,
    RECOMMENDATION_STATUSES,
    Row,
    Segment,
    list_url,
    share,
    status_label,
)
from camket.dashboard.subject_figures import TOP_THEMES, subject_figures
from camket.plans.matching import Concerning

__all__ = [  # what the views, the API, the command line and other apps use from here
    "ACCEPTED_FILTER",
    "ACTION_STATUSES",
    "NO_ACTION",
    "OVERDUE",
    "RECOMMENDATION_STATUSES",
    "Figures",
    "Headline",
    "Row",
    "Segment",
    "accepted_recommendations",
    "as_dict",
    "chosen_state",
    "counted_actions",
    "counted_items",
    "figures",
    "framework_choices",
    "kind_choices",
    "list_url",
    "overdue_due_dates",
    "share",
    "status_label",
]


@dataclass
class Figures:
    state: str  # the state under review's ISO3 code, or "all"
    framework: str  # "" for every framework
    kind: str  # "" for every kind of framework
    category: int | None  # a category's id (its children count too); None for all
    scope: str  # "all" (unscoped) or the user's role
    today: date
    headline: Headline
    by_framework: list[Row]
    by_kind: list[Row]
    by_agency: list[Row]
    by_theme: list[Row]
    by_topic: list[Row]  # the drug and crime taxonomy's subjects
    by_sdg: list[Row]
    overdue_by_agency: list[Row]


def chosen_state(state: str | None, framework: str | None) -> str:
    """The state counted: as asked; else every state for a chosen framework (its items
    already belong to one state), the home state otherwise."""
    if state:
        return state
    return filters.ALL_STATES if framework else filters.home_state_code()


def figures(
    user,
    framework: str | None = None,
    today: date | None = None,
    *,
    kind: str = "",
    category: int | None = None,
    state: str | None = None,
    top_themes: int = TOP_THEMES,
) -> Figures:
    """Everything the dashboard shows, for `user` (None: the whole government), narrowed to
    a state under review (ISO3 or "all"; `chosen_state`), a framework (slug), a kind of
    framework and a category (id, its children included)."""
    concerning = Concerning(framework=framework or "", kind=kind or "", category=category)
    state = chosen_state(state, framework)
    params = {**concerning.params(), "state": state}
    today = today or timezone.localdate()
    index = indexed.current_index()
    items = indexed.counted_mask(index, user, concerning, state)
    actions = counted_actions(user, concerning).filter(filters.action_state_condition(state))
    overdue = cached_overdue_by_agency_counts(user, concerning, today, state=state)
    of_items = item_figures(indexed.status_by_framework(index, items), params)
    of_subjects = subject_figures(indexed.status_by_subject(index, items), params, top_themes)
    return Figures(
        state=state,
        framework=concerning.framework,
        kind=concerning.kind,
        category=concerning.category,
        scope="all" if user is None else str(roles.role_of(user) or "none"),
        today=today,
        headline=of_items.headline,
        by_framework=of_items.by_framework,
        by_kind=of_items.by_kind,
        by_agency=by_agency(actions, params),
        by_theme=of_subjects.by_theme,
        by_topic=of_subjects.by_topic,
        by_sdg=of_subjects.by_sdg,
        overdue_by_agency=overdue_by_agency(overdue, params),
    )


def as_dict(result: Figures) -> dict:
    """The figures as plain JSON-ready data (the date as YYYY-MM-DD)."""
    data = asdict(result)
    data["today"] = result.today.isoformat()
    return data
