"""A plan world with a theme, an accepted progress report and Vietnamese text, and readers
of the documents: python-docx for Word, `pdftotext` for PDF."""

import subprocess
from dataclasses import dataclass
from io import BytesIO

import docx
import pytest

from camket.documents import generate
from camket.frameworks.models import Category, Recommendation
from camket.frameworks.taxonomies import ensure_builtin_taxonomies
from camket.lib.vocabulary import UPR_INFO_ISSUES
from camket.reports.models import ProgressReport

NARRATIVE = "Đã tập huấn 120 cán bộ công an về nhận diện nạn nhân."
THEME_VI = "Mua bán người"


def flat(text: str) -> str:
    """Runs of white space as one space: a cell's text wraps onto several lines in a PDF."""
    return " ".join(text.split())


def docx_text(data: bytes) -> str:
    document = docx.Document(BytesIO(data))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.extend(cell.text for cell in row.cells)
    return flat("\n".join(lines))


def docx_headings(data: bytes) -> list[str]:
    document = docx.Document(BytesIO(data))
    return [
        p.text
        for p in document.paragraphs
        if p.style.name.startswith("Heading") or p.style.name == "Title"
    ]


def pdf_text(data: bytes) -> str:
    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return flat(result.stdout.decode("utf-8"))


def text_of(data: bytes, file_format: str) -> str:
    return docx_text(data) if file_format == "docx" else pdf_text(data)


def make(kind, framework, file_format, language="en", user=None) -> str:
    return text_of(
        generate.make_document(kind, framework, file_format, language, user), file_format
    )


@dataclass
class DocumentWorld:
    plan_world: object
    theme: Category
    report: ProgressReport

    def __getattr__(self, name):
        return getattr(self.plan_world.world, name)


@pytest.fixture
def document_world(plan_world):
    world = plan_world.world
    ensure_builtin_taxonomies()
    theme = Category.objects.filter(taxonomy__slug=UPR_INFO_ISSUES).order_by("name").first()
    Category.objects.filter(pk=theme.pk).update(name="Trafficking in persons", name_vi=THEME_VI)
    theme.refresh_from_db()
    world.published.categories.add(theme)
    Recommendation.objects.filter(pk=world.published.pk).update(
        response_reason="Consistent with the Law on human trafficking prevention."
    )
    world.framework.name_vi = "UPR Việt Nam chu kỳ 4"
    world.framework.save()
    due_date = plan_world.indicator_a.due_dates.order_by("due_on").first()
    report = ProgressReport.objects.create(
        due_date=due_date,
        state=ProgressReport.State.ACCEPTED,
        status="in_progress",
        narrative=NARRATIVE,
        indicator_value=120,
    )
    plan_world.indicator_a.target = 600
    plan_world.indicator_a.baseline = 0
    plan_world.indicator_a.save()
    return DocumentWorld(plan_world=plan_world, theme=theme, report=report)
