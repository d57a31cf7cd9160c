"""Exports through the API: the same filters, columns and formats as the web UI's, scoped to
the token's user; the answer is the file itself."""

from typing import Literal

from django.core.exceptions import PermissionDenied
from django.utils import translation
from ninja import Field, Query, Router, Schema
from pydantic import create_model

from camket.accounts import roles
from camket.exports.service import ExportError
from camket.exports.views import as_download, export_recommendations_for
from camket.frameworks import search

router = Router(tags=["exports"])

ExportFilters = create_model(
    "ExportFilters", __base__=Schema,
    **{name: (str, "") for name in ("q", *search.FILTER_NAMES)},
)


class ExportOptions(Schema):
    format: Literal["xlsx", "csv", "json", "docx"] = "xlsx"
    columns: str = Field("", description="comma-separated column keys (reference, framework, "
                                         "parent, level, text, text_vi, recommending_states, "
                                         "state_under_review, session, response, "
                                         "response_reason, decided_on, action_category, "
                                         "themes, sdgs, implementation, status, "
                                         "source_document, actions, taxonomy:SLUG); empty: "
                                         "the defaults")
    layout: Literal["list", "matrix"] = Field(
        "list", description="matrix: OHCHR's thematic list layout (xlsx, docx; needs "
                            "`framework`); it can be imported again")
    lang: Literal["en", "vi"] = Field("en", description="language of headers and labels")


_FILE = {"content": {media: {"schema": {"type": "string", "format": "binary"}} for media in (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/csv",
    "application/json",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document")},
    "description": "The file. JSON follows /open-data/schema/recommendations-1.json."}


@router.get("/recommendations", openapi_extra={"responses": {200: _FILE}},
            summary="Export the recommendations the user may see, filtered as the list is")
def export_recommendations(request, filters: Query[ExportFilters],
                           options: Query[ExportOptions]):
    if roles.role_of(request.user) is None:
        raise PermissionDenied
    query = request.GET.copy()
    query.setlist("columns", [options.columns])
    query["layout"] = options.layout
    try:
        with translation.override(options.lang):
            return as_download(export_recommendations_for(request.user, query, options.format))
    except ExportError as error:
        return router.api.create_response(request, {"detail": str(error)}, status=422)
