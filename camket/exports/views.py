"""Export endpoints of the web UI and the public open data: thin, over `service.py`."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.utils.translation import get_language
from django.views.decorators.cache import cache_control

from camket.exports.actions import PUBLIC_ACTIONS, public_action_records
from camket.exports.lists import export_list
from camket.exports.opendata import schema_text
from camket.exports.service import ExportError, ExportFile, export_items
from camket.exports.tables import export_table
from camket.frameworks import search
from camket.frameworks.scoping import visible_frameworks, visible_recommendations
from camket.plans.scoping import visible_actions
from camket.public.scoping import portal_enabled, public_frameworks, public_recommendations

PUBLIC_FORMATS = ("csv", "json", "xlsx")


def as_download(exported: ExportFile) -> HttpResponse:
    response = HttpResponse(exported.content, content_type=exported.content_type)
    response["Content-Disposition"] = f'attachment; filename="{exported.file_name}"'
    return response


def chosen_columns(query) -> list[str]:
    """`columns=a,b` or repeated `columns=a&columns=b` (checkboxes) alike."""
    return [
        key.strip() for value in query.getlist("columns") for key in value.split(",") if key.strip()
    ]


def export_recommendations_for(user, query, fmt: str) -> ExportFile:
    """What the user's recommendation list shows under these filters, exported; shared by the
    web UI and the API."""
    params = search.SearchParams.from_mapping(query)
    framework = (
        visible_frameworks(user, include_archived=True).filter(slug=params.framework).first()
        if params.framework
        else None
    )
    return export_items(
        search.search(user, params),
        fmt=fmt,
        framework=framework,
        columns=chosen_columns(query),
        layout=query.get("layout") or "list",
        language=get_language(),
        actions=visible_actions(user),
        readable=visible_recommendations(user),
    )


@login_required
def recommendation_export_view(request, fmt=None):
    try:
        return as_download(
            export_recommendations_for(
                request.user, request.GET, fmt or request.GET.get("format", "xlsx")
            )
        )
    except ExportError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


@login_required
def list_export_view(request, name, fmt=None):
    """A signed-in list (`lists.LISTS`) with the page's filters; the format in the address
    or chosen in the form (?format=), the columns chosen (?columns=)."""
    try:
        return as_download(
            export_list(
                name,
                request.user,
                request.GET,
                fmt or request.GET.get("format", "xlsx"),
                columns=chosen_columns(request.GET),
                language=get_language(),
            )
        )
    except ExportError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")


def public_export_view(request, slug, format):  # noqa: A002 — the URL's argument name
    """Open data: a public framework's published items, public fields only; no sign-in."""
    if not portal_enabled() or format not in PUBLIC_FORMATS:
        raise Http404("No such open data.")
    framework = public_frameworks().filter(slug=slug).first()
    if framework is None:
        raise Http404("No such open data.")
    items = public_recommendations().filter(framework=framework)
    try:
        exported = export_items(
            items,
            fmt=format,
            framework=framework,
            columns=chosen_columns(request.GET),
            public=True,
            language=get_language(),
            readable=public_recommendations(),
        )
    except ExportError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    return as_download(exported)


@cache_control(max_age=3600, public=True)
def schema_view(request):
    return HttpResponse(schema_text(), content_type="application/schema+json")


def public_actions_export_view(request, slug, format):  # noqa: A002 — the URL's argument name
    """Open data: the published actions of a public framework (its portal page's actions),
    public fields only, with their latest public progress; no sign-in."""
    if not portal_enabled() or format not in PUBLIC_ACTIONS.formats:
        raise Http404("No such open data.")
    framework = public_frameworks().filter(slug=slug).first()
    if framework is None:
        raise Http404("No such open data.")
    try:
        exported = export_table(
            PUBLIC_ACTIONS,
            public_action_records(framework),
            format,
            columns=chosen_columns(request.GET),
            language=get_language(),
            filters={"framework": framework.slug},
        )
    except ExportError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    exported.file_name = f"camket-{framework.slug}-actions.{format}"
    return as_download(exported)
