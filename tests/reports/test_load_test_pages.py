"""The load test (loadtest/locustfile.py) finds its links and form fields on the real pages:
if a template changes, this fails instead of the load test quietly writing no report."""

from django.urls import reverse

from camket.reports.models import ProgressReport
from loadtest import pages


def _fields(form: dict, version: str) -> dict:
    return {
        "csrfmiddlewaretoken": form["csrfmiddlewaretoken"],
        "version": version,
        "status": form["statuses"][0],
        "narrative": "Two courses held.",
        "indicator_value": "40",
        "save": "",
    }


def test_an_officer_finds_saves_and_meets_a_conflict_as_the_load_test_does(plan_world, due_a):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(plan_world.world.officer_a)
    queue = client.get(reverse("report-queue")).content.decode()
    assert due_a.pk in pages.ids(pages.DUE_DATE, queue)
    url = reverse("due-date-report", args=[due_a.pk])
    form = pages.report_form(client.get(url).content.decode())
    assert form is not None and form["version"] == "" and "in_progress" in form["statuses"]
    assert client.post(url, _fields(form, form["version"])).status_code == 302
    stored = ProgressReport.objects.get(due_date=due_a)

    again = pages.report_form(client.get(url).content.decode())
    assert again["version"] == str(stored.version)
    assert client.post(url, _fields(again, again["version"])).status_code == 302
    stale = client.post(url, _fields(again, again["version"]))  # the version moved on
    assert stale.status_code == 409
    assert pages.shown_version(stale.content.decode()) not in (None, again["version"])


def test_the_coordinator_finds_the_review_form_and_the_officer_no_report_form(
    client, plan_world, submitted_a
):
    url = reverse("due-date-report", args=[submitted_a.due_date_id])
    client.force_login(plan_world.world.officer_a)
    assert pages.report_form(client.get(url).content.decode()) is None
    client.force_login(plan_world.world.coordinator)
    queue = client.get(reverse("report-queue")).content.decode()
    assert pages.DUE_DATE.findall(queue)[0] == str(submitted_a.due_date_id)
    report, fields = pages.review_form(client.get(url).content.decode())
    assert report == submitted_a.pk and fields["version"] == str(submitted_a.version)


def test_list_pages_link_their_items(client, plan_world):
    client.force_login(plan_world.world.coordinator)
    listing = client.get(reverse("recommendation-list"), {"state": "all"}).content.decode()
    assert plan_world.world.published.pk in pages.ids(pages.ITEM, listing)


def test_the_portal_home_links_public_frameworks_and_their_actions(client, plan_world):
    framework = plan_world.world.framework
    framework.public = True
    framework.save(update_fields=["public"])
    home = client.get(reverse("public-home")).content.decode()
    assert pages.PUBLIC_FRAMEWORK.findall(home) == [framework.slug]
    assert pages.PUBLIC_ACTIONS.findall(home) == [framework.slug]
