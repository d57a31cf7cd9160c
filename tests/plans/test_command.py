"""`camket plan …`: the same services as the web pages, for scripts and cron."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command


def _run(*args) -> str:
    out = StringIO()
    call_command("plan", *args, stdout=out)
    return out.getvalue()


def test_list_and_actions_as_json(plan_world):
    plans = json.loads(_run("list", "--json"))
    assert [p["actions"] for p in plans] == [2]
    actions = json.loads(_run("actions", "--agency", "moj", "--json"))
    assert [(a["reference"], a["publication"]) for a in actions] == [("2", "draft")]


def test_overdue_counts_by_agency(plan_world):
    rows = {r["agency"]: r for r in json.loads(_run("overdue", "--json"))}
    assert set(rows) == {"mps"}  # agency B's action is still a draft: nothing is due yet
    assert rows["mps"]["oldest"] == "2025-06-30"


def test_status_change_needs_a_permitted_user_and_is_recorded(plan_world):
    action = plan_world.action_a
    with pytest.raises(CommandError, match="not allowed"):
        _run("status", str(action.pk), "implemented", "--user", "officer_a")
    _run("status", str(action.pk), "implemented", "--user", "coordinator")
    action.refresh_from_db()
    assert action.status == "implemented"
    assert action.history.first().history_user.username == "coordinator"


def test_excel_export(plan_world, tmp_path):
    out = tmp_path / "actions.xlsx"
    assert "2 action(s)" in _run("actions", "--xlsx", str(out))
    assert out.read_bytes().startswith(b"PK")


def test_reports_are_listed_and_reviewed_by_a_permitted_user(plan_world):
    from camket.reports.services import save_report

    due = plan_world.indicator_a.due_dates.order_by("due_on").first()
    report = save_report(
        plan_world.world.officer_a,
        due,
        {"status": "implemented", "narrative": "Done."},
        version=None,
        submit=True,
    )
    listed = json.loads(_run("reports", "--state", "submitted", "--json"))
    assert [(r["id"], r["agency"], r["action"]) for r in listed] == [(report.pk, "mps", "1")]
    with pytest.raises(CommandError, match="comment|change"):
        _run("review", str(report.pk), "return", "--user", "coordinator")
    with pytest.raises(CommandError, match="not allowed"):
        _run("review", str(report.pk), "accept", "--user", "officer_a")
    _run("review", str(report.pk), "accept", "--user", "coordinator")
    plan_world.action_a.refresh_from_db()
    assert plan_world.action_a.status == "implemented"
