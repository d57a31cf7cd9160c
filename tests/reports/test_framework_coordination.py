"""Progress reports are reviewed by the coordinators of their framework: the MPS coordinator
accepts the drug programme's reports, not the UPR cycle's; each queue lists its own."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.urls import reverse

from camket.reports.models import ProgressReport
from camket.reports.queues import report_queues
from camket.reports.scoping import visible_reports
from camket.reports.services import accept_report, return_report, save_report
from tests.personas import make_drug_plan, make_plan_world


def _submit(officer, indicator, narrative):
    due = indicator.due_dates.order_by("due_on").first()
    return save_report(
        officer, due, {"status": "in_progress", "narrative": narrative}, version=None, submit=True
    )


@pytest.fixture
def two_reports(drug_world):
    """Agency A's submitted reports: one on the UPR plan, one on the drug programme."""
    upr, drug = make_plan_world(drug_world), make_drug_plan(drug_world)
    return (
        _submit(drug_world.officer_a, upr.indicator_a, "Police trained."),
        _submit(drug_world.officer_a, drug.indicator, "Three clinics open."),
    )


@pytest.mark.parametrize(("persona", "own"), [("mps_coordinator", 1), ("coordinator", 0)])
def test_each_coordinator_reviews_and_queues_their_framework_reports(
    drug_world, two_reports, persona, own
):
    user = getattr(drug_world, persona)
    mine, theirs = two_reports[own], two_reports[1 - own]

    queue = report_queues(user)["to_review"]
    assert list(queue) == [mine]
    assert theirs not in visible_reports(user)  # submitted, not accepted: not theirs to read
    for refused in (
        lambda: accept_report(user, theirs, version=theirs.version),
        lambda: return_report(user, theirs, version=theirs.version, comment="Redo"),
    ):
        with pytest.raises(PermissionDenied):
            refused()
    accept_report(user, mine, version=mine.version)

    assert ProgressReport.objects.get(pk=mine.pk).reviewed_by == user
    assert ProgressReport.objects.get(pk=theirs.pk).state == ProgressReport.State.SUBMITTED


def test_an_accepted_report_of_another_framework_reads_as_for_a_viewer(drug_world, two_reports):
    _upr_report, drug_report = two_reports
    accept_report(drug_world.mps_coordinator, drug_report, version=drug_report.version)

    assert drug_report in visible_reports(drug_world.coordinator)
    assert drug_report not in report_queues(drug_world.coordinator)["to_review"]


def test_web_review_of_another_framework_report_is_refused(drug_world, two_reports, client):
    upr_report, _drug_report = two_reports
    client.force_login(drug_world.mps_coordinator)

    page = client.get(reverse("due-date-report", args=[upr_report.due_date_id]))
    response = client.post(
        reverse("report-review", args=[upr_report.pk]),
        {"accept": "1", "comment": "", "version": upr_report.version},
    )

    # The due date is public (its action is published), the submitted report is not theirs.
    assert page.status_code == 200
    assert reverse("report-review", args=[upr_report.pk]) not in page.content.decode()
    assert response.status_code == 404
    assert ProgressReport.objects.get(pk=upr_report.pk).state == ProgressReport.State.SUBMITTED


def test_cli_review_of_another_framework_report_is_refused(drug_world, two_reports):
    upr_report, drug_report = two_reports

    with pytest.raises(CommandError, match="Only the coordinators of"):
        call_command(
            "plan",
            "review",
            str(upr_report.pk),
            "accept",
            "--user",
            "mps_coordinator",
            stdout=StringIO(),
        )
    call_command(
        "plan",
        "review",
        str(drug_report.pk),
        "accept",
        "--user",
        "mps_coordinator",
        stdout=StringIO(),
    )

    assert ProgressReport.objects.get(pk=upr_report.pk).state == ProgressReport.State.SUBMITTED
    assert ProgressReport.objects.get(pk=drug_report.pk).state == ProgressReport.State.ACCEPTED
