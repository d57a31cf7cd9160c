"""The import hooks: told which items are new, and able to compute while PostgreSQL checks the
import's deferred foreign keys (a failed check still fails the import; the checks are deferred
again afterwards)."""

import pytest
from django.db import IntegrityError, connection, transaction

from camket.frameworks.models import Framework, Recommendation
from camket.importers import hooks
from camket.importers.hooks import checking_constraints_meanwhile
from camket.importers.service import import_file

ROWS = "Reference,Text\n1.1,Ratify the convention.\n1.2,Combat trafficking.\n"
NO_SUCH_ITEM = 2_000_000_000

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="deferred checks fired early on PostgreSQL"
)


@pytest.fixture
def seen(db, monkeypatch):
    Framework.objects.create(slug="upr-vn-7", name="UPR Viet Nam 7", kind="upr_cycle")
    calls: list[hooks.ImportedItems] = []
    monkeypatch.setattr(hooks, "_after_import", [*hooks._after_import, calls.append])
    return calls


def _import(tmp_path, text):
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8")
    return import_file(path, framework_slug="upr-vn-7")


def test_hooks_are_told_which_items_are_new(tmp_path, seen):
    _import(tmp_path, ROWS)
    created = set(Recommendation.objects.values_list("pk", flat=True))
    assert seen[-1].ids == sorted(created) and seen[-1].created == created
    _import(tmp_path, ROWS.replace("Combat trafficking.", "Combat all trafficking."))
    reworded = Recommendation.objects.get(reference="1.2").pk
    assert seen[-1].ids == [reworded] and seen[-1].created == frozenset()


def _dangling_link() -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO frameworks_recommendation_categories (recommendation_id, category_id) "
            "SELECT %s, id FROM frameworks_category LIMIT 1",
            [NO_SUCH_ITEM],
        )


@on_postgresql
def test_a_failed_check_fails_the_block_after_the_computation(shared_categories):
    computed = []
    with pytest.raises(IntegrityError), transaction.atomic():
        _dangling_link()
        with checking_constraints_meanwhile():
            computed.append(sum(range(1000)))
    assert computed == [499500]


@on_postgresql
def test_the_checks_are_deferred_again_after_the_block(shared_categories):
    with transaction.atomic():
        with checking_constraints_meanwhile():
            pass
        with pytest.raises(IntegrityError), transaction.atomic():
            try:
                _dangling_link()
            except IntegrityError:
                pytest.fail("checked at once: the checks were left immediate")
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # what a commit does


@pytest.fixture
def shared_categories(db):
    from camket.frameworks.models import Category, Taxonomy

    taxonomy = Taxonomy.objects.create(slug="t-hooks", name="T")
    Category.objects.create(taxonomy=taxonomy, code="x", name="X")
