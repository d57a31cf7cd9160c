"""What a list names (states, frameworks, themes) is read once per item index: a rename shows
on the next page, and every name is escaped in the filter's options."""

import pytest
from django.template.defaultfilters import truncatechars
from django.test import Client
from django.utils import translation

from camket.frameworks.models import Category, Framework, Recommendation, State, Taxonomy
from camket.frameworks.results import Results, filter_choices
from camket.frameworks.search import SearchParams
from camket.frameworks.templatetags import camket_labels

pytestmark = pytest.mark.django_db


def _list_page(user, query: str = "state=all") -> str:
    client = Client()
    client.force_login(user)
    client.cookies["django_language"] = "en"
    page = client.get(f"/recommendations/?{query}")
    assert page.status_code == 200
    return page.content.decode()


def test_a_renamed_state_and_taxonomy_show_on_the_next_page(world):
    japan = State.objects.get(name="Japan")
    world.published.recommending_states.add(japan)
    taxonomy = Taxonomy.objects.create(slug="list-themes", name="Some taxonomy")
    theme = Category.objects.create(taxonomy=taxonomy, name="Some theme")
    world.published.categories.add(theme)
    assert "Japan" in _list_page(world.coordinator)
    japan.name = "Nippon <b>"
    japan.save()
    theme.taxonomy.name = "Renamed taxonomy"
    theme.taxonomy.save()
    html = _list_page(world.coordinator)
    assert "Nippon &lt;b&gt;" in html and "Nippon <b>" not in html
    assert 'label="Renamed taxonomy"' in html
    params = SearchParams.from_mapping({"state": "all"})
    with translation.override("en"):
        names = [state.name for state in filter_choices(world.coordinator, params)["states"]]
        facets = Results(world.coordinator, params).facets()
    assert "Nippon <b>" in names
    assert "Nippon <b>" in [name for _pk, name, _n in facets.states]


def test_a_renamed_framework_shows_in_the_choices_and_facets(world):
    params = SearchParams.from_mapping({"state": "all"})
    filter_choices(world.coordinator, params)
    Framework.objects.filter(pk=world.framework.pk).update(name="Bulk renamed")  # no signal
    world.framework.name = "Renamed framework"
    world.framework.save()
    with translation.override("en"):
        offered = [f.name for f in filter_choices(world.coordinator, params)["frameworks"]]
        facets = Results(world.coordinator, params).facets()
    assert "Renamed framework" in offered
    assert "Renamed framework" in [name for _slug, name, _n in facets.frameworks]


def test_options_escape_values_and_labels_and_mark_the_chosen_one():
    html = camket_labels.chosen_options(
        [('a"b', "<script>x</script>", False), ("2", "Côte d'Ivoire & co", True)]
    )
    assert html == (
        '<option value="a&quot;b">&lt;script&gt;x&lt;/script&gt;</option>'
        '<option value="2" selected>Côte d&#x27;Ivoire &amp; co</option>'
    )


@pytest.mark.parametrize(
    "text",
    [
        "",
        "short",
        "x" * 320,
        "y" * 321,
        "Việt Nam " * 60,
        "Vie\u0323\u0302t " * 100,
        "a\u0301" * 319,
    ],
)
def test_shorten_is_truncatechars(text):
    assert camket_labels.shorten(text, 320) == truncatechars(text, 320)


def test_response_and_status_labels_are_the_models_in_both_languages(world):
    item = Recommendation(response="noted", status="published")
    for language in ("vi", "en"):
        with translation.override(language):
            assert camket_labels.response_label("noted") == item.get_response_display()
            assert camket_labels.status_label("published") == item.get_status_display()
    assert camket_labels.response_label("unheard-of") == "unheard-of"


def test_listed_rows_name_what_the_database_would(world):
    """`Results(named=True)` gives each row the framework, state under review and recommending
    states `select_related` and `prefetch_related` would, in the same order."""
    names = ["Japan", "Brazil", "Åland"]
    for name in names:
        world.published.recommending_states.add(State.objects.get_or_create(name=name)[0])
    world.published.state_under_review = State.objects.get(name="Brazil")
    world.published.save()
    params = SearchParams.from_mapping({"state": "all"})
    listed = list(Results(world.coordinator, params, named=True)[0:25])
    assert world.published.pk in [item.pk for item in listed]
    for item in listed:
        stored = Recommendation.objects.get(pk=item.pk)
        assert item.listed_states == list(stored.recommending_states.all())
        assert item.framework == stored.framework
        assert item.state_under_review == stored.state_under_review
    published = next(item for item in listed if item.pk == world.published.pk)
    assert set(names) <= {state.name for state in published.listed_states}


def test_an_item_written_since_the_index_was_built_still_has_its_states(world):
    from camket.frameworks.index_names import named_rows
    from camket.frameworks.item_index import current_index

    index = current_index()
    item = Recommendation.objects.create(
        framework=world.framework, reference="late", text="Written after the build"
    )
    Recommendation.recommending_states.through.objects.bulk_create(  # no signal: index kept
        [
            Recommendation.recommending_states.through(
                recommendation=item, state=State.objects.get(name="Japan")
            )
        ]
    )
    named_rows(index, [item])
    assert [state.name for state in item.listed_states] == ["Japan"]
