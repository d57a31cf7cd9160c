"""Near-duplicates in a cycle, the same state's earlier cycles, "more like this"."""

import pytest

from camket.frameworks import search
from camket.frameworks.models import Framework
from camket.frameworks.scoping import visible_recommendations
from camket.frameworks.states import StateResolver
from camket.tagging import similarity
from tests.personas import make_recommendation

TORTURE = "Ratify the Optional Protocol to the Convention against Torture"


@pytest.fixture
def cycles(world):
    viet_nam = StateResolver().resolve("Viet Nam")
    world.framework.state_under_review = viet_nam
    world.framework.save()
    earlier = Framework.objects.create(
        slug="upr-vn-3",
        name="UPR Viet Nam cycle 3",
        kind="upr_cycle",
        cycle=3,
        state_under_review=viet_nam,
    )
    other_state = Framework.objects.create(
        slug="upr-th-3", name="UPR Thailand cycle 3", kind="upr_cycle", cycle=3
    )
    return {
        "now": make_recommendation(world.framework, "4.1", TORTURE + "."),
        "twin": make_recommendation(world.framework, "4.2", TORTURE + " (OPCAT)."),
        "unrelated": make_recommendation(world.framework, "4.3", "Build rural roads."),
        "earlier": make_recommendation(
            earlier,
            "3.1",
            "Consider ratifying the Optional Protocol to the Convention against Torture.",
        ),
        "earlier_draft": make_recommendation(earlier, "3.2", TORTURE, status="draft"),
        "elsewhere": make_recommendation(other_state, "3.1", TORTURE + "."),
    }


def test_near_duplicates_are_grouped(cycles, world):
    groups = similarity.near_duplicate_groups(world.framework.recommendations.all())
    assert [{r.reference for r in group} for group in groups] == [{"4.1", "4.2"}]


def test_a_stricter_threshold_separates_them(cycles, world):
    assert (
        similarity.near_duplicate_groups(world.framework.recommendations.all(), threshold=0.99)
        == []
    )


def test_earlier_cycles_of_the_same_state_only(cycles, world):
    visible = visible_recommendations(world.coordinator)
    matches = similarity.earlier_cycles(cycles["now"], visible)
    assert [m.recommendation.reference for m in matches] == ["3.2", "3.1"]
    assert all(0 < m.similarity <= 1 for m in matches)


def test_earlier_cycles_respect_what_the_user_may_see(cycles, world):
    matches = similarity.earlier_cycles(cycles["now"], visible_recommendations(world.viewer))
    assert [m.recommendation.reference for m in matches] == ["3.1"]


def test_alike_items_that_are_not_candidates_do_not_crowd_out_those_that_are(
    cycles, world, monkeypatch
):
    """Only the most alike are looked up among the candidates at first (here the single most
    alike item); the candidates among the rest are then still found, in order."""
    monkeypatch.setattr(similarity, "_FIRST_LOOKUP", 1)
    visible = visible_recommendations(world.coordinator)
    matches = similarity.earlier_cycles(cycles["now"], visible)
    assert [m.recommendation.reference for m in matches] == ["3.2", "3.1"]
    near = similarity.most_similar(cycles["now"], visible.filter(framework=world.framework))
    assert [m.recommendation.reference for m in near] == ["4.2"]


def test_the_index_follows_new_recommendations(cycles, world):
    similarity.near_duplicate_groups(world.framework.recommendations.all())
    make_recommendation(world.framework, "4.4", "Build rural roads and bridges.")
    groups = similarity.near_duplicate_groups(world.framework.recommendations.all())
    assert {"4.3", "4.4"} in [{r.reference for r in g} for g in groups]


def test_more_like_this_in_search_puts_the_closest_first(cycles, world):
    found = list(search.search(world.coordinator, search.SearchParams(like=str(cycles["now"].pk))))
    same_words = {cycles[name] for name in ("twin", "earlier_draft", "elsewhere")}
    assert set(found[:3]) == same_words
    assert found[3] == cycles["earlier"]
    assert cycles["unrelated"] not in found and cycles["now"] not in found


def test_more_like_this_on_a_hidden_recommendation_finds_nothing(cycles, world):
    hidden = cycles["earlier_draft"]
    assert not search.search(world.viewer, search.SearchParams(like=str(hidden.pk))).exists()


def test_near_duplicates_are_per_state_and_do_not_chain(world):
    framework = Framework.objects.create(
        slug="upr-cycle-1", name="UPR cycle 1", kind="upr_cycle", cycle=1
    )
    states = StateResolver()
    made = []
    for state in ("Chile", "Peru"):
        for number, text in enumerate(
            [
                "Abolish the death penalty",
                "Abolish the death penalty in law",
                "Abolish the death penalty in law and in practice for all crimes",
                "Abolish in law and in practice the penalty of corporal punishment for all crimes",
            ]
        ):
            recommendation = make_recommendation(framework, f"{state}-{number}", text)
            recommendation.state_under_review = states.resolve(state)
            recommendation.save()
            made.append(recommendation)
    groups = similarity.near_duplicate_groups(framework.recommendations.all())
    assert len(groups) == 2
    for group in groups:
        assert len({r.state_under_review_id for r in group}) == 1
        assert not any("corporal" in r.text for r in group)


def test_texts_without_words_do_not_break_similarity(world):
    from camket.frameworks.models import Recommendation

    Recommendation.objects.update(text="—")
    assert similarity.near_duplicate_groups(world.framework.recommendations.all()) == []
    assert (
        similarity.most_similar(world.published, visible_recommendations(world.coordinator)) == []
    )


def test_more_like_this_combines_with_filters_that_need_distinct(cycles, world):
    philippines = world.published.recommending_states.get()
    cycles["twin"].recommending_states.add(philippines)
    params = search.SearchParams(
        like=str(cycles["now"].pk), state="all", recommending_state=str(philippines.pk)
    )
    assert list(search.search(world.coordinator, params)) == [cycles["twin"]]


def test_the_index_is_kept_while_texts_stay_and_rebuilt_when_one_changes(cycles):
    index = similarity.current_index()
    cycles["unrelated"].status = "published"
    cycles["unrelated"].save()
    assert similarity.current_index() is index
    cycles["unrelated"].text = "Ratify the Convention against Torture promptly."
    cycles["unrelated"].save()
    rebuilt = similarity.current_index()
    assert rebuilt is not index
    ids, scores = rebuilt.similarities(cycles["unrelated"].pk, [cycles["now"].pk])
    assert list(ids) == [cycles["now"].pk] and scores[0] > similarity.RELATED
