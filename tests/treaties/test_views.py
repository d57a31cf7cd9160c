"""/treaties/ and /treaties/KEY/: filters, the export of the filtered table, and counts and
items scoped to the reader."""

import csv
import io

import pytest
from django.test import Client
from openpyxl import load_workbook

from tests.treaties.status_fixtures import make_treaty_world


@pytest.fixture
def treaty(world):
    return make_treaty_world(world)


def client_for(user) -> Client:
    client = Client()
    if user.is_authenticated:
        client.force_login(user)
    return client


def shown_rows(response) -> dict[str, int]:
    assert response.status_code == 200
    return {row.instrument.key: row.recommendations for row in response.context["rows"]}


def test_anonymous_readers_are_sent_to_sign_in(treaty):
    anonymous = Client()
    for path in ("/treaties/", "/treaties/OP-CAT/", "/treaties/export.csv"):
        response = anonymous.get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_not_joined_is_the_default(treaty):
    rows = shown_rows(client_for(treaty.world.viewer).get("/treaties/", {"state": "VNM"}))
    assert {"OP-CAT", "CED", "ROME-STATUTE"} <= set(rows)
    assert not {"ICCPR", "CAT"} & set(rows)


def test_the_home_state_is_the_default(treaty, settings):
    settings.CAMKET_HOME_STATE = "VNM"
    response = client_for(treaty.world.viewer).get("/treaties/")
    assert response.context["state"] == treaty.vnm
    assert b"Viet Nam (VNM)" in response.content


def test_filters(treaty):
    client = client_for(treaty.world.viewer)
    assert {"ICCPR", "CAT", "CED"} <= set(shown_rows(client.get("/treaties/", {"joined": "all"})))
    joined = shown_rows(client.get("/treaties/", {"joined": "yes"}))
    assert "ICCPR" in joined and "CED" not in joined
    assert set(shown_rows(client.get("/treaties/", {"asked": "1"}))) == {"OP-CAT", "CED"}
    drugs = shown_rows(client.get("/treaties/", {"family": "drugs"}))
    assert "DRUGS-1988" in drugs and "OP-CAT" not in drugs
    assert set(shown_rows(client.get("/treaties/", {"q": "bi cuong buc"}))) == {"CED"}


@pytest.mark.parametrize(
    ("persona", "expected"), [("coordinator", 3), ("officer_a", 2), ("officer_b", 1), ("viewer", 1)]
)
def test_counts_and_items_are_scoped_to_the_reader(treaty, persona, expected):
    client = client_for(getattr(treaty.world, persona))
    assert shown_rows(client.get("/treaties/", {"state": "VNM"}))["OP-CAT"] == expected
    page = client.get("/treaties/OP-CAT/", {"state": "VNM"})
    assert page.status_code == 200
    items = list(page.context["page"].object_list)
    assert len(items) == expected
    assert (treaty.world.draft in items) is (persona == "coordinator")
    assert (treaty.world.sent_to_a in items) is (persona in {"coordinator", "officer_a"})
    assert treaty.lao_item not in items
    content = page.content.decode()
    assert f'href="/recommendations/{treaty.world.published.pk}/"' in content
    assert (f'href="/recommendations/{treaty.world.draft.pk}/"' in content) is (
        persona == "coordinator"
    )


def test_the_instrument_page(treaty):
    client = client_for(treaty.world.viewer)
    content = client.get("/treaties/CAT/", {"state": "VNM"}).content.decode()
    assert treaty["CAT"].name_vi in content and treaty["CAT"].name in content
    assert "article 30(1)" in content
    assert 'class="withdrawn"' in content and "A withdrawn declaration." in content
    assert "Criminal Code (100/2015/QH13)" in content
    assert 'id="state-status">Party<' in content
    unknown = client.get("/treaties/OP-CAT/", {"state": "VNM"}).content.decode()
    assert 'id="state-status">Not recorded<' in unknown
    assert client.get("/treaties/NOPE/").status_code == 404


def test_a_bad_state_falls_back_to_the_home_state_with_a_message(treaty):
    response = client_for(treaty.world.viewer).get("/treaties/", {"state": "XYZ"})
    assert response.status_code == 200
    assert response.context["code"] == "VNM"
    assert "XYZ" in response.content.decode()


def test_a_misconfigured_home_state_shows_every_status_unknown(treaty, settings):
    settings.CAMKET_HOME_STATE = "QQQ"
    response = client_for(treaty.world.viewer).get("/treaties/", {"joined": "all"})
    assert response.status_code == 200 and response.context["state"] is None
    assert {row.status for row in response.context["rows"]} == {"unknown"}


def test_user_text_is_escaped(treaty):
    treaty["CED"].treaty_body = "<script>alert(1)</script>"
    treaty["CED"].save()
    content = client_for(treaty.world.viewer).get("/treaties/").content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content


def test_the_csv_export_keeps_the_filters_and_neutralises_formulas(treaty):
    treaty["CED"].treaty_body = '=HYPERLINK("http://evil.example","x")'
    treaty["CED"].save()
    client = client_for(treaty.world.officer_b)
    page = client.get("/treaties/", {"state": "VNM", "asked": "1"}).content.decode()
    assert 'href="/treaties/export.csv?' in page and "asked=1" in page
    response = client.get("/treaties/export.csv", {"state": "VNM", "asked": "1"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_key = {row[0]: row for row in rows[1:]}
    assert set(by_key) == {"OP-CAT", "CED"}
    assert by_key["OP-CAT"][5] == "1"  # officer B sees the published item only
    assert by_key["CED"][6] == "'" + treaty["CED"].treaty_body


def test_the_xlsx_export(treaty):
    treaty["CED"].treaty_body = "@SUM(1+1)"
    treaty["CED"].save()
    response = client_for(treaty.world.coordinator).get(
        "/treaties/export.xlsx", {"state": "VNM", "joined": "all"}
    )
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    by_key = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert by_key["OP-CAT"][5] == 3
    assert by_key["ICCPR"][3] == "Party" and by_key["ICCPR"][4].date().isoformat() == "1982-09-24"
    assert by_key["CAT"][7] == 1 and "Criminal Code" in by_key["CAT"][8]
    assert by_key["CED"][6] == "'@SUM(1+1)"
    assert client_for(treaty.world.viewer).get("/treaties/export.pdf").status_code == 404
