"""Exports through the API: the same filters, columns and formats as the web UI's, scoped to
the token's user; the answer is the file itself."""

from dataclasses import fields
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils import translation
from ninja import Field, Query, Router, Schema
from pydantic import create_model

from camket.accounts import roles
from camket.exports.lists import LISTS, export_list
from camket.exports.service import ExportError
from camket.exports.views import as_download, export_recommendations_for
from camket.frameworks import search
from camket.plans.filters import ActionFilters

router = Router(tags=["exports"])

ExportFilters = create_model(
    "ExportFilters",
    __base__=Schema,
    **{
        name: (str, Field("", description=search.FILTER_DESCRIPTIONS[name]))
        for name in ("q", *search.FILTER_NAMES)
    },
)


class ExportOptions(Schema):
    format: Literal["xlsx", "csv", "json", "docx"] = "xlsx"
    columns: str = Field(
        "",
        description="comma-separated column keys (reference, framework, "
        "parent, level, text, text_vi, recommending_states, "
        "state_under_review, session, response, "
        "response_reason, decided_on, action_category, "
        "themes, sdgs, implementation, status, "
        "source_document, actions, taxonomy:SLUG); empty: "
        "the defaults",
    )
    layout: Literal["list", "matrix"] = Field(
        "list",
        description="matrix: OHCHR's thematic list layout (xlsx, docx; needs "
        "`framework`); it can be imported again",
    )
    lang: Literal["en", "vi"] = Field("en", description="language of headers and labels")


_BINARY = {"schema": {"type": "string", "format": "binary"}}
_FILE = {
    "content": {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": _BINARY,
        "text/csv": _BINARY,
        # format=json answers a JSON document, not a string: say so, or clients refuse it
        "application/json": {"schema": {"type": "object"}},
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": _BINARY,
    },
    "description": "The file. JSON follows /open-data/schema/recommendations-1.json.",
}


@router.get(
    "/recommendations",
    openapi_extra={"responses": {200: _FILE}},
    summary="Export the recommendations the user may see, filtered as the list is",
)
def export_recommendations(request, filters: Query[ExportFilters], options: Query[ExportOptions]):
    if roles.role_of(request.user) is None:
        raise PermissionDenied
    query = request.GET.copy()
    query.setlist("columns", [options.columns])
    query["layout"] = options.layout
    try:
        with translation.override(options.lang):
            return as_download(export_recommendations_for(request.user, query, options.format))
    except ExportError as error:
        return JsonResponse({"detail": str(error)}, status=422)


# --- the other lists: the same files as their pages' downloads ------------------------------


class ListOptions(Schema):
    format: Literal["xlsx", "csv", "json", "docx"] = "xlsx"
    columns: str = Field(
        "",
        description="comma-separated column keys (see docs/open-data.md); "
        "empty: the list's defaults",
    )
    lang: Literal["en", "vi"] = Field("en", description="language of headers and labels")


ActionExportFilters = create_model(
    "ActionExportFilters", __base__=Schema, **{f.name: (str, "") for f in fields(ActionFilters)}
)
QueueExportFilters = create_model(
    "QueueExportFilters",
    __base__=Schema,
    agency=(str, Field("", description="an agency's code; an officer's own by default")),
    **{name: (str, "") for name in ("framework", "kind", "category")},
)

_TABLE = {
    "content": _FILE["content"],
    "description": "The file. JSON: {schema, schema_version, generated_at, title, filters, "
    "columns, rows} (docs/open-data.md).",
}


def _list_file(request, name: str, options: ListOptions):
    if roles.role_of(request.user) is None:
        raise PermissionDenied
    try:
        return as_download(
            export_list(
                name,
                request.user,
                request.GET,
                options.format,
                columns=options.columns,
                language=options.lang,
            )
        )
    except ExportError as error:
        return JsonResponse({"detail": str(error)}, status=422)


def _keys(name: str) -> str:
    return ", ".join(LISTS[name].table.keys())


@router.get(
    "/actions",
    openapi_extra={"responses": {200: _TABLE}},
    summary="Export the actions the user may see, filtered as the action list is",
    description=f"Columns: {_keys('actions')}.",
)
def export_actions(request, filters: Query[ActionExportFilters], options: Query[ListOptions]):
    return _list_file(request, "actions", options)


@router.get(
    "/reports",
    openapi_extra={"responses": {200: _TABLE}},
    summary="Export the progress-report queue as the user sees it",
    description=f"Columns: {_keys('reports')}.",
)
def export_report_queue(request, filters: Query[QueueExportFilters], options: Query[ListOptions]):
    return _list_file(request, "reports", options)


@router.get(
    "/plans",
    openapi_extra={"responses": {200: _TABLE}},
    summary="Export the plans list as the user sees it",
    description=f"Columns: {_keys('plans')}.",
)
def export_plans(request, options: Query[ListOptions]):
    return _list_file(request, "plans", options)


@router.get(
    "/frameworks",
    openapi_extra={"responses": {200: _TABLE}},
    summary="Export the frameworks list as the user sees it",
    description=f"Columns: {_keys('frameworks')}.",
)
def export_frameworks(request, options: Query[ListOptions]):
    return _list_file(request, "frameworks", options)


@router.get(
    "/clusters",
    openapi_extra={"responses": {200: _TABLE}},
    summary="Export the review clusters (coordinators and viewers)",
    description=f"Columns: {_keys('clusters')}.",
)
def export_clusters(request, options: Query[ListOptions]):
    return _list_file(request, "clusters", options)


@router.get(
    "/assessments",
    openapi_extra={"responses": {200: _TABLE}},
    summary="Export the opinions awaited from the user's agency",
    description=f"Columns: {_keys('assessments')}.",
)
def export_assessments(request, options: Query[ListOptions]):
    return _list_file(request, "assessments", options)


@router.get(
    "/agreements",
    openapi_extra={"responses": {200: _TABLE}},
    summary="Export the bilateral agreements, filtered as their list is",
    description=f"Columns: {_keys('agreements')}. Formats: xlsx, csv, json.",
)
def export_agreements(
    request,
    options: Query[ListOptions],
    partner: str = "",
    kind: str = "",
    status: str = "",
    archived: str = "",
):
    return _list_file(request, "agreements", options)


@router.get(
    "/cooperation-requests",
    openapi_extra={"responses": {200: _TABLE}},
    summary="Export the cooperation requests the user's agency handles",
    description=f"Columns: {_keys('cooperation-requests')}. Formats: xlsx, csv, json.",
)
def export_cooperation_requests(
    request,
    options: Query[ListOptions],
    direction: str = "",
    kind: str = "",
    partner: str = "",
    status: str = "",
    year: str = "",
    q: str = "",
):
    return _list_file(request, "cooperation-requests", options)
