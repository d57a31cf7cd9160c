"""Which evidence files are accepted: the extension must match what the file really is."""

import hashlib
import io
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.http import FileResponse, Http404
from django.utils.translation import gettext as _

from camket.lib.history import attribute_change


@dataclass(frozen=True)
class Kind:
    content_type: str
    signatures: tuple[bytes, ...] = ()
    zip_member: str = ""  # Office files are zip archives holding this part


KINDS = {
    ".pdf": Kind("application/pdf", (b"%PDF-",)),
    ".docx": Kind(
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        zip_member="word/document.xml",
    ),
    ".xlsx": Kind(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        zip_member="xl/workbook.xml",
    ),
    ".png": Kind("image/png", (b"\x89PNG\r\n\x1a\n",)),
    ".jpg": Kind("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": Kind("image/jpeg", (b"\xff\xd8\xff",)),
}


@dataclass(frozen=True)
class CheckedFile:
    name: str
    content_type: str
    size: int
    sha256: str


def _is_office(data: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except (zipfile.BadZipFile, OSError):
        return False


def too_large(name: str, size: int) -> str:
    limit = settings.CAMKET_MAX_EVIDENCE_BYTES
    return _("%(name)s is %(size)s MB; the limit is %(limit)s MB.") % {
        "name": name,
        "size": round(size / 1048576, 1),
        "limit": round(limit / 1048576, 1),
    }


def check_evidence(name: str, data: bytes) -> CheckedFile:
    """Refuse files that are too large, of another kind, or not what their name says."""
    clean_name = PurePath(name.replace("\\", "/")).name.strip()[:255] or "file"
    if len(data) > settings.CAMKET_MAX_EVIDENCE_BYTES:
        raise ValidationError(too_large(clean_name, len(data)))
    if not data:
        raise ValidationError(_("%(name)s is empty.") % {"name": clean_name})
    kind = KINDS.get(PurePath(clean_name).suffix.lower())
    if kind is None:
        raise ValidationError(
            _("%(name)s: only PDF, Word (.docx), Excel (.xlsx), PNG and JPEG files are accepted.")
            % {"name": clean_name}
        )
    genuine = (
        _is_office(data, kind.zip_member) if kind.zip_member else data.startswith(kind.signatures)
    )
    if not genuine:
        raise ValidationError(
            _("%(name)s does not contain what its extension says.") % {"name": clean_name}
        )
    return CheckedFile(clean_name, kind.content_type, len(data), hashlib.sha256(data).hexdigest())


def download_response(stored) -> FileResponse:
    """A checked, stored file (evidence, a review's attachment) sent as an attachment that the
    browser may neither sniff nor run."""
    if not stored.file.storage.exists(stored.file.name):
        raise Http404("The file is missing from the storage.")
    response = FileResponse(
        stored.file.open("rb"),
        as_attachment=True,
        filename=stored.original_name,
        content_type=stored.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def store_checked(stored, user, checked: "CheckedFile", data: bytes):
    """Save an unsaved stored file (evidence, a review's attachment) with what `check_evidence`
    found: the file and its row together, or neither (the file is removed if the row fails)."""
    stored.original_name, stored.content_type = checked.name, checked.content_type
    stored.size, stored.sha256, stored.uploaded_by = checked.size, checked.sha256, user
    attribute_change(stored, user)
    stored.file.save(checked.name, ContentFile(data), save=False)
    try:
        stored.save()
    except Exception:
        stored.file.delete(save=False)
        raise
    return stored
