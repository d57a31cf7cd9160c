"""Vietnamese words the glossary lacks, and Vietnamese function words, in searches over
English-only items."""

import pytest
from django.urls import reverse

from camket.frameworks.models import Recommendation
from camket.frameworks.search import SearchParams, query_reading, search
from camket.glossary.expansion import parse_query
from tests.personas import make_recommendation


@pytest.fixture
def english_items(world):
    texts = {
        "4.1": "Abolish the death penalty for drug offences.",
        "4.2": "Establish a moratorium on the death penalty.",
        "4.3": "Protect women's rights in employment and inheritance.",
        "4.4": "Ensure that human rights defenders can work without reprisals.",
        "4.5": "Combat trafficking in persons and assist its victims.",
        "4.6": "Raise awareness of the rights of persons with disabilities.",
    }
    return {
        reference: make_recommendation(world.framework, reference, text)
        for reference, text in texts.items()
    }


def _found(user, query: str) -> list[str]:
    results = search(user, SearchParams(q=query, state="all"))
    return sorted(results.values_list("reference", flat=True))


@pytest.mark.parametrize(
    ("query", "known_part", "expected"),
    [
        ("xóa bỏ án tử hình", "án tử hình", "4.1"),
        ("xoa bo an tu hinh", "an tu hinh", "4.1"),
        ("quyền của phụ nữ", "quyền phụ nữ", "4.3"),
        ("quyen cua phu nu", "quyen phu nu", "4.3"),
        ("bảo vệ quyền phụ nữ", "quyền phụ nữ", "4.3"),
        ("bao ve quyen phu nu", "quyen phu nu", "4.3"),
        ("hoạt động nhân quyền", "nhân quyền", "4.4"),
        ("hoat dong nhan quyen", "nhan quyen", "4.4"),
        ("nạn buôn bán người", "buôn bán người", "4.5"),
        ("nan buon ban nguoi", "buon ban nguoi", "4.5"),
    ],
)
def test_a_word_the_glossary_lacks_does_not_empty_the_results(
    english_items, world, query, known_part, expected
):
    found = _found(world.coordinator, query)
    assert expected in found
    assert found == _found(world.coordinator, known_part)
    assert "4.6" not in found


def test_without_a_concept_an_unknown_word_still_empties_the_results(english_items, world):
    assert _found(world.coordinator, "xóa bỏ") == []
    assert _found(world.coordinator, "abolish zanzibar") == []


def test_a_word_some_matching_item_has_still_narrows(english_items, world):
    assert _found(world.coordinator, "án tử hình") == ["4.1", "4.2"]
    assert _found(world.coordinator, "án tử hình drug") == ["4.1"]
    # "persons" is in 4.6, never beside the death penalty: left out, not required.
    assert _found(world.coordinator, "án tử hình persons") == ["4.1", "4.2"]


def test_the_reading_names_the_words_left_out_as_typed(english_items, world):
    reading = query_reading(world.coordinator, SearchParams(q="Xóa bỏ án tử hình"))
    assert reading.ignored == ["xoa", "bo"]
    assert reading.ignored_typed() == "xóa bỏ"
    assert reading.searched_for() == "án tử hình"
    reading = query_reading(world.coordinator, SearchParams(q="án tử hình drug"))
    assert reading.ignored == [] and reading.searched_for() == "án tử hình drug"
    assert query_reading(world.coordinator, SearchParams(q="")) is None


def test_words_left_out_depend_on_what_the_user_may_see(english_items, world):
    make_recommendation(
        world.framework,
        "4.7",
        "Abolish the death penalty in law.",
        status=Recommendation.Status.DRAFT,
    )
    assert _found(world.coordinator, "án tử hình law") == ["4.7"]
    assert _found(world.viewer, "án tử hình law") == ["4.1", "4.2"]
    assert query_reading(world.viewer, SearchParams(q="án tử hình law")).ignored == ["law"]
    assert _found(world.anonymous, "án tử hình law") == []


def test_the_list_page_says_which_words_were_left_out(english_items, world, client):
    client.force_login(world.viewer)
    page = client.get(
        reverse("recommendation-list"), {"q": "xóa bỏ án tử hình <b>", "state": "all"}
    ).content.decode()
    assert "No matching item contains “xóa bỏ b”" in page
    assert "showing the results for “án tử hình”" in page
    page = client.get(
        reverse("recommendation-list"), {"q": "án tử hình", "state": "all"}
    ).content.decode()
    assert "No matching item contains" not in page


@pytest.mark.django_db
def test_function_words_keep_their_marks():
    # vệ (bảo vệ), tụ, đói, đền are content words that fold to the function words về, từ,
    # đối, đến.
    assert parse_query("bảo vệ xyzzy").words == ["bao", "ve", "xyzzy"]
    assert parse_query("tụ đói đền xyzzy").words == ["tu", "doi", "den", "xyzzy"]
    assert parse_query("về từ đối đến xyzzy").words == ["xyzzy"]
    assert parse_query("Của VÀ xyzzy").words == ["xyzzy"]


@pytest.mark.django_db
def test_a_query_without_marks_falls_back_to_folded_function_words():
    assert parse_query("bao ve xyzzy").words == ["bao", "xyzzy"]
    assert parse_query("cua va tu xyzzy").words == ["xyzzy"]
    # One mark anywhere makes the whole query read as typed.
    assert parse_query("bao ve xyzzý").words == ["bao", "ve", "xyzzy"]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["quyền của phụ nữ", "quyen cua phu nu", "quyền của các phụ nữ"])
def test_function_words_inside_a_glossary_phrase_are_skipped(query):
    parsed = parse_query(query)
    assert len(parsed.concepts) == 1 and parsed.words == []
    concept = parsed.concepts[0]
    assert ("quyen", "phu", "nu") in concept.phrases
    assert ("rights", "of", "women") in concept.phrases
    assert concept.typed == query


@pytest.mark.django_db
def test_a_term_spelled_with_a_function_word_still_matches_whole():
    parsed = parse_query("bạo lực đối với phụ nữ")
    assert [concept.words for concept in parsed.concepts] == [
        ("bao", "luc", "doi", "voi", "phu", "nu")
    ]
    assert ("violence", "against", "women") in parsed.concepts[0].phrases


@pytest.mark.django_db
def test_a_function_word_at_the_edge_is_not_part_of_the_concept():
    parsed = parse_query("của phụ nữ và")
    assert [concept.words for concept in parsed.concepts] == [("phu", "nu")]
    assert parsed.words == []


def test_the_scan_without_an_index_leaves_out_the_same_words(english_items, world, monkeypatch):
    from django.db import connection

    from camket.frameworks.scoping import visible_recommendations
    from camket.frameworks.textsearch import read_query

    monkeypatch.setattr(connection, "vendor", "other")  # neither FTS5 nor tsvector
    reading = read_query(visible_recommendations(world.coordinator), "xóa bỏ án tử hình drug")
    assert reading.ignored == ["xoa", "bo"]
    assert list(reading.queryset.values_list("reference", flat=True)) == ["4.1"]
