"""The home state default of the recommendation search, the `state` switch and the orders."""

import pytest
from django.db.models import Case, FloatField, Value, When

from camket.frameworks import home_state, ordering
from camket.frameworks.models import State
from camket.frameworks.scoping import coordinated_framework_ids
from camket.frameworks.search import SearchParams, search
from tests.frameworks.home_states import make_states_world

WORLD_ITEMS = ["1.1", "1.2", "1.3"]  # the personas' UPR Viet Nam cycle 4: no state named


@pytest.fixture
def states(world):
    return make_states_world(world)


def _found(user, **params) -> list[str]:
    """The references found, in the order the search gives."""
    found = search(user, SearchParams.from_mapping(params))
    return list(found.values_list("reference", flat=True))


def test_the_default_lists_the_home_states_items_and_its_own_frameworks(states):
    found = _found(states.world.coordinator)
    assert set(found) == {*WORLD_ITEMS, "S03-vnm", "S05-vnm", "S05-vnm-draft", "P-1"}
    assert "S02-fra" not in found and "SVN-1" not in found


def test_all_lists_every_state(states):
    found = _found(states.world.coordinator, state="all")
    assert {"S02-fra", "SVN-1", "S05-vnm", "P-1", *WORLD_ITEMS} <= set(found)
    assert len(found) == 9


@pytest.mark.parametrize(
    "code, expected",
    [
        ("FRA", ["S02-fra"]),
        ("fra", ["S02-fra"]),
        (" SVN ", ["SVN-1"]),
        ("VNM", None),  # the same as the default
        ("XYZ", []),  # a code camket holds no state of: nothing, rather than everything
    ],
)
def test_a_state_code_lists_the_items_about_that_state(states, code, expected):
    found = _found(states.world.coordinator, state=code)
    if expected is None:
        assert found == _found(states.world.coordinator)
    else:
        assert found == expected


def test_a_framework_about_another_state_lists_that_states_items_by_default(states):
    assert _found(states.world.coordinator, framework="slovenia-2") == ["SVN-1"]
    assert _found(states.world.coordinator, framework="upr-info-1", state="FRA") == ["S02-fra"]
    params = SearchParams.from_mapping({"framework": "slovenia-2"})
    assert params.state_in_effect() == "SVN"
    assert SearchParams.from_mapping({}).state_in_effect() == "VNM"


def test_a_numeric_state_is_the_old_recommending_state_filter_over_all_states(states):
    mexico = states.fra_session_2.recommending_states.get()
    assert _found(states.world.coordinator, state=str(mexico.pk)) == ["S02-fra"]
    params = SearchParams.from_mapping({"state": str(mexico.pk)})
    assert (params.state, params.recommending_state) == ("all", str(mexico.pk))
    # The new name keeps the home state default: Mexico recommended nothing to Viet Nam.
    assert _found(states.world.coordinator, recommending_state=str(mexico.pk)) == []
    japan = states.svn_item.recommending_states.get()
    assert _found(states.world.coordinator, recommending_state=str(japan.pk)) == ["1.3", "S03-vnm"]
    assert sorted(
        _found(states.world.coordinator, recommending_state=str(japan.pk), state="all")
    ) == ["1.3", "S03-vnm", "SVN-1"]


def test_garbage_in_state_is_the_default(states):
    for value in ("", "Viet Nam", "99999999999999999999", "<b>", "V1N"):
        assert set(_found(states.world.coordinator, state=value)) == set(
            _found(states.world.coordinator)
        ), value


def test_an_unknown_home_state_lists_every_state_by_default(states, settings):
    settings.CAMKET_HOME_STATE = "LAO"  # a real country camket holds nothing about
    assert home_state.home_state() is None
    assert len(_found(states.world.coordinator)) == 9
    assert SearchParams.from_mapping({}).state_in_effect() == "all"
    assert _found(states.world.coordinator, state="LAO") == []
    assert _found(states.world.coordinator, state="VNM") == [
        "S05-vnm",
        "S05-vnm-draft",
        "S03-vnm",
    ]  # no longer home: only what names it


def test_the_home_state_follows_the_setting(states, settings):
    settings.CAMKET_HOME_STATE = "fra"
    found = _found(states.world.coordinator)
    assert "S02-fra" in found and "S05-vnm" not in found
    assert "P-1" in found  # a framework naming no state is the home state's own


def test_each_persona_sees_only_its_scope_within_the_home_state(states):
    world = states.world
    assert set(_found(world.coordinator)) >= {"1.2", "S05-vnm-draft"}
    for persona, drafts in (("officer_a", {"1.3"}), ("officer_b", set()), ("viewer", set())):
        found = set(_found(getattr(world, persona)))
        assert found == {"1.1", "S03-vnm", "S05-vnm", "P-1", *drafts}, persona
    assert _found(world.anonymous) == []
    assert _found(world.viewer, state="all", q="water") and "S05-vnm-draft" not in _found(
        world.viewer, state="all"
    )


def test_newest_first_is_the_default_order(states):
    # cycle 4 (the personas' world), then cycle 2, then cycle 1 by session, then no cycle
    assert _found(states.world.coordinator, state="all") == [
        *WORLD_ITEMS,
        "SVN-1",
        "S05-vnm",
        "S05-vnm-draft",
        "S03-vnm",
        "S02-fra",
        "P-1",
    ]


@pytest.mark.parametrize(
    "sort, expected",
    [
        (
            "oldest",
            ["S02-fra", "S03-vnm", "S05-vnm", "S05-vnm-draft", "SVN-1", *WORLD_ITEMS, "P-1"],
        ),
        # by the name of the state under review (the framework's when the item names none);
        # items about no state come last, newest first
        ("state", ["S02-fra", "SVN-1", "S05-vnm", "S05-vnm-draft", "S03-vnm", *WORLD_ITEMS, "P-1"]),
        # supported first, noted after, undecided last: newest first within each
        (
            "response",
            ["S05-vnm", "S02-fra", "S03-vnm", *WORLD_ITEMS, "SVN-1", "S05-vnm-draft", "P-1"],
        ),
        (
            "status",
            ["1.2", "1.3", "S05-vnm-draft", "1.1", "SVN-1", "S05-vnm", "S03-vnm", "S02-fra", "P-1"],
        ),
        (
            "reference",
            ["P-1", "SVN-1", "S02-fra", "S03-vnm", "S05-vnm", "S05-vnm-draft", *WORLD_ITEMS],
        ),
        ("relevance", None),
        ("nonsense", None),
        ("", None),  # no search words: newest first
    ],
)
def test_each_sort(states, sort, expected):
    found = _found(states.world.coordinator, state="all", sort=sort)
    if expected is None:
        expected = _found(states.world.coordinator, state="all")
    assert found == expected


def test_relevance_is_the_default_with_search_words_and_orders_by_the_annotation(states):
    assert SearchParams.from_mapping({"q": "water"}).sort_in_effect() == "relevance"
    assert SearchParams.from_mapping({"q": "water", "sort": "oldest"}).sort_in_effect() == "oldest"
    assert SearchParams.from_mapping({"q": "  "}).sort_in_effect() == "newest"
    items = search(states.world.coordinator, SearchParams(state="all"))
    scored = items.annotate(
        relevance=Case(
            When(reference="P-1", then=Value(9.0)),
            When(reference="S03-vnm", then=Value(5.0)),
            default=Value(1.0),
            output_field=FloatField(),
        )
    )
    found = list(ordering.ordered(scored, "relevance").values_list("reference", flat=True))
    assert found[:3] == ["P-1", "S03-vnm", "1.1"]  # then the rest, newest first
    # Without the annotation (no text search), relevance is newest first.
    assert list(ordering.ordered(items, "relevance")) == list(items)


def test_like_keeps_its_similarity_order(states):
    like = str(states.vnm_session_5.pk)
    found = _found(states.world.coordinator, like=like, state="all", sort="oldest")
    assert len(found) > 2 and states.vnm_session_5.reference not in found
    assert found == _found(states.world.coordinator, like=like, state="all", sort="reference")
    assert found != _found(states.world.coordinator, state="all", sort="oldest")[: len(found)]


def test_the_home_state_read_once_follows_a_state_added_or_renamed(world, settings):
    settings.CAMKET_HOME_STATE = "LAO"
    assert home_state.home_state() is None
    laos = State.objects.create(iso3="LAO", name="Lao PDR")
    assert home_state.home_state() == laos
    State.objects.filter(pk=laos.pk).update(name="Laos")  # a bulk write sends no signal …
    assert home_state.home_state().name == "Lao PDR"  # … and keeps what was read, until
    State.objects.get(pk=laos.pk).save()  # a save moves the items' token
    assert home_state.home_state().name == "Laos"
    assert home_state.state_of_code("XYZ") is None


def test_the_coordinated_frameworks_read_once_follow_a_framework_handed_over(world):
    coordinator, framework = world.coordinator, world.framework
    assert framework.pk in coordinated_framework_ids(coordinator)
    framework.coordinating_agency = world.agency_a
    framework.save()
    assert framework.pk not in coordinated_framework_ids(coordinator)
