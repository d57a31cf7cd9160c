"""Attaching evidence is part of the report's form: what was typed is saved with the file."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from camket.reports import services
from camket.reports.models import Evidence, ProgressReport
from tests.reports.conftest import PDF


def _post(client, plan_world, due_date, data):
    client.force_login(plan_world.world.officer_a)
    return client.post(reverse("due-date-report", args=[due_date.pk]), data)


def _stored_files(settings) -> list:
    folder = settings.MEDIA_ROOT / "evidence"
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


def test_attaching_a_file_saves_the_narrative_and_value_typed_before(client, plan_world, due_a):
    officer = plan_world.world.officer_a
    report = services.save_report(officer, due_a, {"narrative": "Old text."}, version=None)

    response = _post(
        client,
        plan_world,
        due_a,
        {
            "status": "in_progress",
            "narrative": "Unsaved new text.",
            "indicator_value": "75",
            "version": report.version,
            "is_public": "on",
            "attach": "1",
            "file": SimpleUploadedFile("attendance.pdf", PDF),
        },
    )

    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.narrative, report.indicator_value, report.status, report.state) == (
        "Unsaved new text.",
        75,
        "in_progress",
        "draft",
    )
    assert report.evidence.get().original_name == "attendance.pdf"


def test_a_file_chosen_before_submitting_is_attached_then_submitted(client, plan_world, due_a):
    response = _post(
        client,
        plan_world,
        due_a,
        {
            "status": "implemented",
            "narrative": "All done.",
            "indicator_value": "",
            "version": "",
            "submit": "1",
            "file": SimpleUploadedFile("minutes.pdf", PDF),
        },
    )

    assert response.status_code == 302
    report = ProgressReport.objects.get(due_date=due_a)
    assert report.state == "submitted"
    assert report.evidence.get().original_name == "minutes.pdf"


def test_a_refused_submission_attaches_nothing_and_keeps_the_input(
    client, plan_world, due_a, settings
):
    response = _post(
        client,
        plan_world,
        due_a,
        {
            "status": "",
            "narrative": "",
            "indicator_value": "12",
            "version": "",
            "submit": "1",
            "file": SimpleUploadedFile("minutes.pdf", PDF),
        },
    )

    assert response.status_code == 200
    assert response.context["form"]["indicator_value"].value() == "12"
    assert not ProgressReport.objects.exists() and not Evidence.objects.exists()
    assert _stored_files(settings) == []


def test_attach_without_a_file_is_explained_and_saves_nothing(client, plan_world, due_a):
    response = _post(
        client,
        plan_world,
        due_a,
        {"status": "", "narrative": "Typed.", "indicator_value": "", "version": "", "attach": "1"},
    )

    assert response.status_code == 200
    assert "Choose a file to upload." in response.content.decode()
    assert "Typed." in response.content.decode()
    assert not ProgressReport.objects.exists()
