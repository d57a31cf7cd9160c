"""An export names an item's parent only if its reader may see that parent (camket issue #10):
a published item under a draft must not leak the draft's reference, in open data or inside."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from camket.frameworks.models import Recommendation
from tests.personas import make_recommendation

DRAFT_REF = "HIDDEN-DRAFT-PARENT"
SENT_REF = "SENT-TO-A-PARENT"
TWO_LEVELS = [
    {"key": "goal", "name": "Goal", "name_vi": ""},
    {"key": "task", "name": "Task", "name_vi": ""},
]


@pytest.fixture
def parented(world):
    """Published children under the draft 1.2 (only the coordinator may see it), under the
    draft 1.3 sent to agency A (its officers may see it) and under the published 1.1."""
    world.framework.levels = TWO_LEVELS
    world.framework.save()
    Recommendation.objects.filter(pk=world.draft.pk).update(reference=DRAFT_REF)
    Recommendation.objects.filter(pk=world.sent_to_a.pk).update(reference=SENT_REF)
    for reference, parent in (
        ("2.1", world.draft),
        ("2.2", world.sent_to_a),
        ("2.3", world.published),
    ):
        child = make_recommendation(world.framework, reference, f"Child {reference}.")
        Recommendation.objects.filter(pk=child.pk).update(parent=parent, level=1)
    return world


def parents(content: bytes) -> dict[str, str | None]:
    return {
        item["reference"]: item.get("parent")
        for item in json.loads(content)["items"]
        if item["reference"].startswith("2.")
    }


@pytest.fixture
def public_parented(parented, settings):
    settings.CAMKET_PUBLIC_PORTAL = True
    parented.framework.public = True
    parented.framework.save()
    return parented


def test_the_json_open_data_names_only_published_parents(client, public_parented):
    response = client.get(reverse("public-export", kwargs={"slug": "upr-vn-4", "format": "json"}))
    assert parents(response.content) == {"2.1": None, "2.2": None, "2.3": "1.1"}
    assert DRAFT_REF.encode() not in response.content


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_table_open_data_names_only_published_parents(client, public_parented, fmt):
    response = client.get(
        reverse("public-export", kwargs={"slug": "upr-vn-4", "format": fmt}),
        {"columns": "reference,parent"},
    )
    if fmt == "csv":
        rows = [line.split(",") for line in response.content.decode("utf-8-sig").splitlines()]
    else:
        rows = [
            [cell or "" for cell in row]
            for row in load_workbook(io.BytesIO(response.content)).active.iter_rows(
                values_only=True
            )
        ]
    by_reference = {row[0]: row[1] for row in rows}
    assert (by_reference["2.1"], by_reference["2.2"], by_reference["2.3"]) == ("", "", "1.1")
    assert DRAFT_REF not in str(rows) and SENT_REF not in str(rows)


def test_the_default_public_columns_do_not_name_a_draft_parent(client, public_parented):
    body = client.get(reverse("public-export", kwargs={"slug": "upr-vn-4", "format": "csv"}))
    assert DRAFT_REF.encode() not in body.content and SENT_REF.encode() not in body.content


EXPECTED = {
    "coordinator": {"2.1": DRAFT_REF, "2.2": SENT_REF, "2.3": "1.1"},
    "officer_a": {"2.1": None, "2.2": SENT_REF, "2.3": "1.1"},
    "officer_b": {"2.1": None, "2.2": None, "2.3": "1.1"},
    "viewer": {"2.1": None, "2.2": None, "2.3": "1.1"},
}


@pytest.mark.parametrize("persona", sorted(EXPECTED))
def test_the_web_export_names_the_parents_the_persona_may_see(client, parented, persona):
    client.force_login(getattr(parented, persona))
    response = client.get(
        reverse("recommendation-export", args=["json"]), {"framework": "upr-vn-4"}
    )
    assert parents(response.content) == EXPECTED[persona]


def test_a_parent_outside_the_filters_but_readable_is_still_named(client, parented):
    client.force_login(parented.coordinator)
    response = client.get(
        reverse("recommendation-export", args=["json"]),
        {"framework": "upr-vn-4", "status": "published"},
    )
    assert parents(response.content)["2.1"] == DRAFT_REF


def test_the_matrix_of_a_viewer_does_not_name_a_draft_parent(client, parented):
    client.force_login(parented.viewer)
    response = client.get(
        reverse("recommendation-export", args=["xlsx"]),
        {"framework": "upr-vn-4", "layout": "matrix"},
    )
    table = load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = [str(cell) for row in table.iter_rows(values_only=True) for cell in row if cell]
    assert "Child 2.1." in cells and "1.1" in cells
    assert DRAFT_REF not in cells and SENT_REF not in cells


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("viewer", EXPECTED["viewer"]),
        ("officer_a", EXPECTED["officer_a"]),
        (None, EXPECTED["coordinator"]),  # the system export reads every item
    ],
)
def test_the_cli_export_names_the_parents_its_reader_may_see(parented, tmp_path, persona, expected):
    out = tmp_path / "out.json"
    user = ["--user", getattr(parented, persona).username] if persona else []
    call_command("export", "--framework", "upr-vn-4", "--format", "json", "--out", str(out), *user)
    assert parents(out.read_bytes()) == expected
