"""The SDG tagger: themes, official target texts and what people confirmed."""

import pytest

from camket.lib.vocabulary import CONFIRMED_SDG_REASON
from camket.tagging.sdgs import ISSUE_SDGS, Neighbour, SdgTagger, sdgs_for_issues
from tests.tagging_texts import training_texts


@pytest.fixture(scope="module")
def tagger():
    return SdgTagger().fit(training_texts().texts)


def test_every_mapped_goal_is_one_of_the_17():
    assert all(1 <= goal <= 17 for goals in ISSUE_SDGS.values() for goal in goals)
    assert sdgs_for_issues(["Trafficking", "Women's rights"]) == [5, 8, 16]
    assert sdgs_for_issues(["UPR process"]) == []


def test_a_confident_theme_gives_its_goals_with_the_theme_as_reason(tagger):
    (tags,) = tagger.tag(["Ensure equal pay for women"], [[("Women's rights", 0.9)]])
    assert tags[0].goal == 5 and tags[0].confidence == 0.9
    assert "Women's rights" in tags[0].reasons


def test_an_unsure_theme_is_not_enough(tagger):
    (tags,) = tagger.tag(["Ensure equal pay for women"], [[("Right to water", 0.3)]])
    assert 6 not in [tag.goal for tag in tags]


def test_target_text_words_find_a_goal_and_its_target_without_any_theme(tagger):
    text = (
        "Achieve universal and equitable access to safe and affordable drinking water "
        "for all, and access to adequate and equitable sanitation and hygiene"
    )
    (tags,) = tagger.tag([text], [[]])
    assert tags[0].goal == 6 and tags[0].target in ("6.1", "6.2")
    assert "water" in " ".join(tags[0].reasons)


def test_every_text_gets_at_least_one_goal(tagger):
    (tags,) = tagger.tag(["Strengthen the judiciary"], [[]])
    assert len(tags) >= 1


def test_close_confirmed_neighbours_outweigh_the_theme_table(tagger):
    text = "Combat trafficking in persons and protect victims of trafficking"
    neighbours = tagger.neighbours(
        [text], ["Combat trafficking in persons and protect the victims of trafficking"], [(8,)]
    )
    assert neighbours[0][0].similarity > 0.5
    (tags,) = tagger.tag([text], [[("Trafficking", 0.95)]], neighbours)
    assert [tag.goal for tag in tags] == [8]
    assert tags[0].reasons[0] == CONFIRMED_SDG_REASON


def test_distant_neighbours_are_ignored(tagger):
    assert tagger.neighbours(["Abolish the death penalty"], ["Build more schools"], [(4,)]) == [[]]
    (tags,) = tagger.tag(
        ["x"], [[("Death penalty", 0.9)]], [[Neighbour(similarity=0.35, goals=(4,))]]
    )
    assert {tag.goal for tag in tags} == {4, 16}


def test_a_text_is_never_its_own_neighbour(tagger):
    text = "Combat trafficking in persons"
    assert tagger.neighbours([text], [text], [(8,)], text_ids=[7], known_ids=[7]) == [[]]
    assert len(tagger.neighbours([text], [text], [(8,)], text_ids=[7], known_ids=[8])[0]) == 1


def test_a_saved_tagger_keeps_only_its_word_weights_and_loads_again(tagger, tmp_path):
    import joblib

    joblib.dump(tagger, tmp_path / "sdg.joblib")
    assert set(tagger.__getstate__()) == {"vectorizer"}
    loaded = joblib.load(tmp_path / "sdg.joblib")
    text = ["Ensure access to safe drinking water and sanitation for all"]
    (before,), (after,) = tagger.tag(text, [[]]), loaded.tag(text, [[]])
    assert [(t.goal, t.target) for t in after] == [(t.goal, t.target) for t in before]
