"""Report drafts asked for on the Documents page: recorded, made at once or by the background
worker, stored outside every served folder, handed only to who asked (and administrators)."""

import logging
import uuid
from pathlib import Path

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from camket.accounts import roles
from camket.documents import content, generate
from camket.documents.models import DocumentRequest
from camket.frameworks.scoping import visible_frameworks
from camket.lib.atomic_files import write_bytes_atomically

State = DocumentRequest.State
logger = logging.getLogger(__name__)


def documents_dir() -> Path:
    return Path(settings.CAMKET_DOCUMENTS_DIR)


def visible_requests(user) -> QuerySet[DocumentRequest]:
    """One's own requests; every request for an administrator."""
    if roles.role_of(user) is None:
        return DocumentRequest.objects.none()
    if roles.role_of(user) == roles.Role.ADMINISTRATOR:
        return DocumentRequest.objects.all()
    return DocumentRequest.objects.filter(requested_by=user)


def get_request_for_user(user, pk) -> DocumentRequest:
    try:
        return visible_requests(user).select_related("framework").get(pk=pk)
    except (DocumentRequest.DoesNotExist, ValueError, TypeError):
        raise Http404("No such document.") from None


def made_at_once(framework, user) -> bool:
    """Small frameworks are made while the page waits; others by the worker."""
    items = content.items_of(framework, user).count()
    return items <= settings.CAMKET_DOCUMENTS_AT_ONCE_ITEMS


def request_document(
    user, framework_slug: str, kind: str, file_format: str, language: str
) -> DocumentRequest:
    """Record the request, then make the draft now or queue it (`camket db_worker`)."""
    from camket.documents.tasks import make_requested_document

    if roles.role_of(user) is None:
        raise PermissionDenied
    generate.check_choices(kind, file_format, language)
    framework = visible_frameworks(user).filter(slug=framework_slug).first()
    if framework is None:
        raise generate.UnknownChoice(f"No such framework: {framework_slug}")
    request = DocumentRequest.objects.create(
        requested_by=user,
        framework=framework,
        kind=kind,
        file_format=file_format,
        language=language,
    )
    if made_at_once(framework, user):
        try:
            carry_out(request)
        except Exception:  # recorded on the request, which the page shows as failed
            logger.exception("Document request %s failed", request.pk)
    else:
        make_requested_document.enqueue(request.pk)
    return request


def _progress(request: DocumentRequest, percent: int) -> None:
    DocumentRequest.objects.filter(pk=request.pk).update(progress=percent)


def carry_out(request: DocumentRequest) -> DocumentRequest:
    DocumentRequest.objects.filter(pk=request.pk).update(state=State.RUNNING, progress=5)
    try:
        data = generate.make_document(
            request.kind,
            request.framework,
            request.file_format,
            request.language,
            request.requested_by,
            progress=lambda percent: _progress(request, percent),
        )
        _progress(request, 90)
        name = f"{uuid.uuid4().hex}.{request.file_format}"
        documents_dir().mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(documents_dir() / name, data)
        request.stored_name, request.state, request.progress = name, State.DONE, 100
    except Exception as error:  # recorded for the person who asked, then re-raised
        request.state, request.error = State.FAILED, str(error)
        raise
    finally:
        if request.state == State.RUNNING or request.state == State.QUEUED:
            request.state = State.FAILED
        request.finished = timezone.now()
        request.save(update_fields=["stored_name", "state", "progress", "error", "finished"])
    return request


def stored_file(request: DocumentRequest) -> Path:
    if request.state != State.DONE or not request.stored_name:
        raise Http404("Not ready.")
    path = documents_dir() / Path(request.stored_name).name
    if not path.is_file():
        raise Http404("The file is gone.")
    return path


def download_name(request: DocumentRequest) -> str:
    return generate.file_name(
        request.kind, request.framework, request.file_format, request.language
    )
