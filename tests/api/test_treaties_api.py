"""/api/treaties: the catalogue, a state's status (the CLI's objects plus names, counts
scoped to the caller) and the recommendations asking it to join an instrument."""

import pytest

from tests.treaties.status_fixtures import make_treaty_world

KEYS = {"treaty", "party", "status", "date", "recommendations", "name", "name_vi", "family"}


@pytest.fixture
def treaty(world):
    return make_treaty_world(world)


def by_key(response):
    assert response.status_code == 200, response.content
    return {row["treaty"]: row for row in response.json()}


def test_the_catalogue_has_both_languages(api_as, treaty):
    response = api_as("viewer").get("/treaties/instruments")
    assert response.status_code == 200
    rows = {row["key"]: row for row in response.json()}
    assert rows["CED"]["name_vi"] == treaty["CED"].name_vi
    assert rows["CED"]["name"] == treaty["CED"].name
    assert rows["OP-CAT"]["family"] == "human_rights"


def test_status_objects_are_the_cli_objects_with_names(api_as, treaty):
    rows = by_key(api_as("coordinator").get("/treaties/status", {"state": "VNM"}))
    assert set(rows["ICCPR"]) == KEYS
    assert {key: rows["ICCPR"][key] for key in ("party", "status", "date")} == {
        "party": True,
        "status": "party",
        "date": "1982-09-24",
    }
    assert rows["OP-CAT"]["status"] == "unknown" and rows["OP-CAT"]["recommendations"] == 3
    assert rows["CED"]["name_vi"] == treaty["CED"].name_vi


def test_the_home_state_is_the_default(api_as, treaty, settings):
    settings.CAMKET_HOME_STATE = "VNM"
    assert by_key(api_as("viewer").get("/treaties/status"))["ICCPR"]["party"] is True
    settings.CAMKET_HOME_STATE = "LAO"
    assert by_key(api_as("viewer").get("/treaties/status"))["OP-CAT"]["recommendations"] == 1


@pytest.mark.parametrize(
    ("persona", "expected"), [("coordinator", 3), ("officer_a", 2), ("officer_b", 1), ("viewer", 1)]
)
def test_counts_and_items_are_scoped_to_the_caller(api_as, treaty, persona, expected):
    api = api_as(persona)
    assert (
        by_key(api.get("/treaties/status", {"state": "VNM"}))["OP-CAT"]["recommendations"]
        == expected
    )
    response = api.get("/treaties/instruments/OP-CAT/recommendations", {"state": "VNM"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == expected
    references = {item["reference"] for item in body["items"]}
    assert "1.1" in references and "2.5" not in references  # 2.5 is about Lao PDR
    assert ("1.2" in references) is (persona == "coordinator")  # a draft nobody was sent
    assert ("1.3" in references) is (persona in {"coordinator", "officer_a"})


def test_filters(api_as, treaty):
    api = api_as("viewer")
    not_joined = by_key(api.get("/treaties/status", {"state": "VNM", "joined": "false"}))
    assert "CED" in not_joined and "ICCPR" not in not_joined
    joined = by_key(api.get("/treaties/status", {"state": "VNM", "joined": "true"}))
    assert "ICCPR" in joined and "CED" not in joined
    asked = by_key(
        api.get("/treaties/status", {"state": "VNM", "asked": "true", "joined": "false"})
    )
    assert set(asked) == {"OP-CAT", "CED"}
    drugs = by_key(api.get("/treaties/status", {"state": "VNM", "family": "drugs"}))
    assert "DRUGS-1988" in drugs and "CAT" not in drugs
    searched = by_key(api.get("/treaties/status", {"state": "VNM", "q": "cưỡng bức"}))
    assert set(searched) == {"CED"}


def test_bad_state_and_instrument(api_as, treaty):
    api = api_as("viewer")
    assert api.get("/treaties/status", {"state": "XYZ"}).status_code == 422
    assert api.get("/treaties/instruments/NOPE/recommendations").status_code == 404
    treaty["CED"].archived = True
    treaty["CED"].save()
    assert api.get("/treaties/instruments/CED/recommendations").status_code == 404


def test_anonymous_callers_are_refused(api_as, treaty):
    api = api_as("anonymous")
    for path in (
        "/treaties/instruments",
        "/treaties/status",
        "/treaties/instruments/OP-CAT/recommendations",
    ):
        assert api.get(path).status_code == 401
