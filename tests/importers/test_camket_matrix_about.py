"""A camket matrix whose "About this file" was edited into values camket never writes is refused
with errors naming the value, writes nothing, and never ends in a 500 (camket issue #10)."""

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from camket.exports.service import export_items, system_items
from camket.frameworks.models import Framework, Recommendation, Taxonomy
from camket.importers.plan import Planner
from camket.importers.records import FrameworkHint, ParsedRecommendation, ParseResult
from camket.importers.service import import_file

NEW_SLUG = "crafted-framework"


def matrix_with(world, about_values: dict[str, str]) -> bytes:
    """The world's framework exported as a matrix, its About table's values replaced."""
    raw = export_items(
        system_items(world.framework), fmt="xlsx", framework=world.framework, layout="matrix"
    ).content
    workbook = load_workbook(BytesIO(raw))
    about = workbook.worksheets[-1]
    found = set()
    for key_cell, _description, value_cell in about.iter_rows(min_row=2, max_col=3):
        if key_cell.value in about_values:
            value_cell.value = about_values[key_cell.value]
            found.add(key_cell.value)
    assert found == set(about_values), "the export no longer writes these keys"
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def write(tmp_path, raw: bytes):
    path = tmp_path / "matrix.xlsx"
    path.write_bytes(raw)
    return path


CRAFTED = [
    ("taxonomies", '[{"name": ""}]'),
    ("taxonomies", '["themes"]'),
    ("taxonomies", '[{"slug": "bad slug", "name": "Bad"}]'),
    ("taxonomies", '[{"slug": "ok-slug", "name": ["not", "a", "text"]}]'),
    ("taxonomies", '{"slug": "x"}'),
    ("taxonomies", "[not json"),
    ("framework.starts_on", "2024-13-45"),
    ("framework.ends_on", "not-a-date"),
    ("framework.slug", "evil slug"),
    ("framework.slug", "a b/../x"),
    ("framework.slug", "x" * 81),
    ("framework.levels", '"oops"'),
    ("framework.levels", "[1, 2]"),
    ("framework.kind", "nonsense"),
    ("framework.name", "N" * 251),
    ("framework.name_vi", "N" * 251),
    ("framework.cycle", "four"),
    ("framework.state_under_review", "S" * 121),
    ("framework.taxonomies", '["bad slug"]'),
    ("columns", '{"reference": 1}'),
]


@pytest.mark.parametrize(("key", "value"), CRAFTED)
def test_a_crafted_about_value_is_an_error_naming_it_and_writes_nothing(
    world, tmp_path, key, value
):
    changes = {key: value} if key == "framework.slug" else {"framework.slug": NEW_SLUG, key: value}
    taxonomies, items = Taxonomy.objects.count(), Recommendation.objects.count()

    summary = import_file(write(tmp_path, matrix_with(world, changes)), user=world.coordinator)

    assert not summary.ok
    assert any(error.column and error.column.endswith(key) for error in summary.errors), (
        summary.errors
    )
    assert Framework.objects.count() == 1  # the world's own framework only
    assert (Taxonomy.objects.count(), Recommendation.objects.count()) == (taxonomies, items)


def test_the_values_camket_writes_still_import(world, tmp_path):
    raw = matrix_with(
        world,
        {
            "framework.slug": NEW_SLUG,
            "framework.kind": "strategy",
            "framework.starts_on": "2024-02-29",
            "framework.levels": '["Goal", {"key": "task", "name": "Task"}]',
            "taxonomies": '[{"slug": "crafted-themes", "name": "Crafted"}]',
        },
    )

    summary = import_file(write(tmp_path, raw), user=world.coordinator)

    assert summary.ok, summary.errors
    created = Framework.objects.get(slug=NEW_SLUG)
    assert created.kind == "strategy" and created.starts_on == datetime.date(2024, 2, 29)
    assert [level.key for level in created.level_list()] == ["Goal", "task"]
    assert Taxonomy.objects.filter(slug="crafted-themes").exists()


def test_a_new_framework_the_planner_cannot_clean_is_an_error(world):
    """Whatever a parser lets through, a framework is made only from valid values."""
    parsed = ParseResult(
        source="test", records=[ParsedRecommendation(row=2, reference="1", text="Some text.")]
    )
    parsed.framework_hint = FrameworkHint(slug="evil slug", name="")
    planner = Planner(status=Recommendation.Status.DRAFT)

    assert planner.plan(parsed, None) == []
    assert {error.column for error in planner.errors} >= {"short name", "name"}
    planner.flush()
    assert not Framework.objects.filter(slug="evil slug").exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"framework.slug": NEW_SLUG, "taxonomies": '[{"name": ""}]'},
        {"framework.slug": NEW_SLUG, "framework.starts_on": "2024-13-45"},
        {"framework.slug": "evil slug"},
    ],
)
def test_the_upload_page_shows_the_errors_and_offers_no_confirmation(client, world, changes):
    client.force_login(world.coordinator)
    response = client.post(
        "/imports/", {"file": SimpleUploadedFile("matrix.xlsx", matrix_with(world, changes))}
    )

    assert response.status_code == 200
    assert response.context["preview"].errors
    assert "camket_pending_import" not in client.session
    assert not Framework.objects.exclude(pk=world.framework.pk).exists()
    for url in ("/frameworks/", "/consultations/"):  # still usable by every coordinator
        assert client.get(url).status_code == 200
