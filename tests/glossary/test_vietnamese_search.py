"""Vietnamese queries, with and without diacritics, against English-only items."""

import pytest

from camket.frameworks.search import SearchParams, search
from camket.frameworks.taxonomies import CategoryResolver
from camket.glossary.expansion import parse_query
from camket.glossary.models import GlossaryTerm
from tests.personas import make_recommendation


@pytest.fixture
def english_items(world):
    items = {
        "torture": make_recommendation(
            world.framework,
            "2.1",
            "Prevent torture in all places of detention.",
            states=["Germany"],
        ),
        "translate": make_recommendation(
            world.framework,
            "2.2",
            "Translate the treaties and cooperate with Tanzania.",
            states=["United Republic of Tanzania"],
        ),
        "child_text": make_recommendation(
            world.framework,
            "2.3",
            "Strengthen the protection of the rights of the child.",
            states=["Chile"],
        ),
        "child_tag": make_recommendation(
            world.framework,
            "2.4",
            "Raise the minimum age of marriage to 18 for all.",
            states=["Mexico"],
        ),
        "waterboarding": make_recommendation(
            world.framework, "2.5", "Ban waterboarding by the security forces.", states=["Canada"]
        ),
    }
    items["child_tag"].categories.add(
        CategoryResolver().resolve("upr-info-issues", "Rights of the Child")
    )
    return items


def _found(user, query: str, **filters) -> list[str]:
    results = search(user, SearchParams(q=query, **filters))
    return sorted(results.values_list("reference", flat=True))


@pytest.mark.parametrize("query", ["tra tấn", "tra tan", "TRA TẤN", "Tra  tấn!"])
def test_torture_in_vietnamese_finds_torture_not_translate_tanzania(english_items, world, query):
    assert _found(world.coordinator, query) == ["2.1"]


@pytest.mark.parametrize("query", ["quyền trẻ em", "quyen tre em", "Quyền Trẻ Em"])
def test_rights_of_the_child_by_theme_name_and_english_text(english_items, world, query):
    assert _found(world.coordinator, query) == ["2.3", "2.4"]


def test_a_child_of_a_matching_category_counts(english_items, world):
    resolver = CategoryResolver()
    children = resolver.resolve("upr-info-issues", "Rights of the Child")
    item = english_items["waterboarding"]
    sub_theme = children.children.create(taxonomy=children.taxonomy, name="Juvenile courts")
    item.categories.add(sub_theme)
    assert _found(world.coordinator, "quyen tre em") == ["2.3", "2.4", "2.5"]


def test_every_concept_must_match(english_items, world):
    english_items["torture"].categories.add(
        CategoryResolver().resolve("upr-info-issues", "Rights of the Child")
    )
    assert _found(world.coordinator, "tra tấn quyền trẻ em") == ["2.1"]
    assert _found(world.coordinator, "tra tấn của quyền trẻ em") == ["2.1"]


def test_words_no_concept_covers_must_appear_when_some_item_has_them(english_items, world):
    make_recommendation(world.framework, "2.6", "Criminalize torture.")
    assert _found(world.coordinator, "tra tấn") == ["2.1", "2.6"]
    assert _found(world.coordinator, "tra tấn detention") == ["2.1"]
    assert _found(world.coordinator, "translate zanzibar") == []  # no concept: every word counts


def test_only_the_last_word_is_a_prefix(english_items, world):
    assert "2.2" in _found(world.coordinator, "transl")
    assert _found(world.coordinator, "transl tanzania") == []
    assert _found(world.coordinator, "translate tanz") == ["2.2"]


def test_the_vietnamese_text_still_matches_literally(world):
    # 1.1 has the Vietnamese text "… phòng, chống mua bán người." besides its English one.
    assert _found(world.coordinator, "mua bán người") == ["1.1"]
    assert _found(world.coordinator, "mua ban nguoi") == ["1.1"]


def test_a_coordinators_glossary_edit_changes_results(english_items, world):
    assert _found(world.coordinator, "tra tấn") == ["2.1"]
    term = GlossaryTerm.objects.get(term_vi="tra tấn", term_en="torture")
    term.variants_en += "; waterboarding"
    term.save()
    assert _found(world.coordinator, "tra tan") == ["2.1", "2.5"]
    term.archived = True
    term.save()
    assert _found(world.coordinator, "tra tan") == []


def test_a_new_term_makes_a_new_vietnamese_word_searchable(english_items, world):
    assert _found(world.coordinator, "trấn nước") == []
    GlossaryTerm.objects.create(
        term_vi="trấn nước", term_en="waterboarding", domain=GlossaryTerm.Domain.HUMAN_RIGHTS
    )
    assert _found(world.coordinator, "tran nuoc") == ["2.5"]


def test_closer_matches_rank_first(world):
    make_recommendation(
        world.framework,
        "3.1",
        "Investigate every allegation of torture "
        "and ill-treatment, prosecute the perpetrators, provide redress to "
        "victims and train police, prison staff and judges on the standards.",
    )
    make_recommendation(
        world.framework,
        "3.2",
        "Criminalize torture; define torture as in the Convention against Torture.",
    )
    results = search(world.coordinator, SearchParams(q="tra tấn")).order_by("-relevance")
    assert list(results.values_list("reference", flat=True)) == ["3.2", "3.1"]
    scores = list(results.values_list("relevance", flat=True))
    assert scores[0] > scores[1] > 0


def test_category_only_matches_rank_below_text_matches(english_items, world):
    results = search(world.coordinator, SearchParams(q="quyen tre em")).order_by("-relevance")
    ranked = [(r.reference, r.relevance) for r in results]
    assert [reference for reference, _ in ranked] == ["2.3", "2.4"]
    assert ranked[1][1] == 0.0 < ranked[0][1]


def test_relevance_survives_filters_and_distinct(english_items, world):
    germany = english_items["torture"].recommending_states.get()
    results = search(
        world.coordinator,
        SearchParams(q="tra tan", recommending_state=str(germany.pk), state="all", response="none"),
    )
    assert "relevance" in results.query.annotations
    ranked = list(results.order_by("-relevance").values_list("reference", flat=True))
    assert ranked == ["2.1"]
    assert results.count() == 1


def test_no_words_no_relevance(world):
    results = search(world.coordinator, SearchParams(q=" %! "))
    assert "relevance" not in results.query.annotations
    assert results.count() == 3


def test_search_stays_scoped(english_items, world):
    assert _found(world.anonymous, "tra tan") == []
    assert _found(world.viewer, "tra tan") == ["2.1"]


@pytest.mark.django_db
def test_query_parsing_takes_the_longest_phrases():
    parsed = parse_query("Bãi bỏ án tử hình và tra tấn")
    assert [concept.words for concept in parsed.concepts] == [
        ("bai", "bo", "an", "tu", "hinh"),
        ("tra", "tan"),
    ]
    assert ("abolition", "of", "the", "death", "penalty") in parsed.concepts[0].phrases
    assert parsed.words == []
    assert parsed.concepts[-1].at_end
    parsed = parse_query("tra tấn khủng khiếp")
    assert parsed.words == ["khung", "khiep"] and parsed.prefix_word == "khiep"
