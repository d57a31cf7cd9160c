"""The state camket is run for (`CAMKET_HOME_STATE`, Viet Nam by default) and which items are
"about" a state. Lists, the API, exports and the treaty status all read it from here.

An item is about a state when its own state under review is that state, or it names none and
its framework's is. Items naming no state under review at all (national programmes,
declarations, strategies) are the home state's own.
"""

from django.conf import settings
from django.db import connection
from django.db.models import Q

from camket.frameworks.item_index import ITEMS
from camket.frameworks.models import Framework, State
from camket.frameworks.state_order import by_label

ALL_STATES = "all"  # the `state` filter value for every state under review


def home_state_code() -> str:
    return (getattr(settings, "CAMKET_HOME_STATE", "") or "VNM").strip().upper()


def home_state() -> State | None:
    """The home state's row; None while camket holds nothing about it (a fresh install)."""
    return state_of_code(home_state_code())


_states_found: dict[tuple[str, str, str], State | None] = {}


def state_of_code(code: str) -> State | None:
    """The state of an ISO3 code, read once per `ITEMS` token (every State save moves it): a
    list page asks for the home state several times, and every page of every reader asks."""
    key = (str(connection.settings_dict.get("NAME")), ITEMS.current(), code)
    if key not in _states_found:
        if len(_states_found) >= 64:
            _states_found.clear()
        _states_found[key] = State.objects.filter(iso3=code).first()
    return _states_found[key]


def about_state_condition(state: State, prefix: str = "") -> Q:
    """Items about `state`; `prefix` reaches the item from another model (`"item__"`)."""
    return Q(**{f"{prefix}state_under_review": state}) | Q(
        **{
            f"{prefix}state_under_review__isnull": True,
            f"{prefix}framework__state_under_review": state,
        }
    )


def home_state_condition(prefix: str = "") -> Q | None:
    """Items of the home state, its own frameworks' items included; None when the home state
    is unknown to the database: every item then counts (an empty list would hide the data of
    an install made for another country)."""
    state = home_state()
    if state is None:
        return None
    return about_state_condition(state, prefix) | Q(
        **{
            f"{prefix}state_under_review__isnull": True,
            f"{prefix}framework__state_under_review__isnull": True,
        }
    )


def normalise_state_code(value: str) -> str:
    """`all`, an upper-case three-letter code, or "" (the default) for anything else."""
    value = (value or "").strip()
    if value.lower() == ALL_STATES:
        return ALL_STATES
    if len(value) == 3 and value.isascii() and value.isalpha():
        return value.upper()
    return ""


def default_state_code(framework_slug: str = "") -> str:
    """What an absent `state` filter means: the chosen framework's state under review when it
    names one (a list of Slovenia's matrix shows Slovenia), else the home state, else every
    state when the home state is unknown to the database."""
    if framework_slug:
        framework = (
            Framework.objects.filter(slug=framework_slug)
            .select_related("state_under_review")
            .first()
        )
        if (
            framework is not None
            and framework.state_under_review is not None
            and framework.state_under_review.iso3
        ):
            return framework.state_under_review.iso3
    return home_state_code() if home_state() is not None else ALL_STATES


def state_condition(code: str, framework_slug: str = "") -> Q | None:
    """The filter of a `state` value (already normalised): None for every state; a condition
    matching nothing for a code camket holds no state of."""
    code = code or default_state_code(framework_slug)
    if code == ALL_STATES:
        return None
    if code == home_state_code():
        return home_state_condition() or Q(pk__in=[])
    state = state_of_code(code)
    return Q(pk__in=[]) if state is None else about_state_condition(state)


def states_under_review(items) -> list[State]:
    """The states the items are about that a `state` filter can name (those with a code),
    by the name the reader sees, the home state left out (the list offers it first anyway)."""
    items = items.order_by()
    return by_label(
        State.objects.filter(
            Q(pk__in=items.values("state_under_review"))
            | Q(pk__in=items.values("framework__state_under_review"))
        )
        .exclude(iso3__isnull=True)
        .exclude(iso3="")
        .exclude(iso3=home_state_code())
    )
