import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from camket.cooperation.models import Agreement, CooperationRequest


def run(*args) -> list | dict:
    out = io.StringIO()
    call_command("cooperation", *args, "--json", stdout=out)
    return json.loads(out.getvalue().strip().splitlines()[-1])


def test_add_and_list_agreements_and_requests(world):
    added = run(
        "add-agreement",
        "--partner",
        "KOR",
        "--kind",
        "extradition",
        "--status",
        "in_force",
        "--signed-on",
        "2003-09-15",
        "--central-authority",
        "mps",
        "--user",
        "coordinator",
    )
    assert added["partner"] == "KOR" and Agreement.objects.get().history.get().history_user
    listed = run("agreements", "--kind", "extradition")
    assert [(row["partner"], row["signed_on"]) for row in listed] == [("KOR", "2003-09-15")]
    created = run(
        "add-request",
        "--direction",
        "received",
        "--kind",
        "extradition",
        "--partner",
        "Republic of Korea",
        "--dated-on",
        "2025-04-01",
        "--agreement",
        str(added["id"]),
        "--user",
        "officer_a",
    )
    assert created["responsible_agency"] == "mps"
    assert [row["id"] for row in run("requests", "--year", "2025", "--user", "officer_a")] == [
        created["id"]
    ]
    assert run("requests", "--year", "2024") == []
    assert run("summary", "--year", "2025")["by_partner"][0]["count"] == 1
    as_officer_b = run("summary", "--year", "2025", "--user", "officer_b")
    assert as_officer_b["by_type"][0]["count"] == 1 and as_officer_b["by_partner"] == []
    assert run("summary", "--user", "officer_a")["by_partner"][0]["partner"] == "KOR"


def test_refusals_are_command_errors(world):
    with pytest.raises(CommandError):
        run(
            "add-agreement",
            "--partner",
            "KOR",
            "--kind",
            "extradition",
            "--status",
            "signed",
            "--user",
            "officer_b",
        )
    with pytest.raises(CommandError):
        run(
            "add-request",
            "--direction",
            "sent",
            "--kind",
            "other",
            "--partner",
            "Nowhereland",
            "--dated-on",
            "2025-01-01",
            "--user",
            "officer_a",
        )
    with pytest.raises(CommandError):
        run(
            "add-request",
            "--direction",
            "sent",
            "--kind",
            "other",
            "--partner",
            "AUS",
            "--dated-on",
            "2025-01-01",
            "--user",
            "viewer",
        )
    assert not CooperationRequest.objects.exists()


def test_summary_as_text_says_what_each_part_covers(world, extradition):
    out = io.StringIO()
    call_command("cooperation", "summary", "--user", "officer_b", stdout=out)
    text = out.getvalue()
    assert "By year, direction and type (all requests)" in text
    assert "2025 · received · extradition · 1" in text
    assert "By partner state (of the requests your agency handles)" in text
    assert "KOR" not in text and "open" not in text
    out = io.StringIO()
    call_command("cooperation", "summary", stdout=out)
    assert "By partner state (all requests)" in out.getvalue() and "KOR" in out.getvalue()
