"""Coordinators decide what goes on the portal: a framework, an accepted report."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from camket.frameworks import editing
from camket.public.scoping import public_frameworks, public_reports
from camket.reports import services as reports
from camket.reports.models import ProgressReport

pytestmark = pytest.mark.django_db


def test_a_coordinator_puts_a_framework_on_the_portal_with_history(world):
    change = editing.update_framework(world.coordinator, world.framework, {"public": True})
    assert change.changed == ["public"]
    assert list(public_frameworks()) == [world.framework]
    assert world.framework.history.first().public is True
    with pytest.raises(PermissionDenied):
        editing.update_framework(world.mps_coordinator, world.framework, {"public": False})


def test_the_framework_form_has_the_portal_switch(client, world):
    client.force_login(world.coordinator)
    url = reverse("framework-edit", args=[world.framework.slug])
    page = client.get(url).content.decode()
    assert 'name="public"' in page
    form = {
        "name": world.framework.name,
        "kind": world.framework.kind,
        "cycle": 4,
        "has_response": "on",
        "has_recommending_states": "on",
        "has_indicators": "on",
        "public": "on",
        "version": world.framework.version,
        "level_lines": "",
    }
    assert client.post(url, form).status_code == 302
    world.framework.refresh_from_db()
    assert world.framework.public


def _accepted_report(plan_world) -> ProgressReport:
    world = plan_world.world
    due_date = plan_world.indicator_a.due_dates.order_by("due_on").first()
    report = reports.save_report(
        world.officer_a,
        due_date,
        {"status": "in_progress", "narrative": "Done in part"},
        version=None,
        submit=True,
    )
    return reports.accept_report(world.coordinator, report, version=report.version)


def test_only_the_framework_coordinator_marks_an_accepted_report_public(plan_world):
    world = plan_world.world
    world.framework.public = True
    world.framework.save()
    report = _accepted_report(plan_world)
    for outsider in (world.officer_a, world.viewer, world.mps_coordinator):
        with pytest.raises(PermissionDenied):
            reports.set_report_public(outsider, report, True)
    reports.set_report_public(world.coordinator, report, True)
    assert list(public_reports()) == [report]
    assert report.history.first().is_public is True
    assert report.history.first().history_user == world.coordinator


def test_a_report_not_accepted_cannot_be_marked_public(plan_world):
    world = plan_world.world
    due_date = plan_world.indicator_a.due_dates.order_by("due_on").first()
    report = reports.save_report(
        world.officer_a,
        due_date,
        {"status": "in_progress", "narrative": "Done"},
        version=None,
        submit=True,
    )
    with pytest.raises(PermissionDenied):
        reports.set_report_public(world.coordinator, report, True)


def test_the_report_page_control_and_the_api(client, plan_world):
    world = plan_world.world
    report = _accepted_report(plan_world)
    client.force_login(world.coordinator)
    page = client.get(reverse("due-date-report", args=[report.due_date_id])).content.decode()
    assert reverse("report-public", args=[report.pk]) in page
    client.post(
        reverse("report-public", args=[report.pk]), {"public": "1", "version": report.version}
    )
    report.refresh_from_db()
    assert report.is_public
    response = client.post(
        f"/api/reports/{report.pk}/public", {"is_public": False}, content_type="application/json"
    )
    assert response.status_code == 200 and response.json()["is_public"] is False
    client.force_login(world.officer_a)
    page = client.get(reverse("due-date-report", args=[report.due_date_id])).content.decode()
    assert reverse("report-public", args=[report.pk]) not in page
    assert (
        client.post(reverse("report-public", args=[report.pk]), {"public": "1"}).status_code == 403
    )
