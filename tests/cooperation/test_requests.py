from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from camket.cooperation import services
from camket.cooperation.models import CooperationRequest
from camket.frameworks.states import StateResolver
from camket.lib.concurrency import StaleEdit


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _values(**changes):
    return {
        "direction": "sent",
        "kind": "mutual_legal_assistance",
        "partner": StateResolver().resolve("Australia"),
        "dated_on": date(2024, 6, 1),
        **changes,
    }


def test_an_officer_records_for_their_own_agency(world):
    created = services.create_request(world.officer_b, _values(responsible_agency=world.agency_a))
    assert created.responsible_agency == world.agency_b
    assert created.history.get().history_user == world.officer_b


def test_a_coordinator_names_the_responsible_agency(world):
    created = services.create_request(world.coordinator, _values(responsible_agency=world.agency_a))
    assert created.responsible_agency == world.agency_a


def test_viewers_and_agencyless_users_record_nothing(world):
    with pytest.raises(PermissionDenied):
        services.create_request(world.viewer, _values())
    assert client_for(world.viewer).get("/cooperation/requests/new/").status_code == 403


def test_handlers_edit_others_do_not_and_stale_edits_are_refused(world):
    created = services.create_request(world.officer_a, _values())
    with pytest.raises(PermissionDenied):
        services.update_request(world.officer_b, created, {"status": "executed"}, version=1)
    services.update_request(
        world.officer_a,
        created,
        {"status": "in_progress"},
        version=1,
        handling_agencies=[world.agency_b],
    )
    stale = CooperationRequest.objects.get(pk=created.pk)
    with pytest.raises(StaleEdit):
        services.update_request(world.officer_b, stale, {"status": "executed"}, version=1)
    services.update_request(
        world.officer_b, stale, {"status": "executed", "closed_on": date(2024, 9, 1)}, version=2
    )
    stale.refresh_from_db()
    assert (stale.status, stale.version) == ("executed", 3)
    history = client_for(world.officer_b).get(f"/cooperation/requests/{created.pk}/")
    assert "Executed" in history.content.decode()


def test_an_officer_cannot_hand_the_request_to_another_agency(world):
    created = services.create_request(world.officer_a, _values())
    services.update_request(
        world.officer_a,
        created,
        {"responsible_agency": world.agency_b, "status": "in_progress"},
        version=None,
    )
    created.refresh_from_db()
    assert created.responsible_agency == world.agency_a


def test_inconsistent_requests_are_refused(world):
    agreement = services.create_agreement(
        None,
        {
            "partner": StateResolver().resolve("Republic of Korea"),
            "kind": "extradition",
            "status": "in_force",
        },
    )
    with pytest.raises(ValidationError):
        services.create_request(world.officer_a, _values(agreement=agreement))
    with pytest.raises(ValidationError):
        services.create_request(world.officer_a, _values(closed_on=date(2020, 1, 1)))
    with pytest.raises(ValidationError):
        services.create_request(None, _values())  # the system must name the agency


def test_the_form_creates_and_edits(world):
    client = client_for(world.officer_a)
    partner = StateResolver().resolve("Australia")
    created = client.post(
        "/cooperation/requests/new/",
        {
            "direction": "received",
            "kind": "extradition",
            "partner": partner.pk,
            "dated_on": "2025-02-01",
            "status": "open",
            "handling": [world.agency_b.pk],
        },
    )
    request = CooperationRequest.objects.get()
    assert created.status_code == 302
    assert list(request.handling_agencies.all()) == [world.agency_b]
    edited = client.post(
        f"/cooperation/requests/{request.pk}/edit/",
        {
            "direction": "received",
            "kind": "extradition",
            "partner": partner.pk,
            "dated_on": "2025-02-01",
            "status": "refused",
            "closed_on": "2025-03-01",
            "version": request.version,
        },
    )
    assert edited.status_code == 302
    request.refresh_from_db()
    assert request.status == "refused" and not request.handling_agencies.exists()


def test_a_request_lacking_optional_fields_shows_everywhere(world):
    bare = services.create_request(world.officer_a, _values())
    client = client_for(world.officer_a)
    assert "(no file number)" in client.get("/cooperation/requests/").content.decode()
    assert client.get(f"/cooperation/requests/{bare.pk}/").status_code == 200
    row = client.get(
        "/exports/cooperation-requests.json?columns=reference,agreement,"
        "instrument,handling_agencies,closed_on"
    ).json()["rows"][0]
    assert row == {
        "reference": "",
        "agreement": None,
        "instrument": "",
        "handling_agencies": [],
        "closed_on": None,
    }
    assert client.get("/exports/cooperation-requests.xlsx").status_code == 200


def test_request_filters(world):
    services.create_request(world.officer_a, _values(reference="A-1"))
    services.create_request(
        world.officer_a, _values(reference="A-2", direction="received", dated_on=date(2023, 1, 5))
    )
    client = client_for(world.officer_a)
    page = client.get("/cooperation/requests/?year=2023").content.decode()
    assert "A-2" in page and "A-1" not in page
    page = client.get("/cooperation/requests/?direction=sent&partner=aus").content.decode()
    assert "A-1" in page and "A-2" not in page
    api = client.get("/api/cooperation/requests?direction=received").json()
    assert [row["reference"] for row in api] == ["A-2"]
