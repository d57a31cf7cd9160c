"""Whose rows a translation workbook holds, and whose rows an import checks: an officer's
export holds only the items they may translate; an import refuses only the changed rows they
may not translate, so a file holding other agencies' rows still goes through."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from camket.frameworks.models import Recommendation
from camket.frameworks.scoping import visible_recommendations
from camket.plans.models import Action
from camket.review.models import Assessment
from camket.translations.services import may_translate, translatable
from camket.translations.workbook import COLUMNS, export_workbook, import_workbook
from tests.personas import make_recommendation

VIETNAMESE = COLUMNS.index("vietnamese_text") + 1


@pytest.fixture
def shared_world(plan_world):
    """Agency B's action also implements 1.1; 1.4 is published and nobody's assignment."""
    plan_world.action_b.recommendations.add(plan_world.world.published)
    plan_world.world.unassigned = make_recommendation(
        plan_world.world.framework,
        "1.4",
        "Ratify the Optional Protocol to CAT.",
        states=["Denmark"],
    )
    return plan_world.world


def _sheet(content: bytes):
    return load_workbook(io.BytesIO(content)).active


def _references(sheet) -> set[str]:
    return {sheet.cell(row, 3).value for row in range(2, sheet.max_row + 1)}


def _fill(sheet, texts: dict[str, str]) -> tuple[bytes, dict[str, int]]:
    """The workbook with the Vietnamese text of these references typed in, and each
    reference's row."""
    rows = {sheet.cell(row, 3).value: row for row in range(2, sheet.max_row + 1)}
    for reference, text in texts.items():
        sheet.cell(rows[reference], VIETNAMESE, text)
    output = io.BytesIO()
    sheet.parent.save(output)
    return output.getvalue(), rows


def _download(client, user):
    client.force_login(user)
    response = client.get("/translations/", {"framework": "upr-vn-4"})
    assert response.status_code == 200
    return _sheet(response.content)


def test_an_officers_export_holds_only_the_items_they_may_translate(shared_world, client):
    assert _references(_download(client, shared_world.officer_b)) == {"1.1"}
    assert _references(_download(client, shared_world.officer_a)) == {"1.1", "1.3"}


def test_the_coordinators_export_still_has_every_item(shared_world, client):
    assert _references(_download(client, shared_world.coordinator)) == {"1.1", "1.2", "1.3", "1.4"}


def test_a_coordinator_of_another_framework_gets_no_row_of_this_one(shared_world, client):
    assert _references(_download(client, shared_world.mps_coordinator)) == set()


def test_the_officer_round_trip_with_one_changed_row_succeeds(shared_world, client):
    content, _rows = _fill(
        _download(client, shared_world.officer_b), {"1.1": "Bản dịch của Bộ Tư pháp."}
    )
    page = client.post("/translations/", {"file": SimpleUploadedFile("t.xlsx", content)})
    assert "1 Vietnamese text written" in page.content.decode()
    item = Recommendation.objects.get(pk=shared_world.published.pk)
    assert item.text_vi == "Bản dịch của Bộ Tư pháp."
    assert item.history.latest().history_user == shared_world.officer_b


def test_untouched_rows_the_officer_may_not_translate_do_not_stop_the_import(shared_world):
    officer = shared_world.officer_b
    every_visible_item = _sheet(export_workbook(visible_recommendations(officer)))
    assert _references(every_visible_item) == {"1.1", "1.4"}
    content, _rows = _fill(every_visible_item, {"1.1": "Bản dịch của Bộ Tư pháp."})
    result = import_workbook(officer, content)
    assert result.problems == [] and result.written
    assert (len(result.changes), result.unchanged) == (1, 1)
    assert (
        Recommendation.objects.get(pk=shared_world.published.pk).text_vi
        == "Bản dịch của Bộ Tư pháp."
    )


def test_a_changed_row_they_may_not_translate_is_still_refused(shared_world):
    officer = shared_world.officer_b
    content, rows = _fill(
        _sheet(export_workbook(visible_recommendations(officer))),
        {"1.1": "Bản dịch của Bộ Tư pháp.", "1.4": "Không phải việc của Bộ."},
    )
    result = import_workbook(officer, content)
    assert [(p.row, p.column) for p in result.problems] == [(rows["1.4"], "id")]
    assert str(result.problems[0]).startswith(f"row {rows['1.4']}, column id: ")
    assert not result.written
    assert Recommendation.objects.get(pk=shared_world.published.pk).text_vi == (
        "Tiếp tục nỗ lực phòng, chống mua bán người."
    )  # all or nothing
    assert Recommendation.objects.get(pk=shared_world.unassigned.pk).text_vi == ""


def _agrees_with_the_permission(world) -> None:
    items = Recommendation.objects.all()
    for user in (
        world.coordinator,
        world.officer_a,
        world.officer_b,
        world.viewer,
        world.mps_coordinator,
    ):
        listed = set(translatable(user, items).values_list("pk", flat=True))
        assert listed == {item.pk for item in items if may_translate(user, item)}, user


def test_the_export_filter_agrees_with_the_permission(shared_world, plan_world):
    _agrees_with_the_permission(shared_world)
    assert set(translatable(shared_world.officer_a, Recommendation.objects.all())) == {
        shared_world.published,
        shared_world.sent_to_a,
    }
    # An archived action and a withdrawn request for an opinion assign nothing any more.
    Action.objects.filter(pk=plan_world.action_a.pk).update(publication=Action.Publication.ARCHIVED)
    Assessment.objects.filter(recommendation=shared_world.sent_to_a).update(
        state=Assessment.State.WITHDRAWN
    )
    _agrees_with_the_permission(shared_world)
    assert not translatable(shared_world.officer_a, Recommendation.objects.all()).exists()
