"""Progress reports: who writes, submits, accepts or returns them; stale edits; evidence."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from camket.lib.concurrency import StaleEdit
from camket.reports import services
from camket.reports.models import Evidence, ProgressReport
from tests.reports.conftest import PDF, PNG, xlsx_bytes


def test_accepting_a_report_sets_the_action_and_recommendation_status(plan_world, submitted_a):
    world = plan_world.world
    services.accept_report(world.coordinator, submitted_a, version=submitted_a.version)
    plan_world.action_a.refresh_from_db()
    world.published.refresh_from_db()
    assert plan_world.action_a.status == "implemented"
    assert world.published.implementation == "implemented"
    record = plan_world.action_a.history.first()
    assert record.history_user == world.coordinator
    assert "2025-06-30" in record.history_change_reason


def test_a_returned_report_goes_back_to_the_agency_with_the_comment(plan_world, submitted_a):
    world = plan_world.world
    with pytest.raises(ValidationError):
        services.return_report(
            world.coordinator, submitted_a, version=submitted_a.version, comment=" "
        )
    services.return_report(
        world.coordinator,
        submitted_a,
        version=submitted_a.version,
        comment="Give the number of women trained.",
    )
    submitted_a.refresh_from_db()
    assert submitted_a.state == "returned" and submitted_a.is_editable
    services.save_report(
        world.officer_a,
        submitted_a.due_date,
        {"narrative": "120, 45 women."},
        version=submitted_a.version,
        submit=True,
    )
    submitted_a.refresh_from_db()
    assert submitted_a.state == "submitted"
    plan_world.action_a.refresh_from_db()
    assert plan_world.action_a.status == "not_started"


@pytest.mark.parametrize("persona", ["officer_b", "viewer", "coordinator"])
def test_only_the_reporting_agency_writes_its_report(plan_world, due_a, persona):
    with pytest.raises(PermissionDenied):
        services.save_report(
            getattr(plan_world.world, persona), due_a, {"narrative": "x"}, version=None
        )
    assert not ProgressReport.objects.exists()


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
def test_only_the_coordinator_accepts(plan_world, submitted_a, persona):
    with pytest.raises(PermissionDenied):
        services.accept_report(
            getattr(plan_world.world, persona), submitted_a, version=submitted_a.version
        )


def test_a_submitted_report_is_frozen_for_the_agency(plan_world, submitted_a):
    with pytest.raises(PermissionDenied):
        services.save_report(
            plan_world.world.officer_a,
            submitted_a.due_date,
            {"narrative": "changed"},
            version=submitted_a.version,
        )


def test_submitting_needs_a_narrative_and_a_status(plan_world, due_a):
    with pytest.raises(ValidationError) as error:
        services.save_report(
            plan_world.world.officer_a, due_a, {"narrative": ""}, version=None, submit=True
        )
    assert set(error.value.message_dict) == {"narrative", "status"}


def test_a_stale_report_edit_is_refused_and_nothing_is_lost(plan_world, due_a):
    officer = plan_world.world.officer_a
    report = services.save_report(officer, due_a, {"narrative": "First draft."}, version=None)
    opened_at = report.version
    services.save_report(officer, due_a, {"narrative": "Colleague's text."}, version=opened_at)
    with pytest.raises(StaleEdit):
        services.save_report(officer, due_a, {"narrative": "My text."}, version=opened_at)
    with pytest.raises(StaleEdit):  # started from "no report" while one was written meanwhile
        services.save_report(officer, due_a, {"narrative": "Mine."}, version=None)
    report.refresh_from_db()
    assert report.narrative == "Colleague's text."
    assert [h.narrative for h in report.history.order_by("history_id")] == [
        "First draft.",
        "Colleague's text.",
    ]


@pytest.mark.parametrize(
    "name, data", [("minutes.pdf", PDF), ("photo.png", PNG), ("figures.xlsx", xlsx_bytes())]
)
def test_accepted_evidence_is_stored_under_a_random_name(plan_world, due_a, name, data):
    evidence = services.add_evidence(plan_world.world.officer_a, due_a, name, data, is_public=True)
    assert evidence.original_name == name and evidence.size == len(data)
    assert name not in evidence.file.name
    with evidence.file.open("rb") as stored:
        assert stored.read() == data
    assert evidence.report.state == "draft"


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("minutes.pdf", b"MZ\x90\x00 not a pdf", "does not contain"),
        ("figures.xlsx", PDF, "does not contain"),
        ("run.exe", b"MZ\x90\x00", "only PDF"),
        ("empty.pdf", b"", "empty"),
        ("big.pdf", PDF + b"0" * 2048, "limit"),
    ],
)
def test_wrong_or_oversized_files_are_refused(plan_world, due_a, settings, name, data, message):
    settings.CAMKET_MAX_EVIDENCE_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        services.add_evidence(plan_world.world.officer_a, due_a, name, data)
    assert message in " ".join(error.value.messages)
    assert not Evidence.objects.exists()


def test_evidence_is_archived_never_deleted(plan_world, due_a):
    officer = plan_world.world.officer_a
    evidence = services.add_evidence(officer, due_a, "../../etc/passwd.pdf", PDF)
    assert evidence.original_name == "passwd.pdf"
    services.change_evidence(officer, evidence, archived=True)
    evidence.refresh_from_db()
    assert evidence.archived and evidence.file.storage.exists(evidence.file.name)


def test_a_late_accepted_older_report_does_not_undo_a_newer_one(plan_world, due_a):
    world = plan_world.world
    later = plan_world.indicator_a.due_dates.order_by("due_on")[1]
    old = services.save_report(
        world.officer_a,
        due_a,
        {"status": "in_progress", "narrative": "Started."},
        version=None,
        submit=True,
    )
    new = services.save_report(
        world.officer_a,
        later,
        {"status": "implemented", "narrative": "Done."},
        version=None,
        submit=True,
    )
    services.accept_report(world.coordinator, new, version=new.version)
    services.accept_report(world.coordinator, old, version=old.version)
    plan_world.action_a.refresh_from_db()
    assert plan_world.action_a.status == "implemented"


def test_evidence_is_stored_under_the_configured_media_root(plan_world, due_a, settings):
    from pathlib import Path

    evidence = services.add_evidence(plan_world.world.officer_a, due_a, "a.pdf", PDF)
    stored = Path(evidence.file.path)
    assert stored.is_relative_to(Path(settings.MEDIA_ROOT) / "evidence")


def test_accepting_another_status_clears_the_old_not_implemented_reason(plan_world, submitted_a):
    from camket.plans.services import set_action_status

    world, action = plan_world.world, plan_world.action_a
    set_action_status(
        world.coordinator, action, "not_implemented", "No budget.", version=action.version
    )
    services.accept_report(world.coordinator, submitted_a, version=submitted_a.version)
    action.refresh_from_db()
    assert (action.status, action.status_reason) == ("implemented", "")


def test_an_indicator_value_too_large_is_refused(plan_world, due_a):
    with pytest.raises(ValidationError) as error:
        services.save_report(
            plan_world.world.officer_a, due_a, {"indicator_value": 10**20}, version=None
        )
    assert "indicator_value" in error.value.message_dict


@pytest.mark.parametrize("archive", ["indicator", "action", "plan"])
def test_nothing_archived_can_be_reported_on(plan_world, due_a, archive):
    from camket.plans import indicators as indicator_services
    from camket.plans import services as plan_services

    coordinator = plan_world.world.coordinator
    if archive == "indicator":
        indicator = plan_world.indicator_a
        indicator_services.update_indicator(
            coordinator, indicator, {"archived": True}, version=indicator.version
        )
    elif archive == "action":
        plan_services.set_publication(coordinator, [plan_world.action_a], "archived")
    else:
        plan_services.update_plan(
            coordinator, plan_world.plan, {"archived": True}, version=plan_world.plan.version
        )
    due_a.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.save_report(plan_world.world.officer_a, due_a, {"narrative": "x"}, version=None)
