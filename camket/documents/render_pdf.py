"""PDF drafts: Django templates (documents/pdf/<kind>.html, report.css) printed by WeasyPrint.

Fonts are the system's Noto Serif and Noto Sans (fonts-noto-core), which carry every
Vietnamese letter. Nothing is fetched from anywhere: only data: URLs are allowed, so a
restyled template cannot make the server read its files or call out.
"""

from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher


def render_html(report) -> str:
    return render_to_string(f"documents/pdf/{report.kind}.html", {"report": report})


def render(report) -> bytes:
    fetcher = URLFetcher(allowed_protocols=["data"])
    return HTML(string=render_html(report), url_fetcher=fetcher).write_pdf()
