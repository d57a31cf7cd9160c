import json

from django.conf import settings
from django.test import Client

from tests.cooperation.conftest import SECRET


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def post(client, address, payload, method="post"):
    return getattr(client, method)(address, json.dumps(payload), content_type="application/json")


def test_agreements_through_the_api_with_the_version_lock(world):
    client = client_for(world.coordinator)
    payload = {
        "partner": "AUS",
        "kind": "extradition",
        "status": "signed",
        "signed_on": "2012-04-10",
        "central_authority": "mps",
    }
    created = post(client, "/api/cooperation/agreements", payload).json()
    assert (created["partner_iso3"], created["central_authority"], created["version"]) == (
        "AUS",
        "mps",
        1,
    )
    address = f"/api/cooperation/agreements/{created['id']}"
    changed = post(client, address, {**payload, "status": "in_force", "version": 1}, "put")
    assert changed.json()["version"] == 2
    stale = post(client, address, {**payload, "status": "terminated", "version": 1}, "put")
    assert stale.status_code == 409
    refused = post(client_for(world.officer_b), address, {**payload, "version": 2}, "put")
    assert refused.status_code == 403
    history = client_for(world.viewer).get(f"{address}/history").json()
    assert history[0]["who"] and len(history) == 2
    unknown = post(client, "/api/cooperation/agreements", {**payload, "partner": "Atlantis"})
    assert unknown.status_code == 422


def test_requests_through_the_api(world, agreement):
    client = client_for(world.officer_a)
    created = post(
        client,
        "/api/cooperation/requests",
        {
            "direction": "received",
            "kind": "extradition",
            "partner": "KOR",
            "dated_on": "2025-05-06",
            "agreement": agreement.pk,
            "reference": SECRET,
            "handling_agencies": ["moj"],
        },
    ).json()
    assert (created["responsible_agency"], created["handling_agencies"]) == ("mps", ["moj"])
    assert (
        client_for(world.officer_b).get(f"/api/cooperation/requests/{created['id']}").status_code
        == 200
    )
    assert (
        client_for(world.coordinator).get(f"/api/cooperation/requests/{created['id']}").status_code
        == 404
    )
    refused = post(
        client_for(world.coordinator),
        f"/api/cooperation/requests/{created['id']}",
        {
            "direction": "received",
            "kind": "extradition",
            "partner": "KOR",
            "dated_on": "2025-05-06",
            "status": "refused",
            "version": 1,
        },
        "put",
    )
    assert refused.status_code == 404


def test_pages_in_vietnamese_use_its_date_format(world, extradition):
    client = client_for(world.officer_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    page = client.get(f"/cooperation/requests/{extradition.pk}/").content.decode()
    assert "04/03/2025" in page
    english = client_for(world.officer_a).get(f"/cooperation/requests/{extradition.pk}/")
    assert "2025-03-04" in english.content.decode()
    agreement = client.get(f"/cooperation/agreements/{extradition.agreement_id}/")
    assert "Hiệp định dẫn độ Việt Nam – Hàn Quốc" in agreement.content.decode()


def _request_payload(**changes) -> dict:
    return {
        "direction": "received",
        "kind": "extradition",
        "partner": "KOR",
        "dated_on": "2025-05-06",
        "reference": SECRET,
        **changes,
    }


def test_a_change_needs_the_version_it_edits(world, agreement):
    client = client_for(world.officer_a)
    created = post(
        client, "/api/cooperation/requests", _request_payload(handling_agencies=["moj"])
    ).json()
    address = f"/api/cooperation/requests/{created['id']}"
    missing = post(client, address, _request_payload(status="refused"), "put")
    assert missing.status_code == 422
    changed = post(client, address, {"status": "in_progress", "version": 1}, "put")
    assert (changed.status_code, changed.json()["version"]) == (200, 2)
    stale = post(client, address, {"status": "refused", "version": 1}, "put")
    assert stale.status_code == 409
    assert client.get(address).json()["status"] == "in_progress"
    agreement_address = f"/api/cooperation/agreements/{agreement.pk}"
    coordinator = client_for(world.coordinator)
    unversioned = post(coordinator, agreement_address, {"status": "terminated"}, "put")
    assert unversioned.status_code == 422
    assert (
        post(
            coordinator,
            agreement_address,
            {"status": "terminated", "version": agreement.version + 1},
            "put",
        ).status_code
        == 409
    )


def test_a_change_leaves_the_fields_it_does_not_name(world, agreement):
    """Leaving `handling_agencies` out must not take the request away from agency B."""
    client = client_for(world.officer_a)
    created = post(
        client,
        "/api/cooperation/requests",
        _request_payload(handling_agencies=["moj"], agreement=agreement.pk, subject="Fraud"),
    ).json()
    address = f"/api/cooperation/requests/{created['id']}"
    whole = post(
        client,
        address,
        _request_payload(agreement=agreement.pk, subject="Fraud", status="in_progress", version=1),
        "put",
    )
    assert whole.json()["handling_agencies"] == ["moj"]
    changed = post(
        client, address, {"status": "executed", "closed_on": "2025-09-01", "version": 2}, "put"
    ).json()
    assert changed["handling_agencies"] == ["moj"]
    assert (
        changed["status"],
        changed["reference"],
        changed["subject"],
        changed["agreement"],
        changed["partner_iso3"],
    ) == ("executed", SECRET, "Fraud", agreement.pk, "KOR")
    assert client_for(world.officer_b).get(address).status_code == 200
    cleared = post(
        client, address, {"handling_agencies": [], "agreement": None, "version": 3}, "put"
    ).json()
    assert (cleared["handling_agencies"], cleared["agreement"]) == ([], None)
    assert client_for(world.officer_b).get(address).status_code == 404
    agreement_address = f"/api/cooperation/agreements/{agreement.pk}"
    coordinator = client_for(world.coordinator)
    kept = post(
        coordinator,
        agreement_address,
        {"note": "Text in the registry", "version": agreement.version},
        "put",
    ).json()
    assert (kept["note"], kept["central_authority"], kept["signed_on"], kept["title_vi"]) == (
        "Text in the registry",
        "mps",
        "2003-09-15",
        "Hiệp định dẫn độ Việt Nam – Hàn Quốc",
    )
    emptied = post(
        coordinator,
        agreement_address,
        {"central_authority": "", "signed_on": None, "version": kept["version"]},
        "put",
    ).json()
    assert (emptied["central_authority"], emptied["signed_on"]) == (None, None)
