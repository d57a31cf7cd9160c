"""What the load test reads from camket's pages: links to follow and form fields to send back.
Kept apart from the locustfile (which needs locust and gevent) so that a test can check them
against the real templates: a changed template must fail that test, not make the load test
quietly skip the work it should do."""

import re

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# A form for a report not yet written renders its hidden version without a value.
VERSION = re.compile(r'name="version"(?: value="(\d*)")?')
ITEM = re.compile(r'href="/recommendations/(\d+)/"')
DUE_DATE = re.compile(r'href="/due-dates/(\d+)/"')
REVIEW = re.compile(r'action="/reports/(\d+)/review/"')
STATUS_SELECT = re.compile(r'<select name="status".*?</select>', re.DOTALL)
OPTION = re.compile(r'<option value="([a-z_]+)"')
# The portal's home lists public frameworks in a table (its menu links other sections).
PUBLIC_FRAMEWORK = re.compile(r'<td><a href="/public/([a-z0-9-]+)/"')
PUBLIC_ACTIONS = re.compile(r'href="/public/([a-z0-9-]+)/actions/"')
PUBLIC_ITEM = re.compile(r'href="(/public/[a-z0-9-]+/items/[^"]+/)"')


def ids(pattern: re.Pattern, html: str) -> list[int]:
    return sorted({int(found) for found in pattern.findall(html)})


def report_form(html: str) -> dict[str, str | list[str]] | None:
    """The fields to send back from a due date's report page, or None when the page has no
    report form (the report is submitted and waits for the coordinator, or is accepted)."""
    csrf, version = CSRF.search(html), VERSION.search(html)
    select = STATUS_SELECT.search(html)
    statuses = OPTION.findall(select.group(0)) if select else []
    if not (csrf and version and statuses and 'name="narrative"' in html):
        return None
    return {
        "csrfmiddlewaretoken": csrf.group(1),
        "version": version.group(1) or "",
        "statuses": statuses,
    }


def review_form(html: str) -> tuple[int, dict[str, str]] | None:
    """The report id and fields of the coordinator's accept/return form, or None."""
    review, csrf = REVIEW.search(html), CSRF.search(html)
    versions = VERSION.findall(html)
    if not (review and csrf and versions):
        return None
    return int(review.group(1)), {
        "csrfmiddlewaretoken": csrf.group(1),
        "version": versions[-1] or "",
    }


def shown_version(html: str) -> str | None:
    found = VERSION.search(html)
    return (found.group(1) or "") if found else None
