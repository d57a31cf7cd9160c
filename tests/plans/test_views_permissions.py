"""Plan and action pages per persona: who sees what, who may change it, exports included."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from camket.plans import services
from camket.plans.models import Action

# mps_coordinator coordinates agency A's frameworks, not this UPR cycle: a viewer of its plan.
PERSONAS = ["coordinator", "officer_a", "officer_b", "viewer", "mps_coordinator"]
# Who sees agency B's draft action: the coordinator and agency B itself.
SEES_DRAFT_B = {
    "coordinator": True,
    "officer_a": False,
    "officer_b": True,
    "viewer": False,
    "mps_coordinator": False,
}


def _as(client, plan_world, persona):
    client.force_login(getattr(plan_world.world, persona))
    return client


@pytest.mark.parametrize("persona", PERSONAS)
def test_action_list_detail_and_export_show_only_visible_actions(client, plan_world, persona):
    client = _as(client, plan_world, persona)
    listing = client.get(reverse("action-list")).content.decode()
    assert plan_world.action_a.title in listing
    assert (plan_world.action_b.title in listing) == SEES_DRAFT_B[persona]
    detail = client.get(reverse("action-detail", args=[plan_world.action_b.pk]))
    assert detail.status_code == (200 if SEES_DRAFT_B[persona] else 404)
    export = client.get(reverse("action-export"))
    sheet = load_workbook(io.BytesIO(export.content)).active
    titles = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert ("Draft the law on legal aid" in titles) == SEES_DRAFT_B[persona]
    assert "Train police officers on victim identification" in titles


def test_export_neutralises_formulas(client, plan_world):
    action = plan_world.action_a
    services.update_action(
        plan_world.world.coordinator,
        action,
        {"title": '=HYPERLINK("http://evil","x")'},
        version=action.version,
    )
    export = _as(client, plan_world, "coordinator").get(reverse("action-export"))
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet["C2"].value == '\'=HYPERLINK("http://evil","x")'


def test_anonymous_is_sent_to_sign_in(client, plan_world):
    for name, args in [
        ("plan-list", []),
        ("action-list", []),
        ("action-export", []),
        ("action-detail", [plan_world.action_a.pk]),
    ]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


EDITS = [
    ("plan-create", lambda pw: []),
    ("plan-edit", lambda pw: [pw.plan.pk]),
    ("action-create", lambda pw: [pw.plan.pk]),
    ("action-edit", lambda pw: [pw.action_a.pk]),
    ("action-indicator-create", lambda pw: [pw.action_a.pk]),
    ("indicator-edit", lambda pw: [pw.indicator_a.pk]),
]


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer", "mps_coordinator"])
@pytest.mark.parametrize("name, args", [edit for edit in EDITS if edit[0] != "plan-create"])
def test_only_the_coordinator_opens_edit_pages_of_this_plan(
    client, plan_world, persona, name, args
):
    response = _as(client, plan_world, persona).get(reverse(name, args=args(plan_world)))
    assert response.status_code in (403, 404)


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer"])
@pytest.mark.parametrize("name, args", EDITS)
def test_only_the_coordinator_opens_edit_pages(client, plan_world, persona, name, args):
    response = _as(client, plan_world, persona).get(reverse(name, args=args(plan_world)))
    assert response.status_code in (403, 404)


@pytest.mark.parametrize("persona", ["officer_a", "viewer", "mps_coordinator"])
def test_status_and_publication_posts_are_refused_to_others(client, plan_world, persona):
    client = _as(client, plan_world, persona)
    action = plan_world.action_a
    client.post(
        reverse("action-status", args=[action.pk]),
        {"status": "implemented", "reason": "", "version": action.version},
    )
    client.post(reverse("action-publication"), {"ids": [action.pk], "publication": "archived"})
    action.refresh_from_db()
    assert action.status == "not_started" and action.publication == "published"


def test_coordinator_creates_an_action_linked_by_references(client, plan_world):
    world = plan_world.world
    response = _as(client, plan_world, "coordinator").post(
        reverse("action-create", args=[plan_world.plan.pk]),
        {
            "title": "Open shelters for victims",
            "lead_agency": world.agency_b.pk,
            "co_agencies": [world.agency_a.pk],
            "recommendation_references": "1.1, 1.3",
            "start_on": "2025-01-01",
            "target_on": "2025-12-31",
        },
    )
    action = Action.objects.get(title="Open shelters for victims")
    assert response.status_code == 302 and response["Location"].endswith(f"/actions/{action.pk}/")
    assert set(action.recommendations.values_list("reference", flat=True)) == {"1.1", "1.3"}
    assert list(action.co_agencies.all()) == [world.agency_a]


def test_unknown_recommendation_references_are_named(client, plan_world):
    response = _as(client, plan_world, "coordinator").post(
        reverse("action-create", args=[plan_world.plan.pk]),
        {
            "title": "X",
            "lead_agency": plan_world.world.agency_b.pk,
            "recommendation_references": "1.1 99.9",
        },
    )
    assert response.status_code == 200 and "99.9" in response.content.decode()
    assert not Action.objects.filter(title="X").exists()


def test_a_stale_action_edit_shows_a_clear_message_and_keeps_the_other_edit(client, plan_world):
    action = plan_world.action_a
    opened_at = action.version
    services.update_action(
        plan_world.world.coordinator, action, {"title": "Saved first"}, version=opened_at
    )
    response = _as(client, plan_world, "coordinator").post(
        reverse("action-edit", args=[action.pk]),
        {
            "reference": "1",
            "title": "Saved second",
            "lead_agency": plan_world.world.agency_a.pk,
            "version": opened_at,
        },
    )
    assert response.status_code == 200
    assert "Someone else saved this" in response.content.decode()
    action.refresh_from_db()
    assert action.title == "Saved first"


@pytest.mark.parametrize(
    "filters, expected",
    [
        ({"agency": "mps"}, ["1"]),
        ({"agency": "moj"}, ["2"]),
        ({"status": "implemented"}, []),
        ({"overdue": "1"}, ["1", "2"]),
        ({"q": "luat"}, []),
        ({"q": "legal aid"}, ["2"]),
    ],
)
def test_action_filters(client, plan_world, filters, expected):
    response = _as(client, plan_world, "coordinator").get(reverse("action-list"), filters)
    shown = [a.reference for a in response.context["page"].object_list]
    assert shown == expected


@pytest.mark.parametrize(
    "lang, text",
    [
        ("vi", "Tiếp tục nỗ lực phòng, chống mua bán người"),
        ("en", "Continue efforts to combat trafficking in persons"),
    ],
)
def test_the_action_page_shows_the_recommendation_in_the_reader_language(
    client, plan_world, lang, text
):
    client = _as(client, plan_world, "officer_a")
    client.cookies["django_language"] = lang
    assert (
        text in client.get(reverse("action-detail", args=[plan_world.action_a.pk])).content.decode()
    )


def test_after_a_stale_edit_the_input_is_kept_and_can_be_saved_deliberately(client, plan_world):
    action = plan_world.action_a
    opened_at = action.version
    services.update_action(
        plan_world.world.coordinator, action, {"title": "Saved first"}, version=opened_at
    )
    client = _as(client, plan_world, "coordinator")
    data = {
        "reference": "1",
        "title": "Saved second",
        "version": opened_at,
        "lead_agency": plan_world.world.agency_a.pk,
    }
    refused = client.post(reverse("action-edit", args=[action.pk]), data)
    form = refused.context["form"]
    assert form["title"].value() == "Saved second"
    assert form["version"].value() == str(opened_at + 1)
    saved = client.post(
        reverse("action-edit", args=[action.pk]), {**data, "version": form["version"].value()}
    )
    assert saved.status_code == 302
    action.refresh_from_db()
    assert action.title == "Saved second"


def test_an_edit_without_a_version_is_refused(client, plan_world):
    action = plan_world.action_a
    response = _as(client, plan_world, "coordinator").post(
        reverse("action-edit", args=[action.pk]),
        {"reference": "1", "title": "No version", "lead_agency": plan_world.world.agency_a.pk},
    )
    assert response.status_code == 200
    action.refresh_from_db()
    assert action.title != "No version"


@pytest.mark.parametrize("persona", ["viewer", "officer_a"])
def test_history_does_not_name_recommendations_the_reader_cannot_see(client, plan_world, persona):
    world, action = plan_world.world, plan_world.action_a
    services.update_action(
        world.coordinator,
        action,
        {},
        version=action.version,
        recommendations=[world.published, world.draft],
    )
    page = _as(client, plan_world, persona).get(reverse("action-detail", args=[action.pk]))
    content = page.content.decode()
    assert "national human rights" not in content  # the draft recommendation 1.2
    assert "1 not shown" in content


def test_an_archived_plan_stops_counting(client, plan_world):
    world = plan_world.world
    services.set_action_status(
        world.coordinator, plan_world.action_a, "implemented", version=plan_world.action_a.version
    )
    world.published.refresh_from_db()
    assert world.published.implementation == "implemented"
    services.update_plan(
        world.coordinator, plan_world.plan, {"archived": True}, version=plan_world.plan.version
    )
    world.published.refresh_from_db()
    assert world.published.implementation == ""
    listing = _as(client, plan_world, "coordinator").get(reverse("action-list"))
    assert list(listing.context["page"].object_list) == []


# Every page and form of the plans and reports, per persona: status of a GET, or of a POST
# that would change something (then nothing must have changed for the refused ones).
PAGES = {
    "plan-detail": (
        lambda pw: [pw.plan.pk],
        {
            "coordinator": 200,
            "officer_a": 200,
            "officer_b": 200,
            "viewer": 200,
            "mps_coordinator": 200,
        },
    ),
    "recommendation-indicator-create": (
        lambda pw: [pw.world.published.pk],
        {
            "coordinator": 200,
            "officer_a": 403,
            "officer_b": 403,
            "viewer": 403,
            "mps_coordinator": 403,
        },
    ),
    "report-queue": (
        lambda pw: [],
        {
            "coordinator": 200,
            "officer_a": 200,
            "officer_b": 200,
            "viewer": 200,
            "mps_coordinator": 200,
        },
    ),
}


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("name", sorted(PAGES))
def test_pages_per_persona(client, plan_world, persona, name):
    args, expected = PAGES[name]
    response = _as(client, plan_world, persona).get(reverse(name, args=args(plan_world)))
    assert response.status_code == expected[persona]


@pytest.mark.parametrize("persona", ["officer_a", "officer_b", "viewer", "mps_coordinator"])
def test_only_the_coordinator_turns_clusters_into_actions(client, plan_world, persona):
    from camket.review.services import make_cluster
    from tests.personas import make_recommendation

    world = plan_world.world
    other = make_recommendation(world.framework, "1.9", "Combat trafficking.")
    cluster = make_cluster(world.coordinator, [world.published, other], "Trafficking")
    response = _as(client, plan_world, persona).post(
        reverse("plan-from-clusters", args=[plan_world.plan.pk]),
        {"clusters": [cluster.pk], "lead_agency": world.agency_a.pk},
    )
    assert response.status_code == 403
    assert not Action.objects.filter(source_cluster=cluster).exists()


@pytest.mark.parametrize(
    "persona, allowed",
    [("officer_a", True), ("officer_b", False), ("viewer", False), ("coordinator", False)],
)
def test_only_the_reporting_agency_changes_its_evidence(client, plan_world, persona, allowed):
    from camket.reports.services import add_evidence
    from tests.reports.conftest import PDF

    due = plan_world.indicator_a.due_dates.order_by("due_on").first()
    evidence = add_evidence(plan_world.world.officer_a, due, "a.pdf", PDF)
    response = _as(client, plan_world, persona).post(
        reverse("evidence-change", args=[evidence.pk]), {"change": "public"}
    )
    evidence.refresh_from_db()
    assert evidence.is_public is allowed
    if not allowed:
        assert response.status_code in (403, 404)
