"""The consultation section, from a stand-in for camket.consultations' reporting module."""

import sys
import types
from dataclasses import dataclass, field
from datetime import date

import pytest

from camket.documents import sections
from tests.documents.conftest import make


@dataclass
class Comment:
    item_reference: str
    author: str
    organisation: str
    text: str
    response: str


@dataclass
class Section:
    title: str
    opens_on: date
    closes_on: date
    summary: str
    comments: list = field(default_factory=list)


@pytest.fixture
def consultations(monkeypatch):
    asked = []

    def consultation_section(framework, kind, language):
        asked.append((framework.slug, kind, language))
        return Section("Góp ý dự thảo", date(2026, 1, 5), date(2026, 2, 5),
                       "Ba ý kiến đã nhận.", [
                           Comment("1.1", "Nguyễn Văn A", "Hội Luật gia", "Cần làm rõ thời hạn.",
                                   "Đã bổ sung thời hạn."),
                           Comment("", "", "", "<b>Whole</b> document comment.", "")])

    package = types.ModuleType("camket.consultations")
    reporting = types.ModuleType("camket.consultations.reporting")
    reporting.consultation_section = consultation_section
    package.reporting = reporting
    monkeypatch.setitem(sys.modules, "camket.consultations", package)
    monkeypatch.setitem(sys.modules, "camket.consultations.reporting", reporting)
    real = sections.apps.is_installed
    monkeypatch.setattr(sections.apps, "is_installed",
                        lambda name: name == "camket.consultations" or real(name))
    return asked


def test_no_section_without_the_consultations_app(document_world):
    assert sections.consultation_section(document_world.framework, "plan", "vi") is None
    assert "Consultation" not in make("plan", document_world.framework, "docx")


@pytest.mark.parametrize("file_format", ["docx", "pdf"])
def test_comments_are_exported_with_the_report(document_world, consultations, file_format):
    text = make("positions", document_world.framework, file_format, "vi")
    flat = " ".join(text.split())
    for expected in ("Góp ý dự thảo", "2026-01-05", "2026-02-05", "Ba ý kiến đã nhận.",
                     "Nguyễn Văn A", "Hội Luật gia", "Cần làm rõ thời hạn.",
                     "Đã bổ sung thời hạn.", "<b>Whole</b> document comment."):
        assert expected in flat, expected
    assert consultations == [(document_world.framework.slug, "positions", "vi")]
