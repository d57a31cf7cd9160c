"""Every way an item's words change is searchable at once, by its new words and not its old
ones, on both databases; on PostgreSQL the table of search vectors (migration 0017) holds
exactly one vector per item, the one of its current document, whatever wrote the rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from camket.accounts.models import ApiToken
from camket.frameworks.editing import ItemSpec, write_items
from camket.frameworks.models import Recommendation
from camket.frameworks.results import Results
from camket.frameworks.search import SearchParams, search
from camket.importers.service import import_file
from tests.personas import make_recommendation

FILE = (
    "Reference,Text,Recommending states,Response,Issues,Action category\n"
    "7.1,Build schools in rural villages.,Philippines,Supported,Education,2\n"
    "7.2,Abolish the death penalty.,France,Supported,Death penalty,5\n"
)


def _found(user, query: str) -> set[str]:
    """The references a search finds, checked to be the same through the queryset and the
    in-memory index (the list page)."""
    params = SearchParams.from_mapping({"q": query, "state": "all"})
    by_queryset = set(search(user, params).values_list("reference", flat=True))
    results = Results(user, params)
    by_index = {item.reference for item in results[0 : results.count()]}
    assert by_queryset == by_index
    return by_index


def _vectors_in_step() -> None:
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT recommendation_id, search_vector::text FROM frameworks_recommendation_search "
            "ORDER BY 1"
        )
        kept = cursor.fetchall()
        cursor.execute(
            "SELECT id, to_tsvector('simple'::regconfig, search_document)::text "
            "FROM frameworks_recommendation ORDER BY 1"
        )
        assert kept == cursor.fetchall()


def test_a_reimported_text_is_found_by_its_new_words_only(world, tmp_path):
    path = tmp_path / "matrix.csv"
    path.write_text(FILE, encoding="utf-8")
    assert import_file(path, framework_slug="upr-vn-4", user=world.coordinator).created == 2
    assert _found(world.coordinator, "rural villages") == {"7.1"}
    path.write_text(FILE.replace("rural villages", "forced labour"), encoding="utf-8")
    summary = import_file(path, framework_slug="upr-vn-4", user=world.coordinator)
    assert summary.updated == 1, summary.errors
    assert _found(world.coordinator, "forced labour") == {"7.1"}
    assert _found(world.coordinator, "rural villages") == set()
    _vectors_in_step()


def test_a_translation_through_the_api_is_found_by_its_words(world, client):
    item = world.draft
    token = ApiToken.issue(world.coordinator, "t")[1]
    response = client.put(
        f"/api/recommendations/{item.pk}/translation",
        {"text_vi": "Thành lập cơ quan nhân quyền quốc gia.", "version": item.version},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.content
    assert _found(world.coordinator, "co quan nhan quyen") == {item.reference}
    _vectors_in_step()


def test_an_edited_definition_item_is_found_by_its_new_words_only(world):
    write_items(
        world.coordinator, world.framework, [ItemSpec("1.2", "Ratify the Convention.", "", None, 0)]
    )
    assert _found(world.coordinator, "ratify convention") == {"1.2"}
    assert _found(world.coordinator, "institution") == set()
    _vectors_in_step()


def test_a_search_asked_again_reads_no_index_until_an_item_changes(world):
    make_recommendation(world.framework, "2.1", "Trafficking, trafficking: end trafficking.")
    make_recommendation(world.framework, "2.2", "Prevent trafficking in children.")
    params = SearchParams.from_mapping({"q": "trafficking", "state": "all"})
    first = Results(world.coordinator, params)
    with CaptureQueriesContext(connection) as asked:
        again = Results(world.coordinator, params)
    assert not [q for q in asked if "frameworks_recommendation_fts" in q["sql"]]
    assert not [q for q in asked if "frameworks_recommendation_search" in q["sql"]]
    ranked = [item.reference for item in first[0:3]]
    assert [item.reference for item in again[0:3]] == ranked and len(set(ranked)) == 3
    world.published.text = "Protect journalists."
    world.published.refresh_search_document()
    world.published.save()
    assert {item.reference for item in Results(world.coordinator, params)[0:3]} == {"2.1", "2.2"}


def test_kept_answers_are_bounded_by_their_size(world, monkeypatch):
    from camket.frameworks import index_search

    params = SearchParams.from_mapping({"q": "trafficking", "state": "all"})
    Results(world.coordinator, params)
    assert index_search._kept
    monkeypatch.setattr(index_search, "KEPT_BYTES", 1)
    Results(world.coordinator, SearchParams.from_mapping({"q": "institution", "state": "all"}))
    assert not index_search._kept


@pytest.mark.django_db
def test_the_vectors_follow_raw_writes_deletes_and_truncation(world):
    if connection.vendor != "postgresql":
        pytest.skip("the table of search vectors exists on PostgreSQL only")
    extra = make_recommendation(world.framework, "9.1", "Protect human rights defenders.")
    Recommendation.objects.filter(pk=world.draft.pk).update(
        search_document=" 1 2 protect journalists ", status="published"
    )
    Recommendation.objects.filter(pk=world.published.pk).update(status="draft")
    _vectors_in_step()
    assert _found(world.coordinator, "journalists") == {world.draft.reference}
    extra.delete()
    _vectors_in_step()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no deferred checks left pending
        cursor.execute("TRUNCATE frameworks_recommendation CASCADE")
        cursor.execute("SELECT count(*) FROM frameworks_recommendation_search")
        assert cursor.fetchone() == (0,)


@pytest.mark.django_db
def test_postgresql_connections_never_compile_queries():
    """JIT spent 0.9 s compiling a search ordered by relevance that ran in 1 s, and 100-350 ms
    compiling the dashboard's overdue query that ran in 30 ms (settings)."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's JIT")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
