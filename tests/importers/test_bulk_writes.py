"""The import's plain INSERTs (camket/lib/bulk.py) write what simple-history and the ORM would."""

from datetime import date

import pytest
from django.apps import apps
from hypothesis import given, settings
from hypothesis import strategies as st

from camket.frameworks.models import Framework, Recommendation
from camket.importers.merge import STATES
from camket.importers.normalise import clean_text, full_clean_text
from camket.importers.service import import_file
from camket.lib.bulk import insert_rows

CSV = (
    "Reference,Text,Recommending states,Response,Issues,SDGs\n"
    "1.1,Continue to combat trafficking in persons.,Philippines; Thailand,Supported,"
    "Trafficking,16.2\n"
    "1.2,Abolish the death penalty.,France,Noted,Death penalty,16\n"
)
IGNORED = {"history_id"}


@pytest.fixture
def imported(db, tmp_path):
    Framework.objects.create(slug="upr-vn-4", name="UPR Viet Nam 4", kind="upr_cycle")
    path = tmp_path / "list.csv"
    path.write_text(CSV, encoding="utf-8")
    assert import_file(path, framework_slug="upr-vn-4").ok
    return Recommendation.objects.get(reference="1.1")


def _values(entry) -> dict:
    return {
        field.attname: getattr(entry, field.attname)
        for field in entry._meta.concrete_fields
        if field.attname not in IGNORED
    }


def test_history_row_is_the_one_simple_history_writes(imported):
    entry = imported.history.get()
    Recommendation.history.bulk_history_create(
        [imported],
        default_change_reason=entry.history_change_reason,
        default_date=entry.history_date,
    )
    by_orm = imported.history.exclude(history_id=entry.history_id).get()
    assert _values(entry) == _values(by_orm)
    assert entry.history_type == "+" and entry.history_user is None
    assert entry.history_date == imported.created == imported.modified


def test_history_records_the_items_links(imported):
    entry = imported.history.get()
    for field, target in (("recommending_states", "state_id"), ("categories", "category_id")):
        historical = apps.get_model("frameworks", f"HistoricalRecommendation_{field}")
        recorded = set(
            historical.objects.filter(history=entry).values_list("id", "recommendation_id", target)
        )
        current = set(
            getattr(Recommendation, field)
            .through.objects.filter(recommendation=imported)
            .values_list("id", "recommendation_id", target)
        )
        assert recorded == current and current


def test_dates_and_json_read_back_as_the_orm_writes_them(imported):
    assert imported.imported_values["text"] == imported.text
    assert sorted(imported.imported_values[STATES]) == sorted(
        imported.recommending_states.values_list("pk", flat=True)
    )
    assert imported.created.tzinfo is not None
    assert imported.search_document and imported.version == 1


def test_insert_rows_returns_the_written_ids_and_skips_conflicts(imported):
    through = Recommendation.recommending_states.through
    existing = through.objects.filter(recommendation=imported).first()
    written = insert_rows(
        through,
        ["recommendation_id", "state_id"],
        [(imported.pk, existing.state_id)],
        ignore_conflicts=True,
        returning=["id"],
    )
    assert written == []
    framework = imported.framework
    rows = insert_rows(
        Recommendation.history.model,
        ["id", "reference", "text", "framework_id", "decided_on", "history_date"]
        + ["history_type", "history_change_reason", "level", "text_vi", "source_document"]
        + ["response", "response_reason", "status", "implementation", "version"]
        + ["created", "modified"],
        [
            (imported.pk, "x", "t", framework.pk, date(2026, 1, 2), imported.created)
            + ("~", "", 0, "", "", "", "", "draft", "", 2, imported.created, imported.created)
        ],
        returning=["history_id", "decided_on"],
    )
    (history_id, _stored), *others = rows
    assert not others
    assert Recommendation.history.get(history_id=history_id).decided_on == date(2026, 1, 2)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(list("ab &;#x\t\r\n\u00a0\u2028\u2029\x07\x0c\x85 ") + ["&amp;", "&#233;"]),
        max_size=30,
    ).map("".join)
)
def test_clean_text_short_cut_gives_what_the_full_cleaning_gives(value):
    assert clean_text(value) == full_clean_text(value)
