"""Which signed-in lists can be exported, and how each finds its rows: through the very
functions its page uses, so a file holds what the page shows its reader under the same
filters. Shared by the web UI (`views.py`) and the API."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404

from camket.cooperation import exports as cooperation
from camket.cooperation.filters import AgreementFilters, RequestFilters
from camket.exports import work_lists
from camket.exports.actions import ACTIONS, action_records
from camket.exports.service import ExportFile
from camket.exports.tables import Table, export_table
from camket.frameworks.listing import listed_frameworks
from camket.frameworks.scoping import visible_recommendations
from camket.plans.filters import ActionFilters, filter_actions
from camket.plans.listing import listed_plans
from camket.reports.queues import QueueFilters, queue_rows
from camket.review.clusters import listed_clusters, reads_review_progress, with_visible_members
from camket.review.services import open_assessments_for


@dataclass(frozen=True)
class ListExport:
    table: Table
    rows: Callable[[object, object], Iterable]  # (user, query) → the page's rows, in order
    filters: Callable[[object, object], dict] = lambda user, query: {}  # as the page reads them
    allowed: Callable[[object], bool] = lambda user: True  # who the page is for


def _actions(user, query):
    return action_records(
        filter_actions(user, ActionFilters.from_mapping(query)), visible_recommendations(user)
    )


def _report_queue(user, query):
    return queue_rows(user, QueueFilters.from_mapping(user, query).queues(user))


LISTS: dict[str, ListExport] = {
    "actions": ListExport(
        ACTIONS, _actions, lambda user, query: ActionFilters.from_mapping(query).active()
    ),
    "plans": ListExport(work_lists.PLANS, lambda user, query: listed_plans(user)),
    "frameworks": ListExport(work_lists.FRAMEWORKS, lambda user, query: listed_frameworks(user)),
    "reports": ListExport(
        work_lists.REPORT_QUEUE,
        _report_queue,
        lambda user, query: QueueFilters.from_mapping(user, query).active(),
    ),
    "clusters": ListExport(
        work_lists.CLUSTERS,
        lambda user, query: with_visible_members(user, listed_clusters(user)),
        allowed=reads_review_progress,
    ),
    "assessments": ListExport(
        work_lists.ASSESSMENTS, lambda user, query: open_assessments_for(user)
    ),
    "agreements": ListExport(
        cooperation.AGREEMENTS,
        cooperation.agreement_rows,
        lambda user, query: AgreementFilters.from_mapping(query).active(),
    ),
    "cooperation-requests": ListExport(
        cooperation.REQUESTS,
        cooperation.request_rows,
        lambda user, query: RequestFilters.from_mapping(query).active(),
    ),
}


def export_list(
    name: str, user, query, fmt: str, *, columns=None, language: str | None = None
) -> ExportFile:
    """Raises Http404 for a list that has no export, PermissionDenied when the user's page
    is not theirs (the review progress of an agency officer), ExportError for a bad choice."""
    listed = LISTS.get(name)
    if listed is None:
        raise Http404("No such list.")
    if not listed.allowed(user):
        raise PermissionDenied
    return export_table(
        listed.table,
        listed.rows(user, query),
        fmt,
        columns=columns,
        language=language,
        filters=listed.filters(user, query),
    )
