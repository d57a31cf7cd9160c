"""The bulk writes' PostgreSQL paths (COPY, keys taken in advance, `= ANY` filters) give what the
ORM gives; on SQLite the same tests check the plain INSERTs and `IN`."""

from datetime import date

import pytest
from django.utils import timezone

from camket.frameworks.models import Framework, Recommendation, State
from camket.lib.any_of import one_of
from camket.lib.bulk import insert_rows

AWKWARD_TEXTS = [
    "tab\there",
    "new\nline and\r\ncarriage return",
    "back\\slash \\N and \\t written out",
    'quotes \' and " and ""',
    "Quyền trẻ em; ‘curly’ — dash",
    "",
]


@pytest.fixture
def framework(db):
    return Framework.objects.create(slug="upr-vn-9", name="UPR Viet Nam 9", kind="upr_cycle")


def _columns_and_rows(framework, texts):
    columns = ["framework_id", "reference", "text", "text_vi", "decided_on", "imported_values"]
    columns += ["source_document", "response", "response_reason", "status", "implementation"]
    columns += ["search_document", "version", "level", "created", "modified"]
    now = timezone.now()
    rows = [
        (framework.pk, f"9.{number}", text, text[::-1], date(2026, 1, number + 1))
        + ({"text": text, "n": number}, "", "", "", "draft", "", text.lower(), 1, 0, now, now)
        for number, text in enumerate(texts)
    ]
    return columns, rows


def test_returned_keys_are_those_of_the_rows_written(framework):
    columns, rows = _columns_and_rows(framework, AWKWARD_TEXTS)
    written = dict(insert_rows(Recommendation, columns, rows, returning=["reference", "id"]))
    stored = dict(Recommendation.objects.filter(framework=framework).values_list("reference", "id"))
    assert written == stored and len(stored) == len(AWKWARD_TEXTS)


def test_awkward_text_dates_and_json_read_back_as_given(framework):
    columns, rows = _columns_and_rows(framework, AWKWARD_TEXTS)
    insert_rows(Recommendation, columns, rows)
    for number, text in enumerate(AWKWARD_TEXTS):
        item = Recommendation.objects.get(framework=framework, reference=f"9.{number}")
        assert (item.text, item.text_vi) == (text, text[::-1])
        assert item.decided_on == date(2026, 1, number + 1)
        assert item.imported_values == {"text": text, "n": number}
        assert item.cluster_id is None and item.parent_id is None


def test_conflicting_links_are_skipped_and_the_others_returned(framework):
    columns, rows = _columns_and_rows(framework, ["a", "b"])
    ids = sorted(
        pk for _, pk in insert_rows(Recommendation, columns, rows, returning=["reference", "id"])
    )
    france = State.objects.create(name="France Test", iso3="FRX")
    link = Recommendation.recommending_states.through
    link.objects.create(recommendation_id=ids[0], state_id=france.pk)
    written = insert_rows(
        link,
        ["recommendation_id", "state_id"],
        [(ids[0], france.pk), (ids[1], france.pk)],
        ignore_conflicts=True,
        returning=["recommendation_id", "state_id"],
    )
    assert written == [(ids[1], france.pk)]
    assert link.objects.filter(state=france).count() == 2


@pytest.mark.parametrize("name", ["pk", "reference", "framework_id"])
def test_one_of_matches_what_in_matches(framework, name):
    columns, rows = _columns_and_rows(framework, ["x", "y", "z"])
    insert_rows(Recommendation, columns, rows)
    items = Recommendation.objects.filter(framework=framework).order_by("pk")
    values = [getattr(item, name) for item in items[:2]]
    chosen = Recommendation.objects.filter(**one_of(name, values)).order_by("pk")
    assert list(chosen) == list(Recommendation.objects.filter(**{f"{name}__in": values}))
    assert chosen.exists()
    assert not Recommendation.objects.filter(**one_of(name, [])).exists()
