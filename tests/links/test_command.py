"""`camket links add|list|suggest|confirm|reject|remove`: the exact command-line contracts."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from camket.links.models import ItemLink


def _run(*args) -> str:
    out = StringIO()
    call_command("links", *args, stdout=out)
    return out.getvalue()


def _last_json(output: str):
    return json.loads(output.strip().splitlines()[-1])


def test_add_then_list_from_either_end(world, links_world):
    _run(
        "add",
        "drug-programme:1.1.1",
        "upr-vn-4:1.1",
        "--relation",
        "contributes_to",
        "--user",
        "mps_coordinator",
    )
    from_output = _last_json(_run("list", "drug-programme:1.1.1", "--json"))
    assert from_output == [
        {
            "link": ItemLink.objects.get().pk,
            "id": world.published.pk,
            "framework": "upr-vn-4",
            "reference": "1.1",
            "relation": "contributes_to",
            "direction": "outgoing",
            "state": "confirmed",
            "level": "Recommendation",
            "text": world.published.text,
        }
    ]
    [from_upr] = _last_json(_run("list", "upr-vn-4:1.1", "--json"))
    assert {
        key: from_upr[key] for key in ("framework", "reference", "relation", "direction", "state")
    } == {
        "framework": "drug-programme",
        "reference": "1.1.1",
        "relation": "contributes_to",
        "direction": "incoming",
        "state": "confirmed",
    }
    link = ItemLink.objects.get()
    assert link.decided_by.username == "mps_coordinator"
    assert link.history.get().history_user.username == "mps_coordinator"


def test_without_a_user_the_system_adds_and_the_history_names_no_one(world, links_world):
    added = _last_json(_run("add", "upr-vn-4:1.1", "upr-vn-4:1.2", "--relation", "supersedes"))
    assert (added["relation"], added["state"]) == ("supersedes", "confirmed")
    link = ItemLink.objects.get()
    assert link.created_by is None and link.history.get().history_user is None


def test_list_as_a_user_shows_only_what_they_may_see(world, links_world):
    _run("add", "drug-programme:1.1.1", "upr-vn-4:1.2", "--relation", "contributes_to")
    assert _last_json(_run("list", "drug-programme:1.1.1", "--json", "--user", "viewer")) == []
    assert len(_last_json(_run("list", "drug-programme:1.1.1", "--json"))) == 1
    with pytest.raises(CommandError, match="no item 1.2 in framework upr-vn-4"):
        _run("list", "upr-vn-4:1.2", "--json", "--user", "viewer")


@pytest.mark.parametrize(
    "args, message",
    [
        (
            ["add", "upr-vn-4:9.9", "drug-programme:1", "--relation", "implements"],
            "no item 9.9 in framework upr-vn-4",
        ),
        (
            ["add", "nowhere:1", "drug-programme:1", "--relation", "implements"],
            "no framework nowhere",
        ),
        (["add", "upr-vn-4", "drug-programme:1", "--relation", "implements"], "SLUG:REF"),
        (["list", "drug-programme:7", "--json"], "no item 7 in framework drug-programme"),
        (["add", "upr-vn-4:1.1", "upr-vn-4:1.1", "--relation", "implements"], "itself"),
        # two published UPR items (1.4: `upr_published_2`): the MPS coordinator sees both, but
        # does not coordinate the UPR (the draft 1.2 would be "no item" to it)
        (
            [
                "add",
                "upr-vn-4:1.1",
                "upr-vn-4:1.4",
                "--relation",
                "same_subject",
                "--user",
                "mps_coordinator",
            ],
            "not allowed",
        ),
        (
            [
                "add",
                "upr-vn-4:1.1",
                "drug-programme:1",
                "--relation",
                "implements",
                "--user",
                "officer_a",
            ],
            "not allowed",
        ),
        (
            [
                "add",
                "upr-vn-4:1.1",
                "drug-programme:1",
                "--relation",
                "implements",
                "--user",
                "nobody",
            ],
            "no active user",
        ),
    ],
)
def test_errors_are_clear_and_nothing_is_written(
    world, links_world, upr_published_2, args, message
):
    with pytest.raises(CommandError, match=message):
        _run(*args)
    assert not ItemLink.objects.exists()


def test_a_bad_relation_is_refused_by_the_parser(world, links_world):
    with pytest.raises(CommandError, match="invalid choice"):
        _run("add", "upr-vn-4:1.1", "drug-programme:1", "--relation", "depends_on")


def test_suggest_then_confirm_and_reject_by_id(world, links_world):
    # a published UPR item, so that the programme's coordinator sees both ends
    world.published.text = "Expand methadone maintenance treatment for people who use opioids."
    world.published.save()
    result = _last_json(_run("suggest", "drug-programme", "upr-vn-4", "--json"))
    assert result["created"] == 1
    [suggested] = result["links"]
    assert (suggested["source"], suggested["target"], suggested["relation"]) == (
        "drug-programme:1.1.1",
        "upr-vn-4:1.1",
        "same_subject",
    )
    with pytest.raises(CommandError, match=f"no link {suggested['id']}"):
        _run("confirm", str(suggested["id"]), "--user", "officer_a")  # suggestions: not shown
    assert (
        _last_json(_run("reject", str(suggested["id"]), "--user", "mps_coordinator"))["state"]
        == "rejected"
    )
    with pytest.raises(CommandError, match="not a pending suggestion"):
        _run("confirm", str(suggested["id"]))
    again = _last_json(_run("suggest", "drug-programme", "upr-vn-4", "--json"))
    assert (again["created"], again["links"], again["skipped"]) == (0, [], 1)
