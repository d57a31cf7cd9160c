"""The acceptance check: a real OHCHR matrix, imported, exported by `camket export` as XLSX
and as DOCX, then imported into an emptied camket gives back the same framework and items."""

import pytest
from django.core.management import call_command

from camket.frameworks.models import Category, Framework, Recommendation, State
from camket.importers.models import ImportRun
from camket.importers.service import import_file
from camket.links.models import RegisterLink
from tests.exports.snapshots import framework_snapshot, items_snapshot

MATRICES = ["slovenia-cycle2-upr20.docx", "slovenia-cycle4-upr48.docx", "egypt-cycle2-upr20.docx"]


def empty_camket(last_category: int, last_state: int) -> None:
    """Back to a just-migrated camket: what the first import added is removed."""
    Recommendation.history.all().delete()
    RegisterLink.history.all().delete()
    RegisterLink.objects.all().delete()
    for item in Recommendation.objects.order_by("-level"):
        item.delete()
    Framework.objects.all().delete()
    ImportRun.objects.all().delete()
    Category.objects.filter(pk__gt=last_category).delete()
    State.objects.filter(pk__gt=last_state).delete()


@pytest.mark.shared_data
@pytest.mark.django_db
@pytest.mark.parametrize("name", MATRICES)
@pytest.mark.parametrize(("fmt", "language"), [("xlsx", "en"), ("docx", "vi")])
def test_an_exported_matrix_imports_back_the_same_framework_and_items(
    shared_data, tmp_path, name, fmt, language
):
    last_category = Category.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    last_state = State.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    summary = import_file(shared_data / "ohchr-thematic-lists" / name)
    assert summary.ok, summary.errors
    slug = summary.frameworks[0]
    framework, items = framework_snapshot(slug), items_snapshot(slug)
    assert len(items) > 100
    out = tmp_path / f"export.{fmt}"
    call_command(
        "export", "--framework", slug, "--format", fmt, "--out", str(out), "--lang", language
    )
    empty_camket(last_category, last_state)
    assert not Framework.objects.exists()

    again = import_file(out)

    assert again.ok, again.errors[:5]
    assert again.source == "camket-matrix"
    assert again.frameworks == [slug]
    assert framework_snapshot(slug) == framework
    restored = items_snapshot(slug)
    assert sorted(restored) == sorted(items)
    for reference, values in items.items():
        assert restored[reference] == values, reference
