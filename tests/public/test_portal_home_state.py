"""The portal's list of a framework's items: the home state's by default, with the same
state-under-review switch as the signed-in list."""

import re

import pytest

from camket.frameworks.models import Framework
from tests.frameworks.home_states import make_states_world


@pytest.fixture
def states(world):
    states = make_states_world(world)
    Framework.objects.filter(pk__in=[states.upr_info.pk, states.slovenia_matrix.pk]).update(
        public=True
    )
    return states


def _references(html: str) -> set[str]:
    return set(re.findall(r">(S\d\d-[a-z-]+|SVN-\d)<", html))


def _state_options(html: str) -> list[tuple[str, bool]]:
    select = re.search(r'<select id="state" name="state">(.*?)</select>', html, re.S)
    return [
        (value, bool(selected))
        for value, selected in re.findall(r'<option value="([^"]*)"( selected)?>', select.group(1))
    ]


def test_the_portal_lists_the_home_states_items_by_default(client, states):
    html = client.get("/public/upr-info-1/").content.decode()
    assert _references(html) == {"S03-vnm", "S05-vnm"}  # the draft is never public
    assert _state_options(html) == [("VNM", True), ("all", False), ("FRA", False)]


def test_the_portal_switches_to_every_state_or_another(client, states):
    every = client.get("/public/upr-info-1/", {"state": "all"}).content.decode()
    assert _references(every) == {"S02-fra", "S03-vnm", "S05-vnm"}
    assert ("all", True) in _state_options(every)
    france = client.get("/public/upr-info-1/", {"state": "FRA"}).content.decode()
    assert _references(france) == {"S02-fra"}
    assert _references(client.get("/public/slovenia-2/").content.decode()) == {"SVN-1"}


def test_the_portal_keeps_old_recommending_state_links(client, states):
    mexico = states.fra_session_2.recommending_states.get()
    html = client.get("/public/upr-info-1/", {"state": mexico.pk}).content.decode()
    assert _references(html) == {"S02-fra"}
    html = client.get("/public/upr-info-1/", {"recommending_state": mexico.pk}).content.decode()
    assert _references(html) == set()


def test_the_public_api_applies_the_same_default(client, states):
    def references(query):
        response = client.get("/api/public/frameworks/upr-info-1/items", query)
        return {item["reference"] for item in response.json()["items"]}

    assert references({}) == {"S03-vnm", "S05-vnm"}
    assert references({"state": "all"}) == {"S02-fra", "S03-vnm", "S05-vnm"}
    assert references({"state": "FRA"}) == {"S02-fra"}
