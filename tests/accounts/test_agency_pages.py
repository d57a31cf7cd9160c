"""Agencies in the web UI: create, edit, archive (refused while work is open), history."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from camket.accounts import agencies
from camket.accounts.models import Agency
from camket.lib.concurrency import StaleEdit


@pytest.fixture
def coordinator(client, world):
    client.force_login(world.coordinator)
    return client


def test_create_then_edit_an_agency_records_history(coordinator, world):
    response = coordinator.post(
        "/manage/agencies/new/", {"code": "moh", "name": "Bộ Y tế", "name_en": "Ministry of Health"}
    )
    agency = Agency.objects.get(code="moh")
    assert response.status_code == 302 and response.url == f"/manage/agencies/{agency.pk}/"
    edit = coordinator.post(
        f"/manage/agencies/{agency.pk}/edit/",
        {
            "code": "moh",
            "name": "Bộ Y tế",
            "name_en": "Ministry of Health of Viet Nam",
            "version": agency.version,
        },
    )
    assert edit.status_code == 302
    agency.refresh_from_db()
    assert agency.name_en == "Ministry of Health of Viet Nam" and agency.version == 2
    assert [r.history_user for r in agency.history.all()] == [world.coordinator] * 2
    page = coordinator.get(f"/manage/agencies/{agency.pk}/").content.decode()
    assert "Ministry of Health → Ministry of Health of Viet Nam" in page


def test_form_errors_are_shown_under_their_field(coordinator, world):
    response = coordinator.post("/manage/agencies/new/", {"code": "mps", "name": ""})
    assert response.status_code == 200
    form = response.context["form"]
    assert "code" in form.errors and "name" in form.errors
    assert 'class="errors"' in response.content.decode()
    assert Agency.objects.count() == 3


def test_user_text_is_escaped(coordinator):
    coordinator.post("/manage/agencies/new/", {"code": "evil", "name": "<script>x</script>"})
    page = coordinator.get("/manage/agencies/").content.decode()
    assert "<script>x</script>" not in page and "&lt;script&gt;x&lt;/script&gt;" in page


def test_a_stale_edit_does_not_overwrite(coordinator, world):
    agency = world.agency_b
    first = {"code": "moj", "name": "Bộ Tư pháp", "name_en": "Justice", "version": 1}
    assert coordinator.post(f"/manage/agencies/{agency.pk}/edit/", first).status_code == 302
    second = {**first, "name_en": "Ministry of Justice"}
    response = coordinator.post(f"/manage/agencies/{agency.pk}/edit/", second)
    assert response.status_code == 200 and "Someone else saved" in response.content.decode()
    agency.refresh_from_db()
    assert agency.name_en == "Justice"
    with pytest.raises(StaleEdit):
        agencies.update_agency(world.coordinator, agency, {"name_en": "Other"}, version=1)


def test_archiving_an_agency_with_open_work_is_refused_and_says_why(coordinator, world):
    page = coordinator.get(f"/manage/agencies/{world.agency_a.pk}/archive/").content.decode()
    assert "cannot be archived yet" in page
    assert "active members: 2" in page and "opinions not yet given: 1" in page
    response = coordinator.post(
        f"/manage/agencies/{world.agency_a.pk}/archive/", {"archived": "1", "version": "1"}
    )
    assert response.status_code == 302
    world.agency_a.refresh_from_db()
    assert not world.agency_a.archived


def test_an_agency_without_open_work_is_archived_and_brought_back(coordinator, world):
    agency = Agency.objects.create(code="moh", name="Bộ Y tế")
    assert (
        "Archive Bộ Y tế?"
        in coordinator.get(f"/manage/agencies/{agency.pk}/archive/").content.decode()
    )
    coordinator.post(f"/manage/agencies/{agency.pk}/archive/", {"archived": "1", "version": "1"})
    agency.refresh_from_db()
    assert agency.archived
    listed = coordinator.get("/manage/agencies/").content.decode()
    assert "Bộ Y tế" not in listed
    assert "Bộ Y tế" in coordinator.get("/manage/agencies/?archived=1").content.decode()
    coordinator.post(f"/manage/agencies/{agency.pk}/archive/", {"archived": "0", "version": "2"})
    agency.refresh_from_db()
    assert not agency.archived
    assert [r.archived for r in agency.history.all()] == [False, True, False]


def test_officers_cannot_change_agencies(client, world):
    client.force_login(world.officer_a)
    response = client.post(
        f"/manage/agencies/{world.agency_a.pk}/edit/",
        {"code": "mps", "name": "Changed", "version": 1},
    )
    assert response.status_code == 403
    world.agency_a.refresh_from_db()
    assert world.agency_a.name == "Bộ Công an"


def test_the_command_line_uses_the_same_rules(world, capsys):
    call_command("agencies", "add", "moh", "--name", "Bộ Y tế", "--user", "coordinator")
    assert Agency.objects.get(code="moh").history.first().history_user == world.coordinator
    with pytest.raises(CommandError, match="open work"):
        call_command("agencies", "archive", "mps")
    with pytest.raises(CommandError):
        call_command("agencies", "add", "x", "--name", "X", "--user", "officer_a")
    call_command("agencies", "list")
    assert "moh\tBộ Y tế" in capsys.readouterr().out
