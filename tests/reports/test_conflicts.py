"""A report change refused because someone else moved the report on since the page was loaded
is a conflict (409, saying who did what), not a refusal of the user's rights (403); a real
refusal stays 403 whatever version is sent."""

from django.urls import reverse

from camket.accounts.models import ApiToken
from camket.reports import services
from camket.reports.models import ProgressReport
from tests.personas import make_user


def _post_draft(client, user, due_date, version, **extra):
    client.force_login(user)
    return client.post(
        reverse("due-date-report", args=[due_date.pk]),
        {"narrative": "My late edit.", "status": "", "version": version, "save": "", **extra},
    )


def test_saving_a_draft_a_colleague_submitted_meanwhile_is_a_conflict(client, plan_world, due_a):
    world = plan_world.world
    colleague = make_user("colleague_a", "focal_point", world.agency_a)
    draft = services.save_report(
        world.officer_a, due_a, {"narrative": "Start.", "status": "in_progress"}, version=None
    )
    opened_at = draft.version
    services.save_report(
        colleague, due_a, {"narrative": "Colleague's final."}, version=opened_at, submit=True
    )

    response = _post_draft(client, world.officer_a, due_a, opened_at)

    assert response.status_code == 409
    page = response.content.decode()
    assert "Colleague_A submitted this report" in page and "Reload the page" in page
    stored = ProgressReport.objects.get(due_date=due_a)
    assert stored.state == "submitted" and stored.narrative == "Colleague's final."


def test_a_report_the_officer_already_saw_submitted_is_refused_as_forbidden(
    client, plan_world, submitted_a
):
    response = _post_draft(
        client, plan_world.world.officer_a, submitted_a.due_date, submitted_a.version
    )

    assert response.status_code == 403
    submitted_a.refresh_from_db()
    assert submitted_a.narrative == "All officers trained."


def test_another_agency_is_refused_whatever_version_it_sends(client, plan_world, submitted_a):
    stale = submitted_a.version - 1
    response = _post_draft(client, plan_world.world.officer_b, submitted_a.due_date, stale)

    assert response.status_code == 403


def _return(client, user, report, version):
    client.force_login(user)
    return client.post(
        reverse("report-review", args=[report.pk]),
        {"return": "", "comment": "Add the figures.", "version": version},
    )


def test_returning_a_report_already_returned_by_another_coordinator_is_a_conflict(
    client, plan_world, submitted_a
):
    world = plan_world.world
    seen = submitted_a.version
    other = make_user("coordinator_two", "coordinator", world.coordinating_agency)
    services.return_report(other, submitted_a, version=seen, comment="First remark.")

    response = _return(client, world.coordinator, ProgressReport.objects.get(), seen)

    assert response.status_code == 409
    assert "Coordinator_Two returned this report to the agency" in response.content.decode()
    stored = ProgressReport.objects.get()
    assert stored.review_comment == "First remark." and stored.version == seen + 1


def test_returning_a_report_shown_as_returned_is_forbidden(client, plan_world, submitted_a):
    world = plan_world.world
    returned = services.return_report(
        world.coordinator, submitted_a, version=submitted_a.version, comment="Once."
    )
    assert _return(client, world.coordinator, returned, returned.version).status_code == 403
    assert _return(client, world.officer_a, returned, returned.version - 1).status_code == 403


def test_the_api_answers_409_with_who_when_the_report_was_submitted_meanwhile(
    client, plan_world, due_a
):
    world = plan_world.world
    draft = services.save_report(
        world.officer_a, due_a, {"narrative": "Start.", "status": "in_progress"}, version=None
    )
    services.save_report(world.officer_a, due_a, {}, version=draft.version, submit=True)
    _, secret = ApiToken.issue(world.officer_a, "conflict test")

    response = client.put(
        f"/api/due-dates/{due_a.pk}/report",
        {"narrative": "Late.", "version": draft.version},
        content_type="application/json",
        headers={"Authorization": f"Bearer {secret}"},
    )

    assert response.status_code == 409
    assert "Officer_A submitted this report" in response.json()["detail"]
