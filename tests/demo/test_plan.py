"""The demo's Master Plan: loaded through the services, realistic, and loaded only once."""

from collections import Counter
from datetime import date
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from camket.demo.loader import load_demo
from camket.demo.plan import window_start
from camket.frameworks.models import Recommendation
from camket.plans.models import Action, DueDate, Plan
from camket.reports.due_dates import open_due_dates
from camket.reports.files import check_evidence
from camket.reports.models import Evidence, ProgressReport

TODAY = date(2026, 11, 23)
State = ProgressReport.State


@pytest.fixture(scope="module", autouse=True)
def _evidence_in_tmp(tmp_path_factory):
    """The module-scoped demo is loaded before the per-test settings apply: keep its evidence
    files in a temporary folder too (the storage follows MEDIA_ROOT)."""
    media = tmp_path_factory.mktemp("media")
    with override_settings(MEDIA_ROOT=media):
        yield media


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module's read-only tests and rolled back after them."""
    hashers = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        override_settings(PASSWORD_HASHERS=hashers, LANGUAGE_CODE="en"),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        load_demo(today=TODAY)
        yield Plan.objects.get(title="Kế hoạch tổng thể thực hiện khuyến nghị UPR chu kỳ IV")
        transaction.set_rollback(True)


def _counts() -> dict[str, int]:
    """Rows per model, history included (but for agencies and memberships, which the base
    demo updates on every run)."""
    labels = ("accounts", "auth", "frameworks", "review", "plans", "reports")
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.app_label in labels
        and model._meta.managed  # a table the database keeps (frameworks.SearchRow)
        and not (model._meta.app_label == "accounts" and model.__name__.startswith("Historical"))
    }


# These load their own demo: they come first, before `demo` loads the module's one.


def test_the_demo_command_twice_loads_everything_once(db):
    assert not Plan.objects.exists()
    call_command("demo", "--skip-upr-info", stdout=StringIO())
    first = _counts()
    assert first["plans.Plan"] == 1 and first["reports.ProgressReport"] > 0
    output = StringIO()
    call_command("demo", "--skip-upr-info", stdout=output)
    assert _counts() == first
    assert "molisa_manager" in output.getvalue()


@pytest.mark.parametrize("today", [date(2025, 8, 15), date(2028, 3, 1)])
def test_the_plan_loads_whatever_the_day(db, today):
    assert not Plan.objects.exists()
    load_demo(today=today)
    plan = Plan.objects.get()
    assert plan.approved_on < window_start(today)
    assert not ProgressReport.objects.filter(due_date__due_on__gte=today).exists()


def test_window_start_is_a_quarter_about_two_years_back():
    assert window_start(TODAY) == date(2025, 1, 1)
    assert window_start(date(2024, 6, 1)) == date(2025, 1, 1)
    assert window_start(date(2028, 3, 1)) == date(2026, 4, 1)


def test_the_plan_has_actions_of_several_agencies(db, demo):
    assert demo.decision_number and demo.approved_on == date(2024, 11, 15)
    actions = demo.actions.all()
    assert 10 <= actions.count() <= 15
    assert len({a.lead_agency.code for a in actions}) >= 6
    assert {"moha", "mocst", "cema"} <= {a.lead_agency.code for a in actions}
    publication = Counter(actions.values_list("publication", flat=True))
    assert publication[Action.Publication.DRAFT] in (1, 2)
    assert publication[Action.Publication.PUBLISHED] == actions.count() - publication["draft"]
    for action in actions:
        assert action.recommendations.exists() and action.budget_source
        assert date(2025, 1, 1) <= action.start_on <= action.target_on <= date(2026, 12, 31)
    from_cluster = actions.get(source_cluster__isnull=False)
    assert set(
        from_cluster.recommendations.filter(framework=demo.framework).values_list(
            "reference", flat=True
        )
    ) == {"D.3", "D.4"}
    assert from_cluster.co_agencies.count() >= 2


def test_decisions_support_most_and_note_a_few(db, demo):
    upr = Recommendation.objects.filter(framework__kind="upr_cycle")
    responses = Counter(upr.values_list("response", flat=True))
    assert responses[""] == 0
    assert responses["supported"] > responses["supported_in_part"] > 0
    assert responses["noted"] >= 3
    noted = set(upr.filter(response="noted").values_list("reference", flat=True))
    assert {"D.1", "D.5"} <= noted
    assert not Action.objects.filter(recommendations__response="noted").exists()


def test_some_due_dates_are_overdue_for_several_agencies(db, demo):
    overdue = open_due_dates().filter(due_on__lt=TODAY)
    unreported = overdue.filter(report__isnull=True)
    assert unreported.exists()
    assert len(set(unreported.values_list("indicator__agency__code", flat=True))) >= 2
    assert DueDate.objects.filter(due_on__lt=TODAY).count() > 2 * overdue.count()
    assert DueDate.objects.filter(due_on__gte=TODAY).exists()


def test_reports_span_two_years_in_every_state(db, demo):
    states = Counter(ProgressReport.objects.values_list("state", flat=True))
    assert states[State.ACCEPTED] > 3 * (states[State.SUBMITTED] + states[State.RETURNED])
    assert states[State.SUBMITTED] >= 1 and states[State.DRAFT] == 1
    assert states[State.RETURNED] >= 1  # the plan's, and the monthly ones of "My work"
    assert all(r.review_comment for r in ProgressReport.objects.filter(state=State.RETURNED))
    years = {r.due_date.due_on.year for r in ProgressReport.objects.filter(state=State.ACCEPTED)}
    assert years == {2025, 2026}
    assert not ProgressReport.objects.filter(due_date__due_on__gte=TODAY).exists()
    statuses = set(
        ProgressReport.objects.filter(state=State.ACCEPTED).values_list("status", flat=True)
    )
    assert {"in_progress", "partly_implemented", "implemented"} <= statuses


def test_accepted_reports_set_the_actions_statuses(db, demo):
    for action in Action.objects.filter(publication=Action.Publication.PUBLISHED):
        accepted = ProgressReport.objects.filter(
            due_date__indicator__action=action, state=State.ACCEPTED
        ).order_by("due_date__due_on", "reviewed_on", "id")
        assert accepted.exists(), action
        assert action.status == accepted.last().status
        assert action.history.filter(history_change_reason__startswith="Accepted").exists()
    assert Action.objects.filter(status="implemented").exists()
    for action in Action.objects.filter(publication=Action.Publication.DRAFT):
        assert action.status == "not_started"


def test_recommendations_implementation_follows_the_actions(db, demo):
    for recommendation in Recommendation.objects.all():
        if recommendation.actions.filter(publication="published").exists():
            assert recommendation.implementation, recommendation.reference
        else:
            assert recommendation.implementation == ""
    assert Recommendation.objects.get(reference="D.11").implementation == "implemented"
    assert Recommendation.objects.get(reference="D.5").implementation == ""


def test_evidence_files_are_genuine_one_public_one_internal(db, demo, settings, _evidence_in_tmp):
    settings.MEDIA_ROOT = _evidence_in_tmp  # where the module's demo stored them
    evidence = list(Evidence.objects.all())
    assert sorted(e.is_public for e in evidence) == [False, True]
    for item in evidence:
        with item.file.open("rb") as handle:
            checked = check_evidence(item.original_name, handle.read())
        assert checked.sha256 == item.sha256
        assert item.report.state == State.ACCEPTED
        assert "pytest" in item.file.path


def test_agency_officers_have_addresses_for_reminders(db, demo):
    from camket.accounts.models import Membership

    officers = Membership.objects.filter(role__in=["focal_point", "manager"])
    assert officers.filter(role="manager").exists()
    assert not officers.filter(user__email="").exists()
    assert officers.filter(
        user__username="mps_focal", user__email="mps_focal@example.gov.vn"
    ).exists()
    overdue_agencies = set(
        open_due_dates().filter(due_on__lt=TODAY).values_list("indicator__agency_id", flat=True)
    )
    assert overdue_agencies <= set(officers.values_list("agency_id", flat=True))


def test_the_drug_and_crime_frameworks_are_crosswalked_to_the_upr(db, demo):
    from camket.demo.frameworks import DEFINITIONS
    from camket.demo.frameworks.slugs import DECLARATION_2019, DRUG_PROGRAMME, UPR
    from camket.frameworks.models import Framework
    from camket.links.models import ItemLink

    assert Framework.objects.filter(slug__in=[d["slug"] for d in DEFINITIONS]).count() == 5
    assert Framework.objects.get(slug=DRUG_PROGRAMME).coordinating_agency.code == "mps"
    d13 = Recommendation.objects.get(framework__slug=UPR, reference="D.13")
    task = Recommendation.objects.get(framework__slug=DRUG_PROGRAMME, reference="O2.T1")
    assert ItemLink.objects.filter(source=task, target=d13, state="confirmed").exists()
    for item in (d13, task):
        assert item.categories.filter(taxonomy__slug="sdg", code="3.5").exists()
    methadone = Action.objects.get(plan=demo, recommendations=d13)
    frameworks = set(methadone.recommendations.values_list("framework__slug", flat=True))
    assert {UPR, DRUG_PROGRAMME, DECLARATION_2019} <= frameworks
    assert task.implementation == methadone.status != ""


def test_the_demo_shows_a_lively_public_portal(db, demo, client):
    from camket.public.scoping import public_actions, public_frameworks, public_reports

    framework = demo.framework
    assert list(public_frameworks()) == [framework]
    assert public_actions().exists()
    public = public_reports()
    assert (
        public.exists()
        and public.count() < ProgressReport.objects.filter(state=State.ACCEPTED).count()
    )  # the latest accepted of each indicator only
    page = client.get(f"/public/{framework.slug}/actions/")
    assert page.status_code == 200 and b"badge" in page.content
