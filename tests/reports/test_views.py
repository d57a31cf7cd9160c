"""Report pages per persona: writing, attaching files, reviewing, downloading evidence."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from camket.reports import services
from camket.reports.models import ProgressReport
from tests.reports.conftest import PDF


def _as(client, plan_world, persona):
    client.force_login(getattr(plan_world.world, persona))
    return client


def test_focal_point_saves_submits_and_attaches_through_the_page(client, plan_world, due_a):
    client = _as(client, plan_world, "officer_a")
    url = reverse("due-date-report", args=[due_a.pk])
    client.post(
        url,
        {
            "status": "in_progress",
            "narrative": "Two courses held.",
            "indicator_value": "40",
            "version": "",
        },
    )
    report = ProgressReport.objects.get(due_date=due_a)
    assert report.state == "draft" and report.indicator_value == 40
    upload = SimpleUploadedFile("attendance.pdf", PDF, content_type="application/pdf")
    client.post(
        url,
        {
            "status": "in_progress",
            "narrative": "Two courses held.",
            "indicator_value": "40",
            "version": report.version,
            "file": upload,
            "is_public": "on",
            "attach": "1",
        },
    )
    assert report.evidence.get().is_public
    report.refresh_from_db()
    client.post(
        url,
        {
            "status": "in_progress",
            "narrative": "Two courses held.",
            "indicator_value": "40",
            "version": report.version,
            "submit": "1",
        },
    )
    report.refresh_from_db()
    assert report.state == "submitted" and report.submitted_by == plan_world.world.officer_a


def test_a_refused_file_is_explained(client, plan_world, due_a):
    client = _as(client, plan_world, "officer_a")
    upload = SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>")
    response = client.post(
        reverse("due-date-report", args=[due_a.pk]),
        {"narrative": "Typed before attaching.", "version": "", "file": upload, "attach": "1"},
    )
    content = response.content.decode()
    assert "does not contain what its extension says" in content
    assert "Typed before attaching." in content  # the input comes back, nothing is saved
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize(
    "persona, status", [("officer_b", 403), ("viewer", 403), ("coordinator", 403)]
)
def test_others_cannot_write_agency_a_report(client, plan_world, due_a, persona, status):
    response = _as(client, plan_world, persona).post(
        reverse("due-date-report", args=[due_a.pk]), {"narrative": "Not mine.", "version": ""}
    )
    assert response.status_code == status
    assert not ProgressReport.objects.exists()


def test_others_cannot_see_agency_b_draft_action_due_dates(client, plan_world):
    due_b = plan_world.indicator_b.due_dates.first()
    for persona, expected in [
        ("officer_a", 404),
        ("viewer", 404),
        ("officer_b", 200),
        ("coordinator", 200),
    ]:
        response = _as(client, plan_world, persona).get(reverse("due-date-report", args=[due_b.pk]))
        assert response.status_code == expected, persona


def test_coordinator_accepts_through_the_page(client, plan_world, submitted_a):
    response = _as(client, plan_world, "coordinator").post(
        reverse("report-review", args=[submitted_a.pk]),
        {"accept": "1", "comment": "", "version": submitted_a.version},
        follow=True,
    )
    assert "Report accepted." in response.content.decode()
    plan_world.action_a.refresh_from_db()
    assert plan_world.action_a.status == "implemented"


def test_a_stale_review_is_refused_with_a_message(client, plan_world, submitted_a):
    response = _as(client, plan_world, "coordinator").post(
        reverse("report-review", args=[submitted_a.pk]),
        {"return": "1", "comment": "More detail.", "version": submitted_a.version - 1},
        follow=True,
    )
    assert response.status_code == 409
    assert "Reload the page" in response.content.decode()
    submitted_a.refresh_from_db()
    assert submitted_a.state == "submitted"


def test_coordinator_does_not_see_agency_drafts(client, plan_world, due_a):
    services.save_report(
        plan_world.world.officer_a, due_a, {"narrative": "Secret draft."}, version=None
    )
    page = _as(client, plan_world, "coordinator").get(reverse("due-date-report", args=[due_a.pk]))
    assert "Secret draft." not in page.content.decode()


# Who may download: internal evidence of an accepted report / public evidence of it.
DOWNLOAD = {
    "officer_a": (200, 200),
    "coordinator": (200, 200),
    "officer_b": (404, 200),
    "viewer": (404, 200),
}


@pytest.mark.parametrize("persona", sorted(DOWNLOAD))
def test_evidence_download_follows_the_public_flag(client, plan_world, due_a, persona):
    officer = plan_world.world.officer_a
    internal = services.add_evidence(officer, due_a, "internal.pdf", PDF, is_public=False)
    public = services.add_evidence(officer, due_a, "public.pdf", PDF, is_public=True)
    report = services.save_report(
        officer,
        due_a,
        {"status": "implemented", "narrative": "Done."},
        version=internal.report.version,
        submit=True,
    )
    services.accept_report(plan_world.world.coordinator, report, version=report.version)
    client = _as(client, plan_world, persona)
    got = tuple(
        client.get(reverse("evidence-download", args=[e.pk])).status_code
        for e in (internal, public)
    )
    assert got == DOWNLOAD[persona]
    response = client.get(reverse("evidence-download", args=[public.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_report_queue_lists_overdue_for_the_agency_and_submissions_for_the_coordinator(
    client, plan_world, submitted_a
):
    queue = _as(client, plan_world, "officer_a").get(reverse("report-queue")).context
    assert all(d.indicator.agency == plan_world.world.agency_a for d in queue["overdue"])
    assert submitted_a.due_date not in list(queue["overdue"])
    queue = _as(client, plan_world, "coordinator").get(reverse("report-queue")).context
    assert list(queue["to_review"]) == [submitted_a]


@pytest.mark.parametrize(
    "persona, sees_history",
    [("officer_a", True), ("coordinator", True), ("officer_b", False), ("viewer", False)],
)
def test_drafts_and_remarks_stay_between_the_agency_and_the_coordinator(
    client, plan_world, due_a, persona, sees_history
):
    world = plan_world.world
    report = services.save_report(
        world.officer_a,
        due_a,
        {"status": "implemented", "narrative": "SECRET first draft"},
        version=None,
        submit=True,
    )
    services.return_report(
        world.coordinator, report, version=report.version, comment="INTERNAL remark"
    )
    report.refresh_from_db()
    report = services.save_report(
        world.officer_a, due_a, {"narrative": "Final text."}, version=report.version, submit=True
    )
    services.accept_report(world.coordinator, report, version=report.version)
    content = (
        _as(client, plan_world, persona)
        .get(reverse("due-date-report", args=[due_a.pk]))
        .content.decode()
    )
    assert "Final text." in content
    assert ("SECRET first draft" in content) is sees_history
    assert ("INTERNAL remark" in content) is sees_history


@pytest.mark.parametrize("persona", ["viewer", "officer_b", "coordinator"])
def test_an_upload_is_refused_before_it_is_read(client, plan_world, due_a, persona, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the refused upload was handed on to be read")

    monkeypatch.setattr(services, "add_evidence", never)
    response = _as(client, plan_world, persona).post(
        reverse("due-date-report", args=[due_a.pk]),
        {"narrative": "", "version": "", "file": SimpleUploadedFile("a.pdf", PDF), "attach": "1"},
    )
    assert response.status_code == 403


def test_an_oversized_upload_is_refused_with_its_size(client, plan_world, due_a, settings):
    settings.CAMKET_MAX_EVIDENCE_BYTES = 10
    response = _as(client, plan_world, "officer_a").post(
        reverse("due-date-report", args=[due_a.pk]),
        {"narrative": "", "version": "", "file": SimpleUploadedFile("big.pdf", PDF), "attach": "1"},
    )
    assert "the limit is" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_a_stale_report_save_keeps_what_was_typed(client, plan_world, due_a):
    officer = plan_world.world.officer_a
    report = services.save_report(officer, due_a, {"narrative": "First."}, version=None)
    opened_at = report.version
    services.save_report(officer, due_a, {"narrative": "Colleague."}, version=opened_at)
    response = _as(client, plan_world, "officer_a").post(
        reverse("due-date-report", args=[due_a.pk]),
        {"narrative": "My long text.", "status": "", "version": opened_at},
    )
    assert response.status_code == 409
    assert "My long text." in response.content.decode()
    assert response.context["form"]["version"].value() == str(opened_at + 1)
    report.refresh_from_db()
    assert report.narrative == "Colleague."


@pytest.mark.parametrize(
    "persona, sees_draft",
    [("officer_a", True), ("coordinator", False), ("officer_b", False), ("viewer", False)],
)
def test_the_queue_does_not_show_another_agency_draft(
    client, plan_world, due_a, persona, sees_draft
):
    services.save_report(
        plan_world.world.officer_a, due_a, {"narrative": "Half written."}, version=None
    )
    queue = _as(client, plan_world, persona).get(reverse("report-queue"), {"agency": "mps"})
    row = next(d for d in queue.context["overdue"] if d.pk == due_a.pk)
    assert (row.seen_report is not None) is sees_draft
    assert ('class="badge draft"' in queue.content.decode()) is sees_draft
