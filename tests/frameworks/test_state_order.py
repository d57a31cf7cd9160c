"""States are ordered by the name the reader sees: a Vietnamese reader finds Mexico before
"Nhật Bản" (Japan) and "Ấn Độ" (India) first, as if unmarked."""

import pytest
from django.utils import translation

from camket.dashboard.filters import state_choices
from camket.frameworks import home_state
from camket.frameworks.models import Framework, Recommendation
from camket.frameworks.search import SearchParams, search
from camket.frameworks.states import StateResolver
from camket.frameworks.views import filter_choices
from tests.personas import make_recommendation

pytestmark = pytest.mark.django_db


@pytest.fixture
def about_states(world):
    """Two published items about Japan and Mexico, recommended by India, Japan and Mexico
    (the personas' published item is recommended by the Philippines)."""
    framework = Framework.objects.create(
        slug="upr-info-1", name="UPR cycle 1", kind="upr_cycle", cycle=1
    )
    resolver = StateResolver()
    for reference, state in (("JPN-1", "Japan"), ("MEX-1", "Mexico")):
        item = make_recommendation(
            framework, reference, "On water.", states=["India", "Japan", "Mexico"]
        )
        Recommendation.objects.filter(pk=item.pk).update(state_under_review=resolver.resolve(state))
    return world


def _sorted_by_state(user, language):
    with translation.override(language):
        found = search(user, SearchParams.from_mapping({"state": "all", "sort": "state"}))
        return [ref for ref in found.values_list("reference", flat=True) if "-1" in ref]


@pytest.mark.parametrize("persona", ["coordinator", "viewer"])
def test_sort_by_state_follows_the_readers_language(about_states, persona):
    user = getattr(about_states, persona)
    assert _sorted_by_state(user, "en") == ["JPN-1", "MEX-1"]
    assert _sorted_by_state(user, "vi") == ["MEX-1", "JPN-1"]


def test_the_filter_lists_order_states_by_the_folded_vietnamese_name(about_states):
    user = about_states.viewer
    params = SearchParams.from_mapping({"state": "all"})
    with translation.override("vi"):
        choices = filter_choices(user, params)
        assert [s.iso3 for s in choices["states"]] == ["IND", "MEX", "JPN", "PHL"]
        assert [s.iso3 for s in choices["states_under_review"]] == ["MEX", "JPN"]
        assert [code for code, _label in state_choices(user)][1:] == ["MEX", "JPN"]
    with translation.override("en"):
        choices = filter_choices(user, params)
        assert [s.iso3 for s in choices["states"]] == ["IND", "JPN", "MEX", "PHL"]
        assert [s.iso3 for s in home_state.states_under_review(Recommendation.objects.all())] == [
            "JPN",
            "MEX",
        ]
