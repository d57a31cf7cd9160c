"""/api/due-dates, /api/reports, /api/evidence, /api/reminders: reporting on the Master Plan."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from camket.plans.models import DueDate
from camket.reminders.models import Reminder
from camket.reports import services
from camket.reports.models import Evidence, ProgressReport
from tests.api.conftest import PERSONAS
from tests.api.helpers import ids_of

EVERYONE = set(PERSONAS)
ALL_CALLERS = [*PERSONAS, "anonymous"]
PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"

# Who reads the report on the first due date of agency A's or B's action, by its state.
# Action B is a draft: officer A and the viewer do not even see its due dates.
REPORT_READERS = {
    ("a", "draft"): {"officer_a"},
    ("a", "submitted"): {"coordinator", "officer_a"},
    ("a", "returned"): {"coordinator", "officer_a"},
    ("a", "accepted"): EVERYONE,
    ("b", "draft"): {"officer_b"},
    ("b", "submitted"): {"coordinator", "officer_b"},
    ("b", "accepted"): {"coordinator", "officer_b"},
}
DUE_DATE_READERS = {"a": EVERYONE, "b": {"coordinator", "officer_b"}}


def _due(plan_world, which="a", index=0):
    return getattr(plan_world, f"indicator_{which}").due_dates.order_by("due_on")[index]


def _report(plan_world, state, which="a", evidence=None):
    """Agency `which`'s report on its first due date, brought to `state` through the services.

    `evidence`: (is_public, archived) of a file "minutes.pdf" attached while it is a draft.
    """
    world, due_date = plan_world.world, _due(plan_world, which)
    officer = getattr(world, f"officer_{which}")
    values = {"status": "implemented", "narrative": f"{state} narrative", "indicator_value": 40}
    report = services.save_report(officer, due_date, values, version=None)
    if evidence is not None:
        item = services.add_evidence(officer, due_date, "minutes.pdf", PDF, is_public=evidence[0])
        services.change_evidence(officer, item, archived=evidence[1])
    if state != "draft":
        report = services.save_report(
            officer, due_date, values, version=report.version, submit=True
        )
    if state == "accepted":
        services.accept_report(world.coordinator, report, version=report.version)
    if state == "returned":
        services.return_report(
            world.coordinator, report, version=report.version, comment="Add the figures"
        )
    report.refresh_from_db()
    assert report.state == state
    return report


def _expected(persona, readers, hidden=404):
    return 401 if persona == "anonymous" else 200 if persona in readers else hidden


def _pdf(name="minutes.pdf", data=PDF):
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


# --- reading -----------------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ALL_CALLERS)
@pytest.mark.parametrize(("which", "state"), list(REPORT_READERS))
def test_report_is_read_only_by_its_readers(plan_world, api_as, persona, which, state):
    report = _report(plan_world, state, which)
    api = api_as(persona)
    expected = _expected(persona, REPORT_READERS[which, state])

    single = api.get(f"/reports/{report.pk}")
    history = api.get(f"/reports/{report.pk}/history")
    due_date = api.get(f"/due-dates/{report.due_date_id}")

    assert (single.status_code, history.status_code) == (expected, expected)
    if expected == 200:
        assert single.json()["narrative"] == f"{state} narrative"
        # The drafts and the coordinator's remarks stay between the agency and the coordinator.
        history_owners = {"coordinator", "officer_a" if which == "a" else "officer_b"}
        if persona == "coordinator":  # from the submission on, not the agency's drafts
            assert ["submission state", "Draft", "Submitted"] in history.json()[-1]["changes"]
        elif persona in history_owners:
            assert history.json()[-1]["kind"] == "created"
        else:
            assert history.json() == []
    if persona in DUE_DATE_READERS[which]:
        assert due_date.json()["report"] == (single.json() if expected == 200 else None)
        listed = {d["id"]: d["report_state"] for d in api.get("/due-dates").json()["items"]}
        assert listed[report.due_date_id] == (state if expected == 200 else None)
    else:
        assert due_date.status_code == _expected(persona, set())


@pytest.mark.parametrize("persona", PERSONAS)
def test_due_date_list_holds_the_due_dates_of_visible_indicators(plan_world, api_as, persona):
    expected = {
        d.pk
        for which, readers in DUE_DATE_READERS.items()
        if persona in readers
        for d in getattr(plan_world, f"indicator_{which}").due_dates.all()
    }

    response = api_as(persona).get("/due-dates")

    assert response.status_code == 200
    assert ids_of(response) == expected
    assert len(expected) == (8 if persona in {"coordinator", "officer_b"} else 4)


@pytest.mark.parametrize(("archived", "expected_index"), [("false", {1, 2, 3}), ("true", {0})])
def test_archived_due_dates_are_listed_only_when_asked(
    plan_world, api_as, archived, expected_index
):
    DueDate.objects.filter(pk=_due(plan_world).pk).update(archived=True)

    response = api_as("officer_a").get("/due-dates", {"archived": archived})

    assert ids_of(response) == {_due(plan_world, index=i).pk for i in expected_index}


# --- writing reports ---------------------------------------------------------------------------


def _save(api, due_date, version, submit=False, **values):
    body = {
        "status": "in_progress",
        "narrative": "Trained 40 officers",
        "indicator_value": 40,
        "version": version,
        "submit": submit,
        **values,
    }
    return api.put(f"/due-dates/{due_date.pk}/report", body)


def test_officer_a_drafts_then_submits_a_report(plan_world, api_as):
    api, due_date = api_as("officer_a"), _due(plan_world)

    draft = _save(api, due_date, None)
    submitted = _save(api, due_date, draft.json()["version"], submit=True, narrative="Final")

    assert draft.status_code == 200, draft.content
    assert (draft.json()["state"], draft.json()["indicator_value"]) == ("draft", "40.00")
    assert submitted.status_code == 200, submitted.content
    report = ProgressReport.objects.get(due_date=due_date)
    assert (report.state, report.narrative, report.submitted_by) == (
        "submitted",
        "Final",
        plan_world.world.officer_a,
    )
    assert _save(api, due_date, report.version, narrative="After").status_code == 403


@pytest.mark.parametrize("persona", ALL_CALLERS)
@pytest.mark.parametrize("which", ["a", "b"])
def test_only_the_reporting_agency_saves_its_report(plan_world, api_as, persona, which):
    due_date = _due(plan_world, which)

    response = _save(api_as(persona), due_date, None)

    hidden = 403 if persona in DUE_DATE_READERS[which] else 404
    assert response.status_code == _expected(persona, {f"officer_{which}"}, hidden)
    assert ProgressReport.objects.filter(due_date=due_date).exists() is (
        response.status_code == 200
    )


@pytest.mark.parametrize("stale_version", [None, 1])
def test_saving_from_a_stale_version_is_409_and_keeps_the_report(plan_world, api_as, stale_version):
    api, due_date = api_as("officer_a"), _due(plan_world)
    _save(api, due_date, None, narrative="first")
    _save(api, due_date, 1, narrative="second")

    response = _save(api, due_date, stale_version, narrative="third")

    assert response.status_code == 409
    report = ProgressReport.objects.get(due_date=due_date)
    assert (report.narrative, report.version) == ("second", 2)


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"narrative": "  "}, "narrative"),
        ({"status": ""}, "status"),
        ({"status": "done"}, "status"),
        ({"indicator_value": "1e20"}, "indicator_value"),
        ({"indicator_value": 1.234}, "indicator"),
    ],
)
def test_incomplete_or_invalid_report_is_not_submitted(plan_world, api_as, values, field):
    response = _save(api_as("officer_a"), _due(plan_world), None, submit=True, **values)

    assert response.status_code == 422
    assert field in str(response.json()["detail"])
    assert not ProgressReport.objects.exists()


# --- reviewing reports -------------------------------------------------------------------------


@pytest.mark.parametrize("persona", ALL_CALLERS)
@pytest.mark.parametrize("verb", ["accept", "return"])
def test_only_the_coordinator_reviews_a_submitted_report(plan_world, api_as, persona, verb):
    report = _report(plan_world, "submitted")

    response = api_as(persona).post(
        f"/reports/{report.pk}/{verb}", {"version": report.version, "comment": "Noted"}
    )

    readers = REPORT_READERS["a", "submitted"]
    expected = (
        200
        if persona == "coordinator"
        else _expected(persona, set(), 403 if persona in readers else 404)
    )
    assert response.status_code == expected, response.content
    report.refresh_from_db()
    reviewed = {"accept": "accepted", "return": "returned"}[verb]
    assert report.state == (reviewed if expected == 200 else "submitted")


def test_accepting_sets_the_action_status_and_the_recommendation_implementation(plan_world, api_as):
    report = _report(plan_world, "submitted")

    response = api_as("coordinator").post(
        f"/reports/{report.pk}/accept", {"version": report.version, "comment": "Good"}
    )

    assert response.status_code == 200, response.content
    assert (response.json()["state"], response.json()["review_comment"]) == ("accepted", "Good")
    plan_world.action_a.refresh_from_db()
    plan_world.world.published.refresh_from_db()
    assert plan_world.action_a.status == "implemented"
    assert plan_world.world.published.implementation == "implemented"
    assert api_as("viewer").get(f"/actions/{plan_world.action_a.pk}").json()["status"] == (
        "implemented"
    )


@pytest.mark.parametrize(
    ("verb", "body", "expected"),
    [
        ("accept", {"version": 1}, 409),
        ("return", {"version": 2}, 422),
        ("return", {"version": 1, "comment": "Old"}, 409),
    ],
)
def test_refused_review_changes_nothing(plan_world, api_as, verb, body, expected):
    report = _report(plan_world, "submitted")
    assert report.version == 2

    response = api_as("coordinator").post(f"/reports/{report.pk}/{verb}", body)

    assert response.status_code == expected
    report.refresh_from_db()
    plan_world.action_a.refresh_from_db()
    assert (report.state, report.version, plan_world.action_a.status) == (
        "submitted",
        2,
        "not_started",
    )


def test_returned_report_goes_back_to_the_agency(plan_world, api_as):
    report = _report(plan_world, "returned")

    response = _save(api_as("officer_a"), report.due_date, report.version, submit=True)

    assert response.status_code == 200, response.content
    assert response.json()["state"] == "submitted"
    assert response.json()["review_comment"] == "Add the figures"


# --- evidence ----------------------------------------------------------------------------------


def _docx(member="word/document.xml"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(member, "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "expected", "content_type"),
    [
        ("minutes.pdf", PDF, 200, "application/pdf"),
        ("fake.pdf", b"<html>not a pdf</html>", 422, None),
        ("photo.png", PDF, 422, None),
        (
            "plan.docx",
            _docx(),
            200,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("sheet.xlsx", _docx(), 422, None),
        ("run.exe", b"MZ\x90\x00", 422, None),
        ("large.pdf", PDF + b"0" * 4096, 422, None),
    ],
)
def test_evidence_must_be_what_its_name_says(
    plan_world, api_as, settings, name, data, expected, content_type
):
    settings.CAMKET_MAX_EVIDENCE_BYTES = 4096
    response = api_as("officer_a").upload(
        f"/due-dates/{_due(plan_world).pk}/evidence", {"file": _pdf(name, data)}
    )

    assert response.status_code == expected, response.content
    assert Evidence.objects.filter(original_name=name).exists() is (expected == 200)
    if expected == 200:
        assert response.json()["content_type"] == content_type
        assert ProgressReport.objects.get().state == "draft"
    else:
        assert name in str(response.json()["detail"])


@pytest.mark.parametrize("persona", ALL_CALLERS)
@pytest.mark.parametrize("which", ["a", "b"])
def test_only_the_reporting_agency_uploads_evidence(plan_world, api_as, persona, which):
    response = api_as(persona).upload(
        f"/due-dates/{_due(plan_world, which).pk}/evidence", {"file": _pdf()}, "?is_public=true"
    )

    hidden = 403 if persona in DUE_DATE_READERS[which] else 404
    assert response.status_code == _expected(persona, {f"officer_{which}"}, hidden)
    assert Evidence.objects.filter(is_public=True).exists() is (response.status_code == 200)


EVIDENCE_READERS = [
    (False, False, "draft", {"officer_a"}),
    (True, False, "draft", {"officer_a"}),
    (False, False, "submitted", {"coordinator", "officer_a"}),
    (False, False, "accepted", {"coordinator", "officer_a"}),
    (True, False, "accepted", EVERYONE),
    (True, True, "accepted", {"coordinator", "officer_a"}),
]


@pytest.mark.parametrize("persona", ALL_CALLERS)
@pytest.mark.parametrize(("is_public", "archived", "state", "readers"), EVIDENCE_READERS)
def test_evidence_is_downloaded_only_by_its_readers(
    plan_world, api_as, persona, is_public, archived, state, readers
):
    report, api = _report(plan_world, state, evidence=(is_public, archived)), api_as(persona)
    item = report.evidence.get()

    response = api.get(f"/evidence/{item.pk}/download")

    assert response.status_code == _expected(persona, readers)
    if response.status_code == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="minutes.pdf"'
        assert response["X-Content-Type-Options"] == "nosniff"
    report = api.get(f"/reports/{item.report_id}")
    if report.status_code == 200:
        listed = {e["id"] for e in report.json()["evidence"]}
        history = api.get(f"/reports/{item.report_id}/history").json()
        assert (item.pk in listed) is (persona in readers)
        # Attached while the report was a draft: the coordinator's history starts later.
        in_history = persona in readers and persona == "officer_a"
        assert ("minutes.pdf" in {e["subject"] for e in history}) is in_history


@pytest.mark.parametrize(
    ("persona", "state", "expected"),
    [
        ("officer_a", "draft", 200),
        ("officer_a", "submitted", 403),
        ("coordinator", "draft", 404),
        ("coordinator", "submitted", 403),
        ("officer_b", "draft", 404),
        ("viewer", "accepted", 404),
        ("anonymous", "draft", 401),
    ],
)
def test_only_the_agency_changes_evidence_while_the_report_is_open(
    plan_world, api_as, persona, state, expected
):
    item = _report(plan_world, state, evidence=(False, False)).evidence.get()

    response = api_as(persona).post(f"/evidence/{item.pk}", {"is_public": True})

    assert response.status_code == expected, response.content
    item.refresh_from_db()
    assert item.is_public is (expected == 200)


# --- overdue, open, reminders ------------------------------------------------------------------


@pytest.fixture
def dated(plan_world):
    """Agency A: one due date 30 days late and one due in 5 days; agency B: nothing before 100."""
    today = timezone.localdate()
    offsets = {"a": [-30, 5, 200, 400], "b": [100, 101, 300, 500]}
    for which, days in offsets.items():
        for index, due_date in enumerate(
            getattr(plan_world, f"indicator_{which}").due_dates.order_by("due_on")
        ):
            due_date.due_on = today + timedelta(days=days[index])
            due_date.save(update_fields=["due_on"])
    for officer in (plan_world.world.officer_a, plan_world.world.officer_b):
        officer.email = f"{officer.username}@example.gov.vn"
        officer.save(update_fields=["email"])
    return plan_world


@pytest.mark.parametrize("persona", PERSONAS)
def test_overdue_and_open_filters_follow_the_reports(dated, api_as, persona):
    late = _due(dated)
    api = api_as(persona)

    before = ids_of(api.get("/due-dates", {"overdue": "true"}))
    detail = api.get(f"/due-dates/{late.pk}").json()
    _report(dated, "submitted")
    after = ids_of(api.get("/due-dates", {"overdue": "true"}))
    closed = ids_of(api.get("/due-dates", {"open": "false"}))

    assert (before, after, closed) == ({late.pk}, set(), {late.pk})
    assert (detail["agency"], detail["action_id"], detail["indicator"]) == (
        "mps",
        dated.action_a.pk,
        "Officers trained",
    )
    assert (detail["open"], detail["overdue"], detail["report"]) == (True, True, None)
    assert api.get(f"/due-dates/{late.pk}").json()["overdue"] is False


@pytest.mark.parametrize(("overdue", "expected"), [("true", {"action_a"}), ("false", {"action_b"})])
def test_actions_filter_by_overdue_due_dates(dated, api_as, overdue, expected):
    response = api_as("coordinator").get("/actions", {"overdue": overdue})

    assert ids_of(response) == {getattr(dated, name).pk for name in expected}


@pytest.mark.parametrize("persona", ALL_CALLERS)
def test_only_the_coordinator_runs_reminders(dated, api_as, persona):
    response = api_as(persona).post("/reminders/run?dry_run=true")

    assert response.status_code == _expected(persona, {"coordinator"}, 403)
    if persona == "coordinator":
        assert [
            (r["kind"], r["due_date"], r["recipient"], r["agency"], r["sent"])
            for r in response.json()
        ] == [
            ("overdue", _due(dated).pk, "officer_a", "mps", False),
            ("due_soon", _due(dated, index=1).pk, "officer_a", "mps", False),
        ]
    assert not Reminder.objects.exists()
    assert mail.outbox == []


def test_reminders_are_sent_once(dated, api_as):
    api = api_as("coordinator")

    first = api.post("/reminders/run")
    second = api.post("/reminders/run")

    assert [r["sent"] for r in first.json()] == [True, True]
    assert second.json() == []
    assert [m.to for m in mail.outbox] == [["officer_a@example.gov.vn"]] * 2
