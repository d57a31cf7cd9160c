"""The signed-in lists' exports hold, per persona and filter, exactly the rows their page
shows; every format opens; formula-like text stays inert."""

import io

import pytest
from django.urls import reverse
from docx import Document

from camket.plans import services as plans
from camket.reports import services as reports
from camket.review.services import make_cluster
from tests.exports.list_helpers import (
    PERSONAS,
    column,
    csv_rows,
    export_json,
    login,
    xlsx_rows,
)

FORMULA = '=HYPERLINK("http://evil","x")'


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_actions_export_holds_the_page_s_actions(client, plan_world, persona):
    login(client, plan_world, persona)
    for params in ({}, {"agency": "moj"}, {"q": "police"}):
        page = client.get(reverse("action-list"), params).context["page"]
        document = export_json(client, "actions", params)
        assert column(document, "title") == [a.title for a in page.object_list]
        assert document["filters"] == params
    titles = column(export_json(client, "actions"), "title")
    assert (plan_world.action_b.title in titles) == (persona in ("coordinator", "officer_b"))


def test_the_actions_export_has_json_and_chosen_columns(client, plan_world):
    login(client, plan_world, "coordinator")
    document = export_json(client, "actions", {"columns": "reference,status,recommendations"})
    assert document["schema"] == "camket-actions" and document["schema_version"] == "1.0"
    assert [c["key"] for c in document["columns"]] == ["reference", "status", "recommendations"]
    assert document["rows"][0] == {
        "reference": "1",
        "status": "not_started",
        "recommendations": ["1.1"],
    }
    chosen = client.get(
        reverse("list-export-chosen", args=["actions"]),
        {"format": "csv", "columns": ["title", "budget_source"]},
    )
    assert csv_rows(chosen.content)[0] == ["Title", "Budget source"]
    bad = client.get(reverse("list-export", args=["actions", "csv"]), {"columns": "nope"})
    assert bad.status_code == 400 and b"nope" in bad.content


def test_the_action_list_offers_its_filtered_downloads(client, plan_world):
    login(client, plan_world, "viewer")
    page = client.get(reverse("action-list"), {"status": "not_started"}).content.decode()
    assert reverse("list-export", args=["actions", "json"]) + "?status=not_started" in page
    assert 'name="columns" value="budget_source"' in page


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_plans_export_holds_the_page_s_plans(client, plan_world, persona):
    login(client, plan_world, persona)
    plans_shown = list(client.get(reverse("plan-list")).context["plans"])
    document = export_json(client, "plans")
    assert column(document, "title") == [p.title for p in plans_shown]
    assert column(document, "actions") == [p.action_count for p in plans_shown]
    # agency B's draft action is counted only for those who may see it
    expected = 2 if persona in ("coordinator", "officer_b") else 1
    assert column(document, "actions") == [expected]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_frameworks_export_holds_the_page_s_frameworks(client, drug_world, persona):
    client.force_login(getattr(drug_world, persona))
    rows = client.get(reverse("framework-list")).context["rows"]
    document = export_json(client, "frameworks", {"columns": "slug,items,levels"})
    assert column(document, "slug") == [row["framework"].slug for row in rows]
    assert column(document, "items") == [row["framework"].item_count for row in rows]
    upr = document["rows"][column(document, "slug").index("upr-vn-4")]
    assert upr["items"] == {"coordinator": 3, "officer_a": 2}.get(persona, 1)


def _reports(plan_world):
    """Agency A: an accepted report, a draft, a submitted one; agency B's action published."""
    world = plan_world.world
    first, second, third, *_ = plan_world.indicator_a.due_dates.order_by("due_on")
    accepted = reports.save_report(
        world.officer_a,
        first,
        {"status": "in_progress", "narrative": "Done", "indicator_value": 40},
        version=None,
        submit=True,
    )
    reports.accept_report(world.coordinator, accepted, version=accepted.version)
    reports.save_report(
        world.officer_a, second, {"status": "implemented", "narrative": "DRAFT-A"}, version=None
    )
    reports.save_report(
        world.officer_a,
        third,
        {"status": "partly_implemented", "narrative": "Sent"},
        version=None,
        submit=True,
    )
    return second


def _page_rows(context) -> list[tuple]:
    rows = (
        [("to_review", r.due_date.due_on, r.state) for r in context["to_review"]]
        if (context["is_coordinator"])
        else []
    )
    for section in ("overdue", "upcoming"):
        rows += [
            (section, d.due_on, d.seen_report.state if d.seen_report else None)
            for d in context[section]
        ]
    return rows + [
        ("recently_accepted", r.due_date.due_on, r.state) for r in context["recently_accepted"]
    ]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_report_queue_export_holds_the_page_s_rows(client, plan_world, persona):
    draft_due = _reports(plan_world)
    login(client, plan_world, persona)
    for params in ({}, {"agency": "mps"}, {"agency": "moj"}, {"framework": "upr-vn-4"}):
        context = client.get(reverse("report-queue"), params).context
        document = export_json(client, "reports", params)
        exported = [
            (row["section"], row["due_on"], row["report_state"]) for row in document["rows"]
        ]
        assert exported == [(s, d.isoformat(), state) for s, d, state in _page_rows(context)]
        draft_rows = [
            row for row in document["rows"] if row["due_on"] == draft_due.due_on.isoformat()
        ]
        if persona != "officer_a":  # another agency's draft is never seen, nor its status
            assert all(row["report_state"] is None and row["status"] is None for row in draft_rows)
    if persona == "officer_a":  # its own queue by default, its draft included
        rows = export_json(client, "reports")["rows"]
        assert ("draft", "implemented") in [(r["report_state"], r["status"]) for r in rows]
        assert "accepted" in column({"rows": rows}, "report_state")


def test_the_report_queue_export_opens_in_every_format(client, plan_world):
    _reports(plan_world)
    login(client, plan_world, "coordinator")
    url = reverse("list-export", args=["reports", "xlsx"])
    sheet = xlsx_rows(client.get(url).content)
    assert sheet[0][:2] == ("Section", "Due on")
    assert sheet[1][0] == "Submitted, awaiting your review"
    document = Document(
        io.BytesIO(client.get(reverse("list-export", args=["reports", "docx"])).content)
    )
    assert document.tables[0].rows[0].cells[0].text == "Section"
    page = client.get(reverse("report-queue"), {"agency": "mps"}).content.decode()
    assert reverse("list-export", args=["reports", "csv"]) + "?agency=mps" in page


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_clusters_export_holds_the_page_s_clusters(client, plan_world, persona):
    world = plan_world.world
    make_cluster(world.coordinator, [world.published, world.sent_to_a], "")
    login(client, plan_world, persona)
    response = client.get(reverse("list-export", args=["clusters", "json"]))
    if persona in ("officer_a", "officer_b"):  # the page is not theirs: it redirects them
        assert response.status_code == 403
        return
    clusters = client.get(reverse("review-progress")).context["clusters"]
    document = export_json(client, "clusters")
    assert column(document, "title") == [c.shown_title for c in clusters]
    expected = ["1.1", "1.3"] if persona == "coordinator" else ["1.1"]
    assert column(document, "members") == [expected]


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_awaited_opinions_export_is_the_agency_s_own(client, plan_world, persona):
    login(client, plan_world, persona)
    assessments = client.get(reverse("my-assessments")).context["assessments"]
    document = export_json(client, "assessments")
    assert column(document, "reference") == [a.recommendation.reference for a in assessments]
    assert column(document, "reference") == (["1.3"] if persona == "officer_a" else [])


@pytest.mark.parametrize("name", ["actions", "plans", "frameworks", "reports"])
def test_formula_like_text_stays_inert(client, plan_world, name):
    world = plan_world.world
    plans.update_action(
        world.coordinator,
        plan_world.action_a,
        {"title": FORMULA},
        version=plan_world.action_a.version,
    )
    plans.update_plan(
        world.coordinator, plan_world.plan, {"title": FORMULA}, version=plan_world.plan.version
    )
    world.framework.name = FORMULA
    world.framework.save()
    _reports(plan_world)
    login(client, plan_world, "coordinator")
    cells = [
        value
        for row in xlsx_rows(
            client.get(reverse("list-export", args=[name, "xlsx"]), {"columns": ""}).content
        )
        for value in row
    ]
    texts = [value for value in cells if isinstance(value, str) and "HYPERLINK" in value]
    lines = csv_rows(client.get(reverse("list-export", args=[name, "csv"])).content)
    csv_texts = [value for line in lines for value in line if "HYPERLINK" in value]
    assert texts and csv_texts
    assert all(value.startswith("'=") or not value.startswith("=") for value in texts + csv_texts)
    assert all(not value.startswith(("=", "+", "-", "@")) for value in texts + csv_texts)
    rows = export_json(client, name)["rows"]  # JSON keeps the text as it is: programs read it
    assert any(FORMULA in str(value) for row in rows for value in row.values())
    assert not any(str(value).startswith("'=") for row in rows for value in row.values())


def test_sign_in_is_needed_and_unknown_lists_are_not_found(client, plan_world):
    for name in ("actions", "plans", "frameworks", "reports", "clusters", "assessments"):
        response = client.get(reverse("list-export", args=[name, "csv"]))
        assert response.status_code == 302 and "login" in response.url
    login(client, plan_world, "coordinator")
    assert client.get(reverse("list-export", args=["suggestions", "csv"])).status_code == 404
    assert client.get(reverse("list-export", args=["plans", "pdf"])).status_code == 400


def test_every_list_page_links_its_export(client, plan_world):
    login(client, plan_world, "coordinator")
    for page, name in (
        ("plan-list", "plans"),
        ("framework-list", "frameworks"),
        ("report-queue", "reports"),
        ("review-progress", "clusters"),
    ):
        html = client.get(reverse(page)).content.decode()
        assert reverse("list-export", args=[name, "xlsx"]) in html, page
