"""The drafts' content in both formats and languages, per reader."""

import pytest

from camket.documents import generate
from camket.frameworks.models import Framework
from tests.documents.conftest import NARRATIVE, THEME_VI, docx_headings, make
from tests.personas import make_recommendation

FORMATS = ["docx", "pdf"]


@pytest.mark.parametrize("file_format", FORMATS)
def test_positions_list_every_item_with_counts_and_reasons(document_world, file_format):
    text = make("positions", document_world.framework, file_format)
    for heading in (
        "DRAFT",
        "Positions on the recommendations",
        "UPR Viet Nam cycle 4",
        "Positions at a glance",
        "Trafficking in persons",
        "No theme",
    ):
        assert heading in text
    for reference in ("1.1", "1.2", "1.3"):
        assert reference in text
    assert "Continue efforts to combat trafficking in persons." in text
    assert "Consistent with the Law on human trafficking prevention." in text
    assert "Philippines" in text and "New Zealand" in text
    counts = " ".join(text.split())
    assert "Supported 1" in counts and "Not yet decided 2" in counts and "Total 3" in counts


@pytest.mark.parametrize("file_format", FORMATS)
def test_vietnamese_drafts_carry_the_translation_with_its_diacritics(document_world, file_format):
    text = make("positions", document_world.framework, file_format, "vi")
    assert "Tiếp tục nỗ lực phòng, chống mua bán người." in text
    assert "Continue efforts to combat trafficking" not in text
    assert "UPR Việt Nam chu kỳ 4" in text and THEME_VI in text
    assert "Đảm bảo quyền của người khuyết tật." in text  # an item with no translation
    english = make("positions", document_world.framework, file_format, "en")
    assert "Continue efforts to combat trafficking in persons." in english
    assert "Tiếp tục nỗ lực" not in english and "Trafficking in persons" in english


def test_the_word_draft_has_real_headings(document_world):
    data = generate.make_document("positions", document_world.framework, "docx", "en", None)
    headings = docx_headings(data)
    assert headings[0] == "Positions on the recommendations"
    assert "Trafficking in persons" in headings and "No theme" in headings


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_plan_lists_actions_agencies_dates_links_and_indicators(document_world, file_format):
    text = make("plan", document_world.framework, file_format, "vi")
    for expected in (
        "Master Plan for UPR cycle 4",
        "1234/QĐ-TTg",
        "Train police officers on victim identification",
        "Bộ Công an",
        "Draft the law on legal aid",
        "Bộ Tư pháp",
        "2025-01-01",
        "2026-12-31",
        "Officers trained",
        "people",
        "600",
    ):
        assert expected in text
    assert "1.1" in text  # the linked recommendation


@pytest.mark.parametrize("file_format", FORMATS)
def test_the_midterm_report_shows_progress_indicators_and_the_dashboards_numbers(
    document_world, file_format
):
    text = make("midterm", document_world.framework, file_format, "vi")
    assert NARRATIVE in text
    assert THEME_VI in text and "1.1" in text
    flat = " ".join(text.split())
    assert "120" in flat and "600" in flat and "20.0%" in flat.replace(",", ".")
    assert "Bộ Công an" in text


def test_the_midterm_counts_are_the_dashboards(document_world):
    from camket.dashboard.services import figures
    from camket.documents import midterm

    body = midterm.build(document_world.framework, "en", None)
    dashboard = figures(None, document_world.framework.slug)
    assert body.figures.headline == dashboard.headline
    drawn = {row.label: row.total for row in body.status_chart.rows}
    assert drawn == {s.label: s.count for s in dashboard.headline.segments}
    assert sum(drawn.values()) == 1  # only 1.1 was accepted


DRAFT_TEXT = "Establish a national human rights institution."  # 1.2, a draft
SENT_TEXT = "Đảm bảo quyền của người khuyết tật."  # 1.3, a draft sent to agency A
ACTION_A = "Train police officers on victim identification"
ACTION_B = "Draft the law on legal aid"  # agency B's draft action
READERS = {  # persona: (item references, action titles)
    "officer_a": ({"1.1", "1.3"}, {ACTION_A}),
    "officer_b": ({"1.1"}, {ACTION_A, ACTION_B}),
    "viewer": ({"1.1"}, {ACTION_A}),
    "coordinator": ({"1.1", "1.2", "1.3"}, {ACTION_A, ACTION_B}),
}


@pytest.mark.parametrize("persona", sorted(READERS))
def test_each_reader_gets_only_what_they_may_see(document_world, persona):
    user = getattr(document_world, persona)
    references, actions = READERS[persona]
    framework = document_world.framework
    positions = generate.build_report("positions", framework, "en", user).sections[0]
    assert {p.reference for g in positions.themes for p in g.positions} == references
    plans = generate.build_report("plan", framework, "en", user).sections[0]
    assert {a.title for plan in plans.plans for a in plan.actions} == actions
    for file_format in FORMATS:
        text = " ".join(make("positions", framework, file_format, "en", user).split())
        assert (DRAFT_TEXT in text) == ("1.2" in references)
        assert (SENT_TEXT in text) == ("1.3" in references)
        text = " ".join(make("plan", framework, file_format, "en", user).split())
        assert (ACTION_B in text) == (ACTION_B in actions)


def test_items_lacking_every_optional_field(db):
    framework = Framework(slug="bare", name="Bare", kind="declaration")
    framework.apply_kind_defaults()  # a declaration's items are commitments: no response
    framework.save()
    make_recommendation(framework, "REF-1", "A bare commitment.")
    for kind in generate.KINDS:
        for file_format in FORMATS:
            text = make(kind, framework, file_format, "vi")
            assert "REF-1" in text and "DỰ THẢO" in text, (kind, file_format)
            if kind == "positions":
                assert "A bare commitment." in text
    text = make("positions", framework, "pdf")
    assert "A bare commitment." in text and "No theme" in text
    assert "This framework has no plan yet." in make("plan", framework, "docx")


@pytest.mark.parametrize("file_format", FORMATS)
def test_archived_items_stay_out_of_system_exports(document_world, file_format):
    make_recommendation(document_world.framework, "9.9", "An archived item.", status="archived")
    assert "An archived item." not in make("positions", document_world.framework, file_format)


def test_pdf_embeds_noto_fonts_and_vietnamese_survives_the_round_trip(document_world, tmp_path):
    import subprocess

    framework = document_world.framework
    framework.name_vi = "Việt Nam"
    framework.save()
    document_world.plan_world.action_a.co_agencies.add(document_world.coordinating_agency)
    type(document_world.published).objects.filter(pk=document_world.published.pk).update(
        response_reason="Được chấp thuận"
    )
    text = make("plan", framework, "pdf", "vi")
    assert "Việt Nam" in text and "Bộ Ngoại giao" in text
    assert "Được chấp thuận" in make("positions", framework, "pdf", "vi")
    path = tmp_path / "plan.pdf"
    path.write_bytes(generate.make_document("plan", framework, "pdf", "vi", None))
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, check=True, text=True
    ).stdout
    embedded = [line for line in fonts.splitlines() if "Noto" in line and " yes " in line]
    assert any("Noto-Serif" in line for line in embedded)
    assert any("Noto-Sans" in line for line in embedded)
