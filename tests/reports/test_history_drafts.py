"""A report's drafts are the agency's: the coordinator reads its history from the submission on,
each submission, return and acceptance, never the agency's edits in between."""

import pytest

from camket.accounts.models import ApiToken
from camket.reports import services
from tests.reports.conftest import PDF

FIRST_DRAFT = "SECRET-FIRST-DRAFT narrative"
REWORK = "SECRET-REWORK in progress"


def _save(user, due_date, values, *, submit=False):
    report = services.report_of(due_date)
    return services.save_report(
        user, due_date, values, version=report.version if report else None, submit=submit
    )


def _history(client, user, report) -> tuple[str, list]:
    client.force_login(user)
    _, secret = ApiToken.issue(user, "history test")
    page = client.get(f"/due-dates/{report.due_date_id}/")
    api = client.get(
        f"/api/reports/{report.pk}/history", headers={"Authorization": f"Bearer {secret}"}
    )
    assert (page.status_code, api.status_code) == (200, 200)
    return page.content.decode().split('id="history-title"')[-1], api.json()


@pytest.fixture
def handed_over(plan_world, due_a):
    """Agency A's report: two drafts and a file, submitted, returned, then edited again."""
    officer, coordinator = plan_world.world.officer_a, plan_world.world.coordinator
    _save(officer, due_a, {"narrative": FIRST_DRAFT, "indicator_value": 7, "status": "not_started"})
    evidence = services.add_evidence(officer, due_a, "minutes.pdf", PDF)
    services.change_evidence(officer, evidence, is_public=True)
    _save(
        officer,
        due_a,
        {"narrative": "Half the officers trained.", "indicator_value": 60, "status": "in_progress"},
        submit=True,
    )
    report = services.report_of(due_a)
    services.return_report(coordinator, report, version=report.version, comment="Give numbers.")
    _save(officer, due_a, {"narrative": REWORK, "indicator_value": 61})
    return services.report_of(due_a)


def test_the_coordinator_reads_the_report_from_its_submission_on(client, plan_world, handed_over):
    page, api = _history(client, plan_world.world.coordinator, handed_over)

    for body in (page, str(api)):
        assert FIRST_DRAFT not in body
        assert REWORK not in body
        assert "Half the officers trained." in body
        assert "Give numbers." in body
    changes = {change for entry in api for change in map(tuple, entry["changes"])}
    assert ("narrative", "—", "Half the officers trained.") in changes
    assert ("indicator value", "—", "60.00") in changes
    assert ("submission state", "Draft", "Submitted") in changes
    assert not any(entry["subject"] == "minutes.pdf" for entry in api)  # attached as a draft


def test_a_resubmission_reads_as_one_change_from_the_returned_report(
    client, plan_world, handed_over
):
    _save(
        plan_world.world.officer_a, handed_over.due_date, {"narrative": "All trained."}, submit=True
    )

    page, api = _history(client, plan_world.world.coordinator, handed_over)

    assert REWORK not in page and REWORK not in str(api)
    changes = {change for entry in api for change in map(tuple, entry["changes"])}
    assert ("narrative", "Half the officers trained.", "All trained.") in changes
    assert ("indicator value", "60.00", "61.00") in changes


def test_the_agency_reads_every_draft(client, plan_world, handed_over):
    page, api = _history(client, plan_world.world.officer_a, handed_over)

    for body in (page, str(api)):
        assert FIRST_DRAFT in body
        assert REWORK in body
    assert any(entry["subject"] == "minutes.pdf" for entry in api)


@pytest.mark.parametrize("persona", ["officer_b", "viewer"])
def test_others_read_no_history_even_once_accepted(client, plan_world, handed_over, persona):
    _save(
        plan_world.world.officer_a, handed_over.due_date, {"narrative": "All trained."}, submit=True
    )
    handed_over.refresh_from_db()
    services.accept_report(plan_world.world.coordinator, handed_over, version=handed_over.version)

    page, api = _history(client, getattr(plan_world.world, persona), handed_over)

    assert api == []
    assert FIRST_DRAFT not in page and REWORK not in page


@pytest.mark.parametrize(("persona", "sees_rework"), [("coordinator", False), ("officer_a", True)])
def test_a_returned_report_reads_as_returned_until_resubmitted(
    client, plan_world, handed_over, persona, sees_rework
):
    user = getattr(plan_world.world, persona)
    client.force_login(user)
    _, secret = ApiToken.issue(user, "report test")
    headers = {"Authorization": f"Bearer {secret}"}

    bodies = [
        client.get(f"/due-dates/{handed_over.due_date_id}/"),
        client.get(f"/api/reports/{handed_over.pk}", headers=headers),
        client.get(f"/api/due-dates/{handed_over.due_date_id}", headers=headers),
        client.get(f"/actions/{plan_world.action_a.pk}/"),
    ]

    assert [response.status_code for response in bodies] == [200] * 4
    texts = [response.content.decode() for response in bodies]
    assert [REWORK in text for text in texts[:3]] == [sees_rework] * 3
    assert ("Half the officers trained." in texts[1]) is not sees_rework
    assert ("<td>61</td>" in texts[3]) is sees_rework  # the value in the action's schedule
    assert ("<td>60</td>" in texts[3]) is not sees_rework
