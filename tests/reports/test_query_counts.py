"""A report page reads the report once, however many permissions and panels it shows."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse


def _reads_report_rows(sql: str) -> bool:
    """A query whose own table (not a subquery's) is the report table, other than a count."""
    selected, _, rest = sql.partition(" FROM ")
    return rest.startswith('"reports_progressreport"') and "COUNT(" not in selected


def _report_reads(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return sum(1 for q in captured.captured_queries if _reads_report_rows(q["sql"]))


def test_the_report_page_reads_the_report_twice_at_most_for_the_agency(client, plan_world, due_a):
    from camket.reports.services import save_report

    save_report(plan_world.world.officer_a, due_a, {"status": "in_progress"}, version=None)
    client.force_login(plan_world.world.officer_a)
    # once to show it, once more in the permission to edit, which must see it as it is now
    assert _report_reads(client, reverse("due-date-report", args=[due_a.pk])) <= 2


def test_the_report_page_reads_the_report_once_for_the_coordinator(
    client, plan_world, submitted_a, django_assert_max_num_queries
):
    client.force_login(plan_world.world.coordinator)
    url = reverse("due-date-report", args=[submitted_a.due_date_id])
    assert _report_reads(client, url) == 1
    with django_assert_max_num_queries(40):
        client.get(url)
