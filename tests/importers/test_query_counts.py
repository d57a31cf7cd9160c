"""The built-in taxonomies an import makes sure of cost a few queries, not one per category."""

from camket.frameworks.models import Category
from camket.frameworks.taxonomies import ensure_builtin_taxonomies
from camket.lib.vocabulary import DRUGS_CRIME, UPR_INFO_ISSUES


def test_installed_taxonomies_are_checked_in_a_few_queries(db, django_assert_max_num_queries):
    assert Category.objects.count() > 250  # installed by migrate
    with django_assert_max_num_queries(30):
        ensure_builtin_taxonomies()


def test_a_changed_builtin_category_is_put_back_without_touching_the_others(db):
    women = Category.objects.get(taxonomy__slug=UPR_INFO_ISSUES, name="Women's rights")
    prisons = Category.objects.get(taxonomy__slug=DRUGS_CRIME, code="DC11.1")
    Category.objects.filter(pk=women.pk).update(unmapped=True)
    prisons.related_sdgs.clear()
    Category.objects.filter(pk=prisons.pk).update(name="Renamed")
    ensure_builtin_taxonomies()
    women.refresh_from_db()
    prisons.refresh_from_db()
    assert not women.unmapped
    assert prisons.name == "Prisons" and prisons.related_sdgs.exists()
