from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from camket.cooperation import services
from camket.cooperation.models import Agreement, AgreementDocument
from camket.frameworks.states import StateResolver
from camket.lib.concurrency import StaleEdit
from camket.links.models import RegisterLink

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _values(**changes):
    return {
        "partner": StateResolver().resolve("Australia"),
        "kind": "extradition",
        "status": Agreement.Status.SIGNED,
        **changes,
    }


def test_coordinator_records_edits_and_archives_with_history(world):
    agreement = services.create_agreement(world.coordinator, _values(signed_on=date(2012, 4, 10)))
    services.update_agreement(
        world.coordinator, agreement, {"status": Agreement.Status.IN_FORCE}, version=1
    )
    services.archive_agreement(world.coordinator, agreement, version=2)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.archived, agreement.version) == ("in_force", True, 3)
    assert {record.history_user for record in agreement.history.all()} == {world.coordinator}
    page = client_for(world.viewer).get(f"/cooperation/agreements/{agreement.pk}/")
    assert page.status_code == 200 and "In force" in page.content.decode()


def test_stale_edit_is_refused(world):
    agreement = services.create_agreement(world.coordinator, _values())
    services.update_agreement(world.coordinator, agreement, {"note": "first"}, version=1)
    stale = Agreement.objects.get(pk=agreement.pk)
    with pytest.raises(StaleEdit):
        services.update_agreement(world.coordinator, stale, {"note": "second"}, version=1)
    assert Agreement.objects.get(pk=agreement.pk).note == "first"


def test_stale_edit_from_the_form_keeps_the_input(world):
    agreement = services.create_agreement(world.coordinator, _values())
    services.update_agreement(world.coordinator, agreement, {"note": "theirs"}, version=1)
    response = client_for(world.coordinator).post(
        f"/cooperation/agreements/{agreement.pk}/edit/",
        {
            "partner": agreement.partner_id,
            "kind": "extradition",
            "status": "signed",
            "note": "mine",
            "version": 1,
        },
    )
    assert response.status_code == 200 and "Someone else saved" in response.content.decode()
    assert Agreement.objects.get(pk=agreement.pk).note == "theirs"


def test_who_may_edit(world):
    own = services.create_agreement(world.coordinator, _values(central_authority=world.agency_a))
    services.update_agreement(
        world.officer_a, own, {"note": "A is the central authority"}, version=None
    )
    for user in (world.officer_b, world.viewer):
        with pytest.raises(PermissionDenied):
            services.update_agreement(user, own, {"note": "no"}, version=None)
    with pytest.raises(PermissionDenied):  # officer A cannot hand it to agency B
        services.update_agreement(
            world.officer_a, own, {"central_authority": world.agency_b}, version=None
        )
    with pytest.raises(PermissionDenied):
        services.create_agreement(world.officer_b, _values(central_authority=world.agency_a))
    assert client_for(world.officer_b).get("/cooperation/agreements/new/").status_code == 403
    assert client_for(world.coordinator).get("/cooperation/agreements/new/").status_code == 200
    assert Client().get("/cooperation/agreements/").status_code == 302  # to the sign-in page


def test_create_through_the_page_and_dates_checked(world):
    client = client_for(world.coordinator)
    partner = StateResolver().resolve("United Kingdom")
    bad = client.post(
        "/cooperation/agreements/new/",
        {
            "partner": partner.pk,
            "kind": "transfer_of_sentenced_persons",
            "status": "in_force",
            "signed_on": "2008-09-12",
            "in_force_on": "2007-01-01",
        },
    )
    assert bad.status_code == 200 and not Agreement.objects.exists()
    good = client.post(
        "/cooperation/agreements/new/",
        {"partner": partner.pk, "kind": "transfer_of_sentenced_persons", "status": "signed"},
    )
    agreement = Agreement.objects.get()
    assert good.status_code == 302 and good["Location"].endswith(f"/{agreement.pk}/")


def test_document_upload_limits_and_download_permission(world, settings):
    agreement = services.create_agreement(world.coordinator, _values())
    client = client_for(world.coordinator)
    address = f"/cooperation/agreements/{agreement.pk}/documents/"
    fake = client.post(address, {"title": "Text", "file": _upload("treaty.pdf", b"not a pdf")})
    assert fake.status_code == 302 and not AgreementDocument.objects.exists()
    client.post(address, {"title": "Text", "file": _upload("treaty.exe", b"MZ")})
    settings.CAMKET_MAX_EVIDENCE_BYTES = 10
    client.post(address, {"title": "Text", "file": _upload("treaty.pdf", PDF)})
    assert not AgreementDocument.objects.exists()
    settings.CAMKET_MAX_EVIDENCE_BYTES = 1024 * 1024
    forbidden = client_for(world.officer_b).post(
        address, {"title": "Text", "file": _upload("treaty.pdf", PDF)}
    )
    assert forbidden.status_code == 403
    client.post(address, {"title": "Signed text", "file": _upload("treaty.pdf", PDF)})
    document = AgreementDocument.objects.get()
    assert document.uploaded_by == world.coordinator
    download = client_for(world.viewer).get(f"/cooperation/documents/{document.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["X-Content-Type-Options"] == "nosniff"
    assert Client().get(f"/cooperation/documents/{document.pk}/").status_code == 302
    with pytest.raises(ValidationError):
        services.add_agreement_document(world.coordinator, agreement, "", "x.pdf", b"")


def _upload(name, data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, data)


def test_coordinator_links_a_commitment(world):
    agreement = services.create_agreement(world.coordinator, _values())
    response = client_for(world.coordinator).post(
        f"/cooperation/agreements/{agreement.pk}/links/", {"item": "upr-vn-4:1.1"}
    )
    assert response.status_code == 302
    link = RegisterLink.objects.get(agreement=agreement)
    assert (link.item, link.relation, link.state) == (
        world.published,
        "implemented_by",
        "confirmed",
    )
    page = client_for(world.viewer).get(f"/cooperation/agreements/{agreement.pk}/")
    assert "upr-vn-4:1.1" in page.content.decode()
    client_for(world.officer_b).post(
        f"/cooperation/agreements/{agreement.pk}/links/", {"item": "upr-vn-4:1.1"}
    )
    assert RegisterLink.objects.count() == 1


def test_lists_filter_and_export(world):
    services.create_agreement(world.coordinator, _values())
    services.create_agreement(
        world.coordinator,
        {
            "partner": StateResolver().resolve("Republic of Korea"),
            "kind": "mutual_legal_assistance",
            "status": "in_force",
        },
    )
    client = client_for(world.viewer)
    page = client.get("/cooperation/agreements/?kind=mutual_legal_assistance").content.decode()
    assert "Republic of Korea" in page and "Australia" not in page
    csv = client.get("/exports/agreements.csv?partner=AUS").content.decode()
    assert "Australia" in csv and "Korea" not in csv
    rows = client.get("/exports/agreements.json").json()["rows"]
    assert sorted(row["partner"] for row in rows) == ["AUS", "KOR"]
    # an agreement lacking every optional field: no title, dates, authority, note
    assert all(row["central_authority"] is None for row in rows)
