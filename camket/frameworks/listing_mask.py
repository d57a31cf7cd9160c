"""Which items of the in-memory index (`item_index.py`) a list shows: the same rules as
`scoping.visible_recommendations` and `search.search`, applied to the index's columns.

Two things are still asked of the database, since the index does not hold them: the search
words (full-text search) and the opinions (assessments) an agency was asked for. Every rule
here has its SQL twin; tests/frameworks/test_listing_mask.py compares them for every persona.
"""

import numpy as np

from camket.accounts import roles
from camket.frameworks import home_state
from camket.frameworks.item_index import ItemIndex
from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import coordinated_framework_ids
from camket.frameworks.search import COMMITTED, SearchParams
from camket.lib.vocabulary import ACCEPTED_RESPONSES, SDG
from camket.review.models import Assessment

PUBLISHED = Recommendation.Status.PUBLISHED


def visible_mask(index: ItemIndex, user) -> np.ndarray:
    """`scoping.visible_recommendations(user)` over the index."""
    role = roles.role_of(user)
    if role is None:
        return index.nothing()
    if role == roles.Role.ADMINISTRATOR:
        return index.everything()
    published = index.status.equals(PUBLISHED)
    if roles.is_coordinator(user):
        coordinated = list(coordinated_framework_ids(user))
        return published | np.isin(index.framework, coordinated)
    if roles.is_agency_officer(user):
        sent = (
            Assessment.objects.filter(agency=roles.agency_of(user))
            .exclude(state=Assessment.State.WITHDRAWN)
            .values_list("recommendation_id", flat=True)
        )
        return published | index.mask_of(sent)
    return published


def state_mask(index: ItemIndex, params: SearchParams) -> np.ndarray:
    """`search.in_state` over the index: see `home_state.state_condition`."""
    code = params.state or home_state.default_state_code(params.framework)
    if code == home_state.ALL_STATES:
        return index.everything()
    if code == home_state.home_state_code():
        home = home_state.home_state()
        if home is None:
            return index.nothing()
        return (index.effective_state == home.pk) | (index.effective_state == 0)
    state = home_state.state_of_code(code)
    return index.nothing() if state is None else index.effective_state == state.pk


def results_mask(
    index: ItemIndex,
    user,
    params: SearchParams,
    found: np.ndarray | None = None,
    visible: np.ndarray | None = None,
) -> np.ndarray:
    """The items `search.search(user, params)` lists (`like` aside: its order is its own);
    `found` are the items the search words found, when there are search words
    (`index_search.text_search`); `visible`, the user's `visible_mask` when already known."""
    if visible is None:
        visible = visible_mask(index, user)
    mask = visible & state_mask(index, params)
    if found is not None:
        mask &= found
    return mask & filters_mask(index, user, params)


def filters_mask(index: ItemIndex, user, params: SearchParams) -> np.ndarray:
    mask = index.everything()
    frameworks = index.frameworks
    if params.framework:
        chosen = [pk for pk, slug in frameworks.slug.items() if slug == params.framework]
        mask &= np.isin(index.framework, chosen)
    if params.kind:
        chosen = [pk for pk, kind in frameworks.kind.items() if kind == params.kind]
        mask &= np.isin(index.framework, chosen)
    if params.category.isdigit():
        mask &= category_mask(index, int(params.category))
    if params.recommending_state.isdigit():
        linked = index.recommending_states.items_linked_to([int(params.recommending_state)])
        mask &= _positions_mask(index, linked)
    if params.theme.isdigit():
        theme = int(params.theme)
        parents = index.category_info.parent
        mask &= _tagged(index, {theme} | {pk for pk, up in parents.items() if up == theme})
    if params.sdg:
        mask &= _tagged(index, _sdg_categories(index, params.sdg))
    mask &= _response_mask(index, params.response)
    if params.action_category.isdigit():
        mask &= index.action_category == int(params.action_category)
    if params.status:
        mask &= index.status.equals(params.status)
    if params.agency.isdigit() and roles.is_coordinator(user):
        asked = Assessment.objects.filter(agency_id=int(params.agency)).values_list(
            "recommendation_id", flat=True
        )
        coordinated = list(coordinated_framework_ids(user))
        mask &= index.mask_of(asked) & np.isin(index.framework, coordinated)
    if params.cluster.isdigit():
        mask &= index.cluster == int(params.cluster)
    if params.implementation == "none":
        mask &= index.implementation.equals("")
    elif params.implementation:
        mask &= index.implementation.equals(params.implementation)
    if params.translation == "missing":
        mask &= ~index.translated
    elif params.translation == "done":
        mask &= index.translated
    return mask


def _response_mask(index: ItemIndex, response: str) -> np.ndarray:
    if not response:
        return index.everything()
    if response == "none":
        return index.response.equals("")
    if response == "accepted":
        return index.response.among(ACCEPTED_RESPONSES)
    if response == COMMITTED:
        return committed_mask(index)
    return index.response.equals(response)


def committed_mask(index: ItemIndex) -> np.ndarray:
    """`search.committed_condition`: accepted recommendations, and the items with nothing below
    them of frameworks whose items receive no response."""
    answered = [pk for pk, has in index.frameworks.has_response.items() if has]
    with_response = np.isin(index.framework, answered)
    accepted = index.response.among(ACCEPTED_RESPONSES) & with_response
    return accepted | (~with_response & index.leaf)


def category_mask(index: ItemIndex, category: int) -> np.ndarray:
    """`search.in_category_condition`: tagged with the category or one below it."""
    return _tagged(index, _category_and_below(index, category))


def _positions_mask(index: ItemIndex, positions: np.ndarray) -> np.ndarray:
    mask = index.nothing()
    mask[positions] = True
    return mask


def _tagged(index: ItemIndex, categories: set[int]) -> np.ndarray:
    return _positions_mask(index, index.categories.items_linked_to(categories))


def _category_and_below(index: ItemIndex, category: int) -> set[int]:
    """The category, its children and grandchildren (`search.in_category_condition`)."""
    parent = index.category_info.parent
    children = {pk for pk, up in parent.items() if up == category}
    grandchildren = {pk for pk, up in parent.items() if up in children}
    return {category} | children | grandchildren


def _sdg_categories(index: ItemIndex, code: str) -> set[int]:
    info = index.category_info
    return {
        pk
        for pk, slug in info.taxonomy.items()
        if slug == SDG and code in (info.code.get(pk), info.code.get(info.parent.get(pk, 0)))
    }
