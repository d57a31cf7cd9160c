"""Who may import: the service checks it; `camket import --user` names a person; --overwrite."""

import json

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from camket.frameworks.models import Recommendation
from camket.importers.models import ImportRun
from camket.importers.service import import_file
from camket.review.services import decide

CSV = "Reference,Text,Recommending states,Response\n8.1,Protect journalists.,Sweden,Supported\n"


@pytest.fixture
def path(tmp_path):
    file = tmp_path / "list.csv"
    file.write_text(CSV, encoding="utf-8")
    return file


@pytest.mark.parametrize("who", ["officer_a", "viewer", "anonymous"])
def test_the_service_refuses_people_without_the_import_permission(world, path, who):
    with pytest.raises(PermissionDenied):
        import_file(path, framework_slug="upr-vn-4", user=getattr(world, who))
    assert not Recommendation.objects.filter(reference="8.1").exists()


def test_cli_user_is_named_in_history_and_the_import_log(world, path, capsys):
    call_command("import", str(path), "--framework", "upr-vn-4", "--user", "coordinator")
    record = Recommendation.objects.get(reference="8.1").history.get()
    assert record.history_user == world.coordinator
    assert record.history_change_reason == "Imported from list.csv"
    assert ImportRun.objects.get().imported_by == world.coordinator
    assert "system import" not in capsys.readouterr().out


def test_cli_without_user_is_recorded_as_a_system_import(world, path, capsys):
    call_command("import", str(path), "--framework", "upr-vn-4")
    record = Recommendation.objects.get(reference="8.1").history.get()
    assert record.history_user is None and "system import" in record.history_change_reason
    assert "system import" in capsys.readouterr().out


@pytest.mark.parametrize(
    "username, message", [("nobody", "no active user"), ("viewer", "may not import")]
)
def test_cli_refuses_unknown_users_and_users_without_permission(
    world, path, capsys, username, message
):
    with pytest.raises(CommandError, match=message):
        call_command("import", str(path), "--framework", "upr-vn-4", "--user", username)
    with pytest.raises(CommandError):
        call_command("import", str(path), "--framework", "upr-vn-4", "--user", username, "--json")
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert list(last) == ["created", "updated", "unchanged", "errors"]
    assert message in last["errors"][0]["message"]
    assert not Recommendation.objects.filter(reference="8.1").exists()


def test_cli_dry_run_lists_every_change_and_what_overwrite_would_replace(world, path, capsys):
    call_command("import", str(path), "--framework", "upr-vn-4", "--user", "coordinator")
    recommendation = Recommendation.objects.get(reference="8.1")
    decide(
        world.coordinator,
        recommendation,
        response="noted",
        reason="Not now.",
        decided_on=None,
        version=recommendation.version,
    )
    path.write_text(
        CSV.replace(
            "Protect journalists.,Sweden,Supported",
            "Protect all journalists.,Sweden,Supported in part",
        )
    )
    capsys.readouterr()
    call_command("import", str(path), "--framework", "upr-vn-4", "--dry-run")
    out = capsys.readouterr().out
    assert "upr-vn-4 8.1: text: “Protect journalists.” → “Protect all journalists.”" in out
    assert "response kept as changed in camket: “Noted”" in out
    call_command("import", str(path), "--framework", "upr-vn-4", "--overwrite", "--json")
    last = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert last == {"created": 0, "updated": 1, "unchanged": 0, "errors": []}
    assert Recommendation.objects.get(reference="8.1").response == "supported_in_part"


def test_web_preview_lists_changes_and_the_overwrite_box_replaces_a_decision(client, world):
    client.force_login(world.coordinator)
    upload = {"file": SimpleUploadedFile("list.csv", CSV.encode()), "framework": "upr-vn-4"}
    client.post("/imports/", upload)
    client.post(
        "/imports/", {"confirm": "1", "token": client.session["camket_pending_import"]["token"]}
    )
    recommendation = Recommendation.objects.get(reference="8.1")
    decide(
        world.coordinator,
        recommendation,
        response="noted",
        reason="Not now.",
        decided_on=None,
        version=recommendation.version,
    )
    changed = CSV.replace("Supported", "Supported in part").encode()
    response = client.post(
        "/imports/", {"file": SimpleUploadedFile("list.csv", changed), "framework": "upr-vn-4"}
    )
    assert "kept: changed in camket" in response.content.decode()
    response = client.post(
        "/imports/",
        {
            "file": SimpleUploadedFile("list.csv", changed),
            "framework": "upr-vn-4",
            "overwrite": "on",
        },
    )
    page = response.content.decode()
    assert "Supported in part" in page and "kept: changed in camket" not in page
    client.post(
        "/imports/", {"confirm": "1", "token": client.session["camket_pending_import"]["token"]}
    )
    recommendation.refresh_from_db()
    assert recommendation.response == "supported_in_part" and recommendation.decided_by is None
