"""Frameworks are archived and brought back from the frameworks page, with a confirmation."""

from camket.frameworks.models import Framework


def test_a_coordinator_archives_and_brings_back_with_history(client, world):
    client.force_login(world.coordinator)
    listing = client.get("/frameworks/").content.decode()
    assert 'href="/frameworks/upr-vn-4/archive/">Archive<' in listing
    confirm = client.get("/frameworks/upr-vn-4/archive/").content.decode()
    assert "Archive UPR Viet Nam cycle 4?" in confirm
    assert not Framework.objects.get(slug="upr-vn-4").archived  # asking changes nothing
    client.post("/frameworks/upr-vn-4/archive/", {"archived": "1", "version": "1"})
    framework = Framework.objects.get(slug="upr-vn-4")
    assert framework.archived
    assert "Bring back" in client.get("/frameworks/").content.decode()
    client.post("/frameworks/upr-vn-4/archive/", {"archived": "0", "version": "2"})
    framework.refresh_from_db()
    assert not framework.archived
    history = client.get("/frameworks/upr-vn-4/edit/").content.decode()
    assert "archived: yes → no" in history and "archived: no → yes" in history


def test_a_stale_archive_is_refused(client, world):
    client.force_login(world.coordinator)
    Framework.objects.filter(slug="upr-vn-4").update(version=5)
    client.post("/frameworks/upr-vn-4/archive/", {"archived": "1", "version": "1"})
    assert not Framework.objects.get(slug="upr-vn-4").archived


def test_others_cannot_archive(client, world):
    for person in (world.officer_a, world.viewer, world.mps_coordinator):
        client.force_login(person)
        response = client.post("/frameworks/upr-vn-4/archive/", {"archived": "1", "version": "1"})
        assert response.status_code in (403, 404)
    assert not Framework.objects.get(slug="upr-vn-4").archived
