"""A ministry restyles the drafts: its own .docx styles, its own HTML templates and CSS."""

from io import BytesIO

import docx

from camket.documents import generate, render_pdf
from tests.documents.conftest import pdf_text


def test_word_drafts_use_the_ministrys_template(document_world, settings, tmp_path):
    template = docx.Document()
    template.styles["Normal"].font.name = "Times New Roman"
    template.add_paragraph("BỘ NGOẠI GIAO — letterhead")
    path = tmp_path / "ministry.docx"
    template.save(path)
    settings.CAMKET_DOCX_TEMPLATE = str(path)
    data = generate.make_document("positions", document_world.framework, "docx", "vi", None)
    document = docx.Document(BytesIO(data))
    assert document.paragraphs[0].text == "BỘ NGOẠI GIAO — letterhead"
    assert document.styles["Normal"].font.name == "Times New Roman"
    assert any(p.text == "1.1" or p.text.startswith("1.1 ") for p in document.paragraphs)


def test_without_a_template_the_noto_fonts_are_named(document_world):
    data = generate.make_document("plan", document_world.framework, "docx", "vi", None)
    assert docx.Document(BytesIO(data)).styles["Normal"].font.name == "Noto Serif"


def test_pdf_templates_and_css_are_overridden_from_a_folder(document_world, settings, tmp_path):
    folder = tmp_path / "templates" / "documents" / "pdf"
    folder.mkdir(parents=True)
    (folder / "report.css").write_text(
        "html { font-family: 'Noto Sans'; }\nh1::before { content: 'Bộ Ngoại giao — '; }\n"
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]
    report = generate.build_report("positions", document_world.framework, "en", None)
    assert "Bộ Ngoại giao — " in render_pdf.render_html(report)
    text = pdf_text(generate.render(report, "pdf"))
    assert "Bộ Ngoại giao — Positions on the recommendations" in text


def test_a_restyled_template_cannot_fetch_files_or_urls(document_world, settings, tmp_path):
    folder = tmp_path / "templates" / "documents" / "pdf"
    folder.mkdir(parents=True)
    secret = tmp_path / "secret.css"
    secret.write_text("h1::after { content: ' LEAKED'; }")
    (folder / "report.css").write_text(f"@import url('file://{secret}');")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}]
    report = generate.build_report("positions", document_world.framework, "en", None)
    assert "LEAKED" not in pdf_text(generate.render(report, "pdf"))
