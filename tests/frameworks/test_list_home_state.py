"""The recommendation list page: the state under review select, the sort, the numbered pager
and the total."""

import re

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.urls import reverse

from camket.frameworks.models import Recommendation
from camket.web.templatetags.pager import page_numbers
from tests.frameworks.home_states import make_states_world


@pytest.fixture
def states(world):
    return make_states_world(world)


def _page(client, user, **query):
    client.force_login(user)
    return client.get(reverse("recommendation-list"), query)


def _listed(response) -> list[str]:
    return [rec.reference for rec in response.context["page"].object_list]


def _options(html: str, name: str) -> list[tuple[str, bool]]:
    select = re.search(rf'<select id="id_{name}" name="{name}">(.*?)</select>', html, re.S)
    return [
        (value, bool(selected))
        for value, selected in re.findall(r'<option value="([^"]*)"( selected)?>', select.group(1))
    ]


def test_the_list_opens_on_the_home_state_with_a_switch_to_every_state(client, states):
    response = _page(client, states.world.coordinator)
    html = response.content.decode()
    assert set(_listed(response)) == {
        "1.1",
        "1.2",
        "1.3",
        "S05-vnm",
        "S05-vnm-draft",
        "S03-vnm",
        "P-1",
    }
    # The default first, named after the home state, then every state, then those the
    # items are about. The default's value is empty: the form keeps asking for the default.
    assert _options(html, "state") == [("", True), ("all", False), ("FRA", False), ("SVN", False)]
    assert '<option value="" selected>Viet Nam</option>' in html
    assert 'href="?state=all"' in html  # "Show all states"
    every = _page(client, states.world.coordinator, state="all")
    assert len(_listed(every)) == 9
    assert ("all", True) in _options(every.content.decode(), "state")


def test_another_state_is_named_and_chosen(client, states):
    response = _page(client, states.world.coordinator, state="FRA", q="water")
    html = response.content.decode()
    assert _listed(response) == ["S02-fra"]
    assert ("FRA", True) in _options(html, "state")
    assert '<span class="state-listed">France</span>' in html
    assert "state=all" in html


def test_filter_choices_follow_the_state_chosen(client, states):
    html = _page(client, states.world.coordinator).content.decode()
    recommending = [value for value, _ in _options(html, "recommending_state")]
    mexico = states.fra_session_2.recommending_states.get()
    japan = states.vnm_session_3.recommending_states.get()
    assert str(japan.pk) in recommending and str(mexico.pk) not in recommending
    html = _page(client, states.world.coordinator, state="FRA").content.decode()
    assert [value for value, _ in _options(html, "recommending_state")] == ["", str(mexico.pk)]
    # The facet links filter on the recommending state, keeping the state chosen.
    assert f"state=FRA&amp;recommending_state={mexico.pk}" in html


def test_an_old_link_to_a_recommending_state_still_filters_on_it(client, states):
    mexico = states.fra_session_2.recommending_states.get()
    response = _page(client, states.world.coordinator, state=str(mexico.pk))
    assert _listed(response) == ["S02-fra"]
    html = response.content.decode()
    assert (str(mexico.pk), True) in _options(html, "recommending_state")
    assert ("all", True) in _options(html, "state")


def test_a_framework_naming_another_state_selects_it(client, states):
    response = _page(client, states.world.coordinator, framework="slovenia-2")
    assert _listed(response) == ["SVN-1"]
    assert ("SVN", True) in _options(response.content.decode(), "state")
    response = _page(client, states.world.coordinator, state="VNM")
    assert _options(response.content.decode(), "state")[0] == ("", True)


def test_the_sort_select_keeps_the_default_until_a_sort_is_chosen(client, states):
    # Left at its default, the select sends sort="" with the search words typed later, so
    # a search ranks by relevance and a plain list is newest first.
    for query in ({}, {"q": "water"}):
        html = _page(client, states.world.coordinator, **query).content.decode()
        options = _options(html, "sort")
        assert options[0] == ("", False) and not any(selected for _, selected in options)
        assert {"relevance", "newest", "oldest", "state", "response", "status", "reference"} <= {
            value for value, _ in options
        }
    response = _page(client, states.world.coordinator, state="all", sort="oldest")
    assert _listed(response)[0] == "S02-fra"
    assert ("oldest", True) in _options(response.content.decode(), "sort")


@pytest.mark.parametrize(
    "persona, hidden",
    [
        ("officer_a", {"1.2", "S05-vnm-draft"}),
        ("officer_b", {"1.2", "1.3", "S05-vnm-draft"}),
        ("viewer", {"1.2", "1.3", "S05-vnm-draft"}),
    ],
)
def test_each_persona_default_list_holds_only_what_it_may_see(client, states, persona, hidden):
    listed = set(_listed(_page(client, getattr(states.world, persona))))
    assert "1.1" in listed and "S05-vnm" in listed and not listed & hidden
    assert "S02-fra" not in listed


def test_the_pager_numbers_pages_and_gives_the_total(client, states):
    framework = states.upr_info
    Recommendation.objects.bulk_create(
        Recommendation(
            framework=framework,
            reference=f"VN-{n:03d}",
            text=f"Item {n}.",
            status="published",
            state_under_review=states.viet_nam,
            session=4,
        )
        for n in range(500)
    )
    total = 504  # and what the viewer sees of the home state: 1.1, S03-vnm, S05-vnm, P-1
    response = _page(client, states.world.viewer, page="10")
    html = response.content.decode()
    assert f"{total} recommendations" in html
    assert f"226–250 of {total}" in html
    pager = html[html.index('<nav class="pager"') :]
    pager = pager[: pager.index("</nav>")]
    shown = re.findall(r"page=(\d+)\">(\d+)</a>", pager)
    assert [int(number) for _, number in shown] == [1, 8, 9, 11, 12, 21]
    assert '<span class="pager-current" aria-current="page">10</span>' in pager
    assert pager.count("…") == 2
    assert 'rel="prev"' in pager and 'rel="next"' in pager
    last = _page(client, states.world.viewer, page="21").content.decode()
    assert f"501–{total} of {total}" in last and 'rel="next"' not in last


def test_page_numbers_elide_far_pages():
    paginator = Paginator(range(1000), 10)
    assert page_numbers(paginator.page(1)) == [1, 2, 3, "…", 100]
    assert page_numbers(paginator.page(50)) == [1, "…", 48, 49, 50, 51, 52, "…", 100]
    assert page_numbers(Paginator(range(30), 10).page(2)) == [1, 2, 3]


def test_the_shared_pager_keeps_its_callers_query_and_hides_on_one_page():
    page = Paginator(range(60), 25).page(2)
    html = render_to_string("_pager.html", {"page": page, "query_string": "plan=3"})
    assert 'href="?plan=3&amp;page=1"' in html and 'href="?plan=3&amp;page=3"' in html
    assert "26–50 of 60" in html
    assert (
        render_to_string(
            "_pager.html", {"page": Paginator(range(5), 25).page(1), "query_string": ""}
        ).strip()
        == ""
    )
