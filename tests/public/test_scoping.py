"""What the public may read: only public frameworks' published records and public progress."""

import pytest
from django.urls import reverse
from django.utils import timezone

from camket.frameworks.models import Framework
from camket.public.scoping import (
    public_actions,
    public_evidence,
    public_frameworks,
    public_recommendations,
    public_reports,
)
from camket.reports import services as reports
from camket.reports.models import ProgressReport

pytestmark = pytest.mark.django_db


def _put_on_portal(framework: Framework) -> None:
    Framework.objects.filter(pk=framework.pk).update(public=True)


def test_a_framework_off_the_portal_shows_nothing(plan_world):
    assert not public_frameworks().exists()
    assert not public_recommendations().exists()
    assert not public_actions().exists()


def test_only_published_items_and_actions_of_a_public_framework(plan_world):
    world = plan_world.world
    _put_on_portal(world.framework)
    assert set(public_recommendations()) == {world.published}
    assert set(public_actions()) == {plan_world.action_a}
    Framework.objects.filter(pk=world.framework.pk).update(archived=True)
    assert not public_recommendations().exists()


def test_progress_shows_only_when_accepted_and_marked_public(plan_world):
    world = plan_world.world
    _put_on_portal(world.framework)
    due_date = plan_world.indicator_a.due_dates.order_by("due_on").first()
    report = reports.save_report(
        world.officer_a,
        due_date,
        {"status": "in_progress", "narrative": "120 officers trained", "indicator_value": 120},
        version=None,
    )
    evidence = reports.add_evidence(
        world.officer_a, due_date, "list.pdf", b"%PDF-1.4\n%%EOF\n", is_public=True
    )
    ProgressReport.objects.filter(pk=report.pk).update(is_public=True)
    assert not public_reports().exists()  # a draft, even marked public
    ProgressReport.objects.filter(pk=report.pk).update(
        state=ProgressReport.State.ACCEPTED, reviewed_on=timezone.now()
    )
    assert set(public_reports()) == {report}
    assert set(public_evidence()) == {evidence}
    ProgressReport.objects.filter(pk=report.pk).update(is_public=False)
    assert not public_reports().exists()
    assert not public_evidence().exists()


def test_the_portal_can_be_switched_off(client, world, settings):
    _put_on_portal(world.framework)
    assert client.get(reverse("public-home")).status_code == 200
    settings.CAMKET_PUBLIC_PORTAL = False
    assert client.get(reverse("public-home")).status_code == 404
