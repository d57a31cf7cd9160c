"""The list's counts, facets, choices and pages come from the in-memory index: they must be
exactly what the database says `search.search` lists, for every persona and filter, with
sources mixed (UPR Info, an OHCHR matrix, a national programme, bare items)."""

import csv
from collections import Counter

import pytest
from django.test import Client

from camket.frameworks import home_state
from camket.frameworks.item_index import current_index
from camket.frameworks.models import Category, Framework, Recommendation, State
from camket.frameworks.results import Results, filter_choices
from camket.frameworks.scoping import visible_recommendations
from camket.frameworks.search import SearchParams, in_state, search
from camket.frameworks.state_order import by_label
from camket.importers.service import import_file
from camket.lib.vocabulary import SDG
from camket.review.models import Cluster
from tests.personas import make_recommendation, make_user, make_world

pytestmark = pytest.mark.django_db


def _upr_info_sample(shared_data, folder, rows: int = 700):
    """The first rows of the shared UPR Info export (every state under review, responses and
    themes of the real file), small enough to compare item by item."""
    source = shared_data / "upr-info" / "upr-info-1-5.csv"
    with source.open(encoding="mac_roman", newline="") as handle:
        lines = list(csv.reader(handle))[: rows + 1]
    sample = folder / "upr-info-sample.csv"
    with sample.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(lines)
    return sample


@pytest.fixture
def mixed(shared_data, tmp_path):
    world = make_world(drug_programme=True)
    for path in (
        _upr_info_sample(shared_data, tmp_path),
        shared_data / "ohchr-thematic-lists" / "slovenia-cycle4-upr48.docx",
    ):
        assert import_file(path, publish=True).ok
    bare = Framework.objects.create(slug="bare", name="Bare", kind="strategy")
    make_recommendation(bare, "B.1", "An item lacking every optional field.")
    make_recommendation(bare, "B.2", "A draft lacking them too.", status="draft")
    cluster = Cluster.objects.create(framework=world.framework, title="Trafficking")
    Recommendation.objects.filter(pk=world.published.pk).update(cluster=cluster)
    world.published.refresh_from_db()
    admin = make_user("admin-user", "admin", None)
    return world, admin, cluster


def _personas(world, admin):
    return [
        admin,
        world.coordinator,
        world.mps_coordinator,
        world.officer_a,
        world.officer_b,
        world.viewer,
        world.anonymous,
    ]


def _param_sets(world, cluster) -> list[dict]:
    some_state = State.objects.filter(recommended__isnull=False).order_by("pk").first()
    theme = Category.objects.exclude(taxonomy__slug=SDG).filter(children__isnull=False).first()
    child_theme = Category.objects.exclude(taxonomy__slug=SDG).filter(parent__isnull=False).first()
    sets = [
        {},
        {"state": "all"},
        {"state": "SVN"},
        {"state": "VNM"},
        {"state": "XXX"},
        {"framework": "upr-vn-4"},
        {"framework": "drug-programme"},
        {"kind": "programme", "state": "all"},
        {"response": "supported", "state": "all"},
        {"response": "noted", "state": "all"},
        {"response": "none", "state": "all"},
        {"response": "accepted", "state": "all"},
        {"response": "committed", "state": "all"},
        {"status": "draft", "state": "all"},
        {"action_category": "5", "state": "all"},
        {"implementation": "none", "state": "all"},
        {"translation": "missing", "state": "all"},
        {"translation": "done"},
        {"recommending_state": str(some_state.pk), "state": "all"},
        {"sdg": "16", "state": "all"},
        {"cluster": str(cluster.pk)},
        {"agency": str(world.agency_a.pk)},
        {"q": "torture", "state": "all"},
        {"q": "quyền", "state": "all"},
        {"q": "quyen tre em", "state": "all"},
        {"q": "án tử hình", "state": "all"},
        {"q": "Xóa bỏ án tử hình", "state": "all"},
        {"q": "tra tấn women", "state": "all"},
        {"q": "án tử hình abolish", "state": "all"},
        {"q": "án tử hình moratorium"},
        {"q": "human rights defend"},
        {"q": "trafficking", "response": "supported", "state": "all"},
        {"like": str(world.published.pk), "state": "all"},
    ]
    if theme is not None:
        sets += [{"theme": str(theme.pk), "state": "all"}, {"category": str(theme.pk)}]
    if child_theme is not None:
        sets.append({"theme": str(child_theme.pk), "state": "all"})
    for sort in ("newest", "oldest", "state", "response", "status", "implementation", "reference"):
        sets.append({"state": "all", "sort": sort})
    sets.append({"q": "women", "state": "all", "sort": "oldest"})
    return sets


def _expected_facets(items: list[Recommendation]) -> dict:
    links_states = Recommendation.recommending_states.through.objects.filter(
        recommendation__in=items
    )
    links_categories = Recommendation.categories.through.objects.filter(
        recommendation__in=items
    ).select_related("category__parent", "category__taxonomy")
    sdgs: Counter = Counter()
    themes: Counter = Counter()
    for link in links_categories:
        category = link.category
        if category.taxonomy.slug == SDG:
            sdgs[(category.parent or category).code] += 1
        else:
            themes[category.pk] += 1
    return {
        "frameworks": Counter(item.framework.slug for item in items),
        "responses": Counter(item.response or "none" for item in items),
        "statuses": Counter(item.status for item in items),
        "actions": Counter(item.action_category for item in items if item.action_category),
        "states": Counter(link.state_id for link in links_states),
        "themes": themes,
        "sdgs": sdgs,
    }


def _top(counter: Counter, top: int = 12) -> list[tuple]:
    return sorted(counter.items(), key=lambda item: (-item[1], str(item[0])))[:top]


def test_counts_pages_and_facets_are_the_databases_for_every_persona_and_filter(mixed):
    world, admin, cluster = mixed
    for user in _personas(world, admin):
        for data in _param_sets(world, cluster):
            params = SearchParams.from_mapping(data)
            label = f"{getattr(user, 'username', 'anonymous')} {data}"
            expected = list(search(user, params).select_related("framework"))
            results = Results(user, params)
            assert results.count() == len(expected), label
            assert [r.pk for r in results[0:25]] == [r.pk for r in expected[:25]], label
            assert [r.pk for r in results[25:50]] == [r.pk for r in expected[25:50]], label
            facets, wanted = results.facets(), _expected_facets(expected)
            assert {slug: n for slug, _name, n in facets.frameworks} == wanted["frameworks"]
            assert {value: n for value, _label, n in facets.responses} == wanted["responses"]
            assert {value: n for value, _label, n in facets.statuses} == wanted["statuses"]
            assert {v: n for v, _label, n in facets.action_categories} == wanted["actions"]
            assert [(pk, n) for pk, _name, n in facets.states] == _top(wanted["states"]), label
            assert [(c.pk, n) for c, n in facets.themes] == _top(wanted["themes"]), label
            assert dict(facets.sdgs) == wanted["sdgs"], label


def test_filter_choices_are_the_databases_for_every_persona(mixed):
    world, admin, _cluster = mixed
    for user in _personas(world, admin):
        for state in ("", "all", "SVN"):
            params = SearchParams.from_mapping({"state": state})
            visible = visible_recommendations(user)
            in_state_ids = in_state(visible, params).values("pk")
            used = Category.objects.filter(recommendations__in=in_state_ids).values("pk")
            expected_themes = (
                Category.objects.exclude(taxonomy__slug=SDG)
                .filter(pk__in=used)
                .values_list("pk", flat=True)
            )
            expected_parents = Category.objects.exclude(taxonomy__slug=SDG).filter(
                children__in=used
            )
            choices = filter_choices(user, params)
            assert {c.pk for c in choices["themes"]} == set(expected_themes) | set(
                expected_parents.values_list("pk", flat=True)
            )
            expected_states = State.objects.filter(recommended__in=in_state_ids).distinct()
            assert [s.pk for s in choices["states"]] == [s.pk for s in by_label(expected_states)]
            assert choices["states_under_review"] == home_state.states_under_review(visible)


def test_a_change_is_counted_at_once(world):
    """Saving, relinking and bulk importing each make the next list count afresh."""
    params = SearchParams.from_mapping({"status": "draft", "state": "all"})
    drafts = Results(world.coordinator, params).count()
    world.published.status = "draft"
    world.published.save()
    assert Results(world.coordinator, params).count() == drafts + 1
    viewer_sees = Results(world.viewer, SearchParams.from_mapping({"state": "all"})).count()
    assert viewer_sees == 0
    japan = State.objects.get(name="Japan")
    world.draft.recommending_states.add(japan)
    by_japan = SearchParams.from_mapping({"recommending_state": str(japan.pk), "state": "all"})
    assert Results(world.coordinator, by_japan).count() == 2


def test_an_index_is_never_used_after_the_cache_is_emptied(world):
    """A restore or a test empties the cache: the index built before must not be reused."""
    from django.core.cache import cache

    before = current_index()
    Recommendation.objects.filter(pk=world.draft.pk).update(status="published")  # no signal
    cache.clear()
    after = current_index()
    assert after is not before
    assert Results(world.viewer, SearchParams.from_mapping({"state": "all"})).count() == 2


def test_the_list_page_offers_states_and_themes_in_both_languages(mixed):
    world, admin, _cluster = mixed
    client = Client()
    client.force_login(admin)
    japan = State.objects.get(name="Japan")
    for language, name in (("vi", japan.label("vi")), ("en", "Japan")):
        client.cookies["django_language"] = language
        page = client.get(f"/recommendations/?state=all&recommending_state={japan.pk}")
        assert page.status_code == 200
        html = page.content.decode()
        assert f'<option value="{japan.pk}" selected>{name}</option>' in html
        assert "<optgroup label=" in html


def test_an_agency_officer_never_counts_a_draft_sent_elsewhere(world):
    """Agency B's officer: the draft sent to agency A is in no count, facet or choice."""
    results = Results(world.officer_b, SearchParams.from_mapping({"state": "all"}))
    assert results.count() == 1
    facets = results.facets()
    assert {value for value, _label, _n in facets.statuses} == {"published"}
    japan = State.objects.get(name="Japan")
    assert japan.pk not in {pk for pk, _name, _n in facets.states}
    choices = filter_choices(world.officer_b, SearchParams.from_mapping({"state": "all"}))
    assert japan not in choices["states"]
