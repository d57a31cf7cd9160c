import io

import pytest
from openpyxl import Workbook

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def xlsx_bytes() -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    return buffer.getvalue()


@pytest.fixture
def due_a(plan_world):
    """Agency A's first due date (2025-06-30), with no report yet."""
    return plan_world.indicator_a.due_dates.order_by("due_on").first()


@pytest.fixture
def submitted_a(plan_world, due_a):
    """Agency A's report for `due_a`, submitted as "implemented"."""
    from camket.reports.services import save_report

    return save_report(
        plan_world.world.officer_a,
        due_a,
        {"status": "implemented", "narrative": "All officers trained.", "indicator_value": 120},
        version=None,
        submit=True,
    )
