"""The public portal's actions as open data: published actions of a public framework, public
fields only, the latest public progress; no sign-in; 404 when off or not public."""

import io
import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from openpyxl import load_workbook

from tests.exports.list_helpers import csv_rows
from tests.public.portal_world import SECRET, make_portal_world


@pytest.fixture
def portal_world(plan_world, settings):
    settings.CAMKET_PUBLIC_PORTAL = True
    cache.clear()
    yield make_portal_world(plan_world)
    cache.clear()


def _get(client, fmt, slug="upr-vn-4", **params):
    return client.get(reverse("public-actions-export", args=[slug, fmt]), params)


@pytest.mark.parametrize("fmt", ["csv", "json", "xlsx"])
def test_only_published_actions_and_public_fields(client, portal_world, fmt):
    response = _get(client, fmt)
    assert response.status_code == 200
    text = (
        response.content.decode("utf-8-sig")
        if fmt != "xlsx"
        else " ".join(
            str(value)
            for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(
                values_only=True
            )
            for value in row
        )
    )
    assert SECRET not in text  # no draft action, budget, status reason, other report
    assert "PUBMARK-ACTION-DESC" in text and "PUBMARK-NARRATIVE" in text
    assert "PUBMARK-INDICATOR" in text


def test_the_json_holds_what_the_portal_page_lists(client, portal_world):
    page = client.get(reverse("public-actions", args=["upr-vn-4"])).context["page"]
    document = json.loads(_get(client, "json").content)
    assert document["schema"] == "camket-public-actions"
    assert [row["reference"] for row in document["rows"]] == [a.reference for a in page.object_list]
    row = document["rows"][0]
    assert set(row) == {
        "reference",
        "title",
        "description",
        "expected_output",
        "plan",
        "lead_agency",
        "co_agencies",
        "start_on",
        "target_on",
        "status",
        "items",
        "progress",
    }
    assert row["items"] == [portal_world.item.reference]
    (progress,) = row["progress"]  # the latest public report: not the later unpublished ones
    assert progress["narrative"] == "PUBMARK-NARRATIVE" and progress["indicator_value"] == 40


def test_the_csv_has_a_bom_and_internal_columns_are_refused(client, portal_world):
    lines = csv_rows(_get(client, "csv").content)
    assert lines[0][:2] == ["Reference", "Title"] and len(lines) == 2
    for internal in ("budget_source", "status_reason", "publication"):
        assert _get(client, "csv", columns=f"reference,{internal}").status_code == 400
    assert _get(client, "docx").status_code == 404


def test_not_found_when_off_or_not_public(client, portal_world, settings):
    assert _get(client, "csv", slug="private-fw").status_code == 404
    assert _get(client, "csv", slug="archived-fw").status_code == 404
    settings.CAMKET_PUBLIC_PORTAL = False
    assert _get(client, "csv").status_code == 404


def test_the_portal_actions_page_links_its_open_data(client, portal_world):
    html = client.get(reverse("public-actions", args=["upr-vn-4"])).content.decode()
    for fmt in ("csv", "json", "xlsx"):
        assert reverse("public-actions-export", args=["upr-vn-4", fmt]) in html
