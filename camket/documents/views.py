"""The Documents page: ask for a report draft, follow its progress, download it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from camket.accounts import roles
from camket.documents import generate, requests
from camket.documents.models import DocumentRequest
from camket.frameworks.scoping import visible_frameworks

RECENT = 20


def _reader_only(request):
    if roles.role_of(request.user) is None:
        raise PermissionDenied


def _own_requests(user):
    return (
        requests.visible_requests(user)
        .filter(requested_by=user)
        .select_related("framework")[:RECENT]
    )


def _list_context(user) -> dict:
    own = list(_own_requests(user))
    return {
        "document_requests": own,
        "pending": any(r.is_pending for r in own),
        "language": get_language(),
    }


@login_required
def documents_page(request):
    _reader_only(request)
    return render(
        request,
        "documents/page.html",
        {
            "frameworks": visible_frameworks(request.user),
            "kinds": DocumentRequest.Kind.choices,
            "formats": DocumentRequest.Format.choices,
            "document_languages": [
                (code, name) for code, name in DocumentRequest._meta.get_field("language").choices
            ],
            **_list_context(request.user),
        },
    )


@login_required
def document_list(request):
    _reader_only(request)
    return render(request, "documents/_requests.html", _list_context(request.user))


@login_required
@require_POST
def document_request(request):
    _reader_only(request)
    try:
        made = requests.request_document(
            request.user,
            request.POST.get("framework", ""),
            request.POST.get("kind", ""),
            request.POST.get("file_format", ""),
            request.POST.get("language", ""),
        )
    except generate.UnknownChoice as error:
        messages.error(request, str(error))
        return redirect("documents")
    if made.state == DocumentRequest.State.DONE:
        messages.success(request, _("Your document is ready: download it below."))
    elif made.state == DocumentRequest.State.FAILED:
        messages.error(
            request, _("The document could not be made: %(error)s") % {"error": made.error}
        )
    else:
        messages.success(
            request,
            _(
                "Your document is being made in the background "
                "(camket db_worker); this page shows how far it got."
            ),
        )
    return redirect("documents")


@login_required
def document_download(request, pk):
    document = requests.get_request_for_user(request.user, pk)
    return FileResponse(
        requests.stored_file(document).open("rb"),
        as_attachment=True,
        filename=requests.download_name(document),
        content_type=generate.CONTENT_TYPES[document.file_format],
    )
