"""The dashboard's filters as the web page, the API and the command line read them: a
framework (slug), a kind of framework and a category (id, of any taxonomy). An unknown one is
refused (404 on the web and the API, an error on the command line), never silently ignored."""

import pycountry
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from camket.dashboard import indexed
from camket.frameworks.home_state import ALL_STATES, home_state_code
from camket.frameworks.models import Category, Framework, State
from camket.frameworks.state_order import by_label
from camket.lib.numbers import positive_int
from camket.lib.vocabulary import DRUGS_CRIME, SDG
from camket.plans.matching import Concerning
from camket.plans.models import Action


class UnknownFilter(ValueError):
    pass


def concerning_from(data) -> Concerning:
    framework = str(data.get("framework") or "").strip()[:80]
    kind = str(data.get("kind") or "").strip()[:20]
    category_text = str(data.get("category") or "").strip()[:20]
    if framework and not Framework.objects.filter(slug=framework).exists():
        raise UnknownFilter(_("No framework has the short name %(slug)s.") % {"slug": framework})
    if kind and kind not in Framework.Kind.values:
        raise UnknownFilter(_("No kind of framework is called %(kind)s.") % {"kind": kind})
    category = positive_int(category_text) if category_text else None
    if category_text and (category is None or not Category.objects.filter(pk=category).exists()):
        raise UnknownFilter(_("No category has the id %(id)s.") % {"id": category_text})
    return Concerning(framework=framework, kind=kind, category=category)


def chosen_category(concerning: Concerning) -> Category | None:
    """The category filtered on, with its taxonomy and the SDG targets it relates to."""
    if not concerning.category:
        return None
    return (
        Category.objects.select_related("taxonomy", "parent")
        .prefetch_related("related_sdgs")
        .get(pk=concerning.category)
    )


def category_choices(user):
    """The categories the filter offers, by taxonomy: every drug and crime subject and SDG
    goal and target, and the other taxonomies' categories that tag an item the user may
    see (with their parents)."""
    with_parents = indexed.tagged_categories(indexed.current_index(), user)
    return (
        Category.objects.filter(Q(taxonomy__slug__in=(DRUGS_CRIME, SDG)) | Q(pk__in=with_parents))
        .select_related("taxonomy")
        .order_by("taxonomy__name", "code", "name")
    )


# --- the state under review ---------------------------------------------------------------
# The dashboard counts the home state's items unless asked for another state or "all". Items
# without a state under review (programme outputs, declaration commitments, strategy tasks)
# are the home government's own commitments: they count for the home state. An item's own
# state comes first; an item without one takes its framework's.


def state_from(data) -> str:
    """`state`: an ISO3 code, "all", or "" when not given (the home state, or every state for
    a chosen framework: `services.chosen_state`). An unknown code is refused like any other
    unknown filter."""
    code = str(data.get("state") or "").strip()[:10]
    if not code.isalpha():  # not a code: a number is the list's old recommending-state filter
        return ""
    if code.lower() == ALL_STATES:
        return ALL_STATES
    code = code.upper()
    if code != home_state_code() and not State.objects.filter(iso3=code).exists():
        raise UnknownFilter(_("No state has the ISO code %(code)s.") % {"code": code})
    return code


def item_state_condition(code: str, prefix: str = "") -> Q:
    """Items (Recommendation rows; through `prefix`, anything pointing at one) of the state.

    Written on the item's own columns (the state's and its frameworks' ids in subqueries), not
    through joins to the states: the index on the state under review then picks the state's
    items out of all the others instead of every item being read."""
    if code == ALL_STATES:
        return Q()
    states = State.objects.filter(iso3=code).values("pk")
    frameworks_of_state = Q(state_under_review__in=states)
    if code == home_state_code():
        frameworks_of_state |= Q(state_under_review__isnull=True)
    frameworks = Framework.objects.filter(frameworks_of_state).values("pk")
    return Q(**{f"{prefix}state_under_review__in": states}) | Q(
        **{f"{prefix}state_under_review__isnull": True, f"{prefix}framework__in": frameworks}
    )


def action_state_condition(code: str) -> Q:
    """Actions of a plan for the state's framework, or implementing one of its items."""
    if code == ALL_STATES:
        return Q()
    plan_state = "plan__framework__state_under_review"
    condition = Q(**{f"{plan_state}__iso3": code})
    if code == home_state_code():
        condition |= Q(**{f"{plan_state}__isnull": True})
    implements = Action.recommendations.through.objects.filter(
        Q(action_id=OuterRef("pk")) & item_state_condition(code, "recommendation__")
    )
    return condition | Exists(implements)


def indicator_state_condition(code: str, prefix: str = "") -> Q:
    """Indicators (through `prefix`, due dates: `"indicator__"`) of an action or an item of the
    state."""
    if code == ALL_STATES:
        return Q()
    actions = Action.objects.filter(action_state_condition(code)).values("pk")
    # The item's condition on the joined item, not "among every item of the state": that list
    # would be built from all the state's items on every count.
    return Q(**{f"{prefix}action__in": actions}) | item_state_condition(
        code, f"{prefix}recommendation__"
    )


def state_choices(user) -> list[tuple[str, str]]:
    """(ISO3, name): the home state first, then the other states whose items the user may
    see."""
    home = home_state_code()
    others = (
        State.objects.filter(pk__in=indexed.reviewed_states(indexed.current_index(), user))
        .exclude(iso3__isnull=True)
        .exclude(iso3__in=("", home))
    )
    language = get_language()
    return [(home, state_label(home))] + [
        (state.iso3, state.label(language)) for state in by_label(others, language)
    ]


def state_label(code: str) -> str:
    """The state's name as camket holds it, else as ISO 3166 gives it."""
    if code == ALL_STATES:
        return _("All states")
    state = State.objects.filter(iso3=code).first()
    if state is not None:
        return state.label(get_language())
    country = pycountry.countries.get(alpha_3=code)
    return country.name if country else code
