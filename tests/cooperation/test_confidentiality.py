"""The issue's check: a received extradition request handled by agency A is invisible to a user
of agency B and to the coordinating ministry, everywhere, while the yearly counts show it."""

import io
import json

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client

from camket.cooperation.scoping import visible_requests
from camket.cooperation.summary import internal_summary, public_summary
from tests.cooperation.conftest import SECRET

OUTSIDERS = ("officer_b", "coordinator", "viewer")
INSIDERS = ("officer_a", "mps_coordinator")


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("name", OUTSIDERS)
def test_outsiders_never_reach_the_request(world, extradition, name):
    client = client_for(getattr(world, name))
    pk = extradition.pk
    assert not visible_requests(getattr(world, name)).exists()
    listing = client.get("/cooperation/requests/")
    assert listing.status_code == 200 and SECRET not in listing.content.decode()
    assert client.get(f"/cooperation/requests/{pk}/").status_code == 404
    assert client.get(f"/cooperation/requests/{pk}/edit/").status_code == 404
    assert client.get(f"/api/cooperation/requests/{pk}").status_code == 404
    assert client.get(f"/api/cooperation/requests/{pk}/history").status_code == 404
    assert client.get("/api/cooperation/requests").json() == []
    assert client.get("/cooperation/requests/?q=EXT-2025").content.decode().count(SECRET) == 0
    agreement_page = client.get(f"/cooperation/agreements/{extradition.agreement_id}/")
    assert agreement_page.status_code == 200 and SECRET not in agreement_page.content.decode()


@pytest.mark.parametrize("name", INSIDERS)
def test_agency_a_reads_it_with_its_history(world, extradition, name):
    client = client_for(getattr(world, name))
    assert SECRET in client.get("/cooperation/requests/").content.decode()
    page = client.get(f"/cooperation/requests/{extradition.pk}/")
    assert page.status_code == 200 and SECRET in page.content.decode()
    assert client.get(f"/api/cooperation/requests/{extradition.pk}").json()["reference"] == SECRET
    history = client.get(f"/api/cooperation/requests/{extradition.pk}/history").json()
    assert history and history[-1]["kind"] == "created"


def _export(client, fmt: str) -> str:
    response = client.get(f"/exports/cooperation-requests.{fmt}?columns=reference,subject")
    assert response.status_code == 200
    if fmt != "xlsx":
        return response.content.decode()
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_exports_hold_it_only_for_agency_a(world, extradition, fmt):
    assert SECRET in _export(client_for(world.officer_a), fmt)
    for name in OUTSIDERS:
        assert SECRET not in _export(client_for(getattr(world, name)), fmt)
    api = client_for(world.officer_b).get(f"/api/exports/cooperation-requests?format={fmt}")
    assert api.status_code == 200 and SECRET.encode() not in api.content


def _cli(*args) -> list:
    out = io.StringIO()
    call_command("cooperation", *args, "--json", stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_cli_scopes_by_user_and_the_system_sees_all(world, extradition):
    assert _cli("requests", "--user", "officer_b") == []
    assert _cli("requests", "--user", "coordinator") == []
    assert [row["reference"] for row in _cli("requests", "--user", "officer_a")] == [SECRET]
    assert [row["reference"] for row in _cli("requests")] == [SECRET]


def test_yearly_counts_show_it_to_everyone_without_details(world, extradition, settings):
    expected = {"year": 2025, "direction": "received", "type": "extradition", "count": 1}
    with_partner = {**expected, "partner": "KOR", "partner_name": "Republic of Korea"}
    assert with_partner in internal_summary(None)["by_partner"]
    assert internal_summary(world.officer_b)["by_partner"] == []
    assert public_summary()["cells"] == [expected]
    page = client_for(world.officer_b).get("/cooperation/summary/").content.decode()
    assert "Republic of Korea" not in page and SECRET not in page
    assert (
        "Republic of Korea"
        in client_for(world.officer_a).get("/cooperation/summary/").content.decode()
    )
    api = client_for(world.officer_b).get("/api/cooperation/summary").json()
    assert api["by_type"] == [expected] and api["by_partner"] == []
    assert client_for(world.officer_a).get("/api/cooperation/summary").json()["by_partner"] == [
        with_partner
    ]
    public = Client().get("/api/public/cooperation/summary").json()
    assert public["cells"] == [expected]
    portal = Client().get("/public/cooperation/").content.decode()
    assert "2025" in portal and SECRET not in portal and "Korea" not in portal
    cli = _cli("summary", "--public")
    assert cli["cells"] == [expected]


def test_admin_shows_requests_to_superusers_only(world, extradition):
    User = get_user_model()
    staff = User.objects.create_user("staff", password="x", is_staff=True)
    staff.user_permissions.add(*Permission.objects.filter(codename="view_cooperationrequest"))
    root = User.objects.create_superuser("root", password="x")
    address = "/admin/cooperation/cooperationrequest/"
    assert client_for(staff).get(address).status_code == 403
    assert SECRET in client_for(root).get(address).content.decode()
    # the superuser is an exception in the admin only: the app's pages scope by agency
    assert client_for(root).get(f"/cooperation/requests/{extradition.pk}/").status_code == 404


def test_handling_agency_sees_it_once_added(world, extradition):
    from camket.cooperation.services import update_request

    update_request(
        world.officer_a,
        extradition,
        {"status": "in_progress"},
        version=extradition.version,
        handling_agencies=[world.agency_b],
    )
    assert visible_requests(world.officer_b).filter(pk=extradition.pk).exists()
    assert not visible_requests(world.coordinator).exists()
