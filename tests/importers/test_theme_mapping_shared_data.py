"""The real files (UPR Info export, OHCHR matrices) imported together: their themes land on the
built-in taxonomy instead of English duplicates; what matches nothing is flagged for mapping."""

import pytest

from camket.frameworks.builtin import labels
from camket.frameworks.models import Category, Recommendation
from camket.frameworks.taxonomies import CategoryResolver, ensure_builtin_taxonomies
from camket.importers.detect import parse_file
from camket.importers.service import import_file
from camket.lib.vocabulary import AFFECTED_PERSONS, UHRI_THEMES, UPR_INFO_ISSUES

pytestmark = [pytest.mark.shared_data, pytest.mark.django_db]

# The only labels of ../shared/data nothing in camket means: the coordinator decides.
EXPECTED_UNMAPPED = {(AFFECTED_PERSONS, "Civil society")}


def _files(shared_data):
    return sorted((shared_data / "upr-info").glob("*.csv")) + sorted(
        (shared_data / "ohchr-thematic-lists").glob("*.docx")
    )


def test_every_theme_label_of_the_real_files_finds_its_category(shared_data):
    ensure_builtin_taxonomies()
    resolver = CategoryResolver(defer=True)
    seen = 0
    for path in _files(shared_data):
        for record in parse_file(path).records:
            for slug, label in record.themes:
                seen += 1
                assert resolver.resolve(slug, label) is not None
            for label in record.affected_persons:
                resolver.resolve(AFFECTED_PERSONS, label)
    assert seen > 30000
    assert set(resolver.created) == EXPECTED_UNMAPPED


def test_a_upr_info_export_and_the_ohchr_matrices_make_no_english_duplicates(shared_data, world):
    ensure_builtin_taxonomies()
    builtin = Category.objects.count()
    paths = [
        shared_data / "upr-info" / "upr-info-1-5.csv",
        *sorted((shared_data / "ohchr-thematic-lists").glob("*.docx")),
    ]
    for path in paths:
        summary = import_file(path, publish=True, user=world.coordinator)
        assert summary.ok, (path.name, summary.errors[:3])
    created = set(Category.objects.order_by("-pk")[:5].values_list("taxonomy__slug", "name"))
    assert Category.objects.count() == builtin + len(EXPECTED_UNMAPPED), created
    for slug, expected in (
        (UPR_INFO_ISSUES, labels.UPR_INFO_ISSUES),
        (UHRI_THEMES, labels.UHRI_THEMES),
    ):
        categories = Category.objects.filter(taxonomy__slug=slug)
        assert categories.count() == len(expected)
        assert not categories.filter(name_vi="").exists()
    flagged = set(Category.objects.filter(unmapped=True).values_list("taxonomy__slug", "name"))
    assert flagged == EXPECTED_UNMAPPED
    # The matrices' themes are read in Vietnamese: Slovenia's "B31 Equality & non-discrimination"
    equality = Category.objects.get(taxonomy__slug=UHRI_THEMES, code="B3")
    tagged = Recommendation.objects.filter(categories=equality)
    assert tagged.filter(framework__name__icontains="Slovenia").count() > 50
    assert equality.label("vi") == "Bình đẳng và không phân biệt đối xử"
