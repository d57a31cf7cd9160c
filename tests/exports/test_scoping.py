"""Each persona exports what it may see, and nothing else, in the web UI, the API and the CLI."""

import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from camket.accounts.models import ApiToken

VISIBLE = {
    "coordinator": {"1.1", "1.2", "1.3"},
    "officer_a": {"1.1", "1.3"},  # 1.3 is a draft sent to agency A for its opinion
    "officer_b": {"1.1"},  # never agency A's draft
    "viewer": {"1.1"},
    "mps_coordinator": {"1.1"},  # reads the UPR framework (coordinated by MOFA) as a viewer
}


def references(content: bytes) -> set[str]:
    return {item["reference"] for item in json.loads(content)["items"]}


@pytest.mark.parametrize("persona", sorted(VISIBLE))
def test_the_web_export_holds_what_the_persona_may_see(client, world, persona):
    client.force_login(getattr(world, persona))
    response = client.get(
        reverse("recommendation-export", args=["json"]), {"framework": "upr-vn-4"}
    )
    assert response.status_code == 200
    assert references(response.content) == VISIBLE[persona]


def test_the_web_export_follows_the_list_filters_and_columns(client, world):
    client.force_login(world.coordinator)
    response = client.get(
        reverse("recommendation-export-chosen"),
        {"format": "csv", "status": "draft", "columns": ["reference", "status"]},
    )
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines == ["Reference,Status", "1.2,Draft", "1.3,Draft"]


def test_the_list_page_offers_the_export_with_its_filters(client, world):
    client.force_login(world.viewer)
    page = client.get(reverse("recommendation-list"), {"q": "trafficking"}).content.decode()
    assert reverse("recommendation-export-chosen") in page
    assert 'name="q" value="trafficking"' in page


def test_anonymous_is_sent_to_sign_in(client, world):
    response = client.get(reverse("recommendation-export", args=["csv"]))
    assert response.status_code == 302 and "login" in response.url


@pytest.mark.parametrize("persona", sorted(VISIBLE))
def test_the_api_export_holds_what_the_persona_may_see(client, world, persona):
    _, secret = ApiToken.issue(getattr(world, persona), "export test")
    response = client.get(
        "/api/exports/recommendations",
        {"format": "json"},
        headers={"Authorization": f"Bearer {secret}"},
    )
    assert response.status_code == 200
    assert references(response.content) == VISIBLE[persona]


def test_the_api_export_needs_a_token_and_is_in_the_openapi(client, world):
    assert client.get("/api/exports/recommendations").status_code == 401
    schema = client.get("/api/openapi.json").json()
    assert "/api/exports/recommendations" in schema["paths"]


@pytest.mark.parametrize("persona", sorted(VISIBLE))
def test_the_cli_export_of_a_user_holds_what_they_may_see(world, tmp_path, persona):
    out = tmp_path / "out.json"
    call_command(
        "export",
        "--framework",
        "upr-vn-4",
        "--format",
        "json",
        "--out",
        str(out),
        "--user",
        getattr(world, persona).username,
    )
    assert references(out.read_bytes()) == VISIBLE[persona]


def test_the_system_export_holds_all_but_archived_items(world, tmp_path):
    world.draft.status = "archived"
    world.draft.save()
    out = tmp_path / "out.json"
    call_command("export", "--framework", "upr-vn-4", "--format", "json", "--out", str(out))
    assert references(out.read_bytes()) == {"1.1", "1.3"}


def test_the_actions_export_is_scoped_and_the_old_address_still_works(client, plan_world):
    world = plan_world.world
    client.force_login(world.officer_a)
    new = client.get(reverse("actions-export", args=["csv"])).content.decode("utf-8-sig")
    assert plan_world.action_a.title in new and plan_world.action_b.title not in new
    old = client.get(reverse("action-export"))
    assert old.status_code == 200 and old.content.startswith(b"PK")


def test_a_user_cannot_export_a_framework_they_cannot_see(world, tmp_path):
    from camket.frameworks.models import Framework
    from tests.personas import make_recommendation

    hidden = Framework.objects.create(slug="drafts-only", name="Drafts", kind="strategy")
    make_recommendation(hidden, "1", "A draft", status="draft")
    with pytest.raises(CommandError, match="upr-vn-4") as refused:  # the known slugs listed
        call_command(
            "export",
            "--framework",
            "drafts-only",
            "--format",
            "csv",
            "--out",
            str(tmp_path / "x.csv"),
            "--user",
            "viewer",
        )
    assert "known: upr-vn-4)" in str(refused.value)
    assert not (tmp_path / "x.csv").exists()
