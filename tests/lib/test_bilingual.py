"""Which language's version a reader sees, and the visible mark when it is the other one."""

from django.template import Context, Template
from django.utils import translation

from camket.accounts.models import Agency
from camket.lib.bilingual import choose, shown, text
from camket.plans.models import Plan


def test_the_readers_language_first():
    assert choose("Kế hoạch", "Plan", "vi").text == "Kế hoạch"
    assert choose("Kế hoạch", "Plan", "en").text == "Plan"
    assert choose("Kế hoạch", "Plan", "en-gb").language == "en"
    assert not choose("Kế hoạch", "Plan", "vi").fell_back


def test_the_other_language_when_the_readers_is_missing():
    english_only = choose("", "Plan", "vi")
    assert (english_only.text, english_only.language, english_only.fell_back) == (
        "Plan",
        "en",
        True,
    )
    vietnamese_only = choose("Kế hoạch", "  ", "en")
    assert (vietnamese_only.text, vietnamese_only.language, vietnamese_only.fell_back) == (
        "Kế hoạch",
        "vi",
        True,
    )
    assert choose("", "", "vi").text == ""


def test_records_know_their_fields():
    plan = Plan(title="Kế hoạch tổng thể", title_en="Master Plan")
    agency = Agency(code="mps", name="Bộ Công an", name_en="")
    assert shown(plan, "en").text == "Master Plan"
    assert text(agency, "en") == "Bộ Công an"
    assert text(None, "en") == ""


def _render(record, language):
    with translation.override(language):
        return Template("{% load bilingual %}{% bilingual_text record %}").render(
            Context({"record": record})
        )


def test_the_tag_marks_the_fallback_visibly():
    plan = Plan(title="Kế hoạch tổng thể", title_en="")
    english = _render(plan, "en")
    assert '<span lang="vi">Kế hoạch tổng thể</span>' in english
    assert 'class="lang-mark"' in english and ">VI</abbr>" in english
    vietnamese = _render(plan, "vi")
    assert vietnamese == '<span lang="vi">Kế hoạch tổng thể</span>'
    assert "lang-mark" not in vietnamese


def test_the_tag_escapes_what_people_wrote():
    plan = Plan(title="<script>alert(1)</script>", title_en="")
    assert "<script>" not in _render(plan, "vi")
    assert "&lt;script&gt;" in _render(plan, "en")
