"""Stored files no database row names: what a process killed between writing a file and
committing its row leaves behind (an upload, a draft document), and half-written temporary
files (camket.lib.atomic_files).

Uploaded files are written before their row is committed, so a file younger than the grace
period may belong to an upload still in progress: it is never taken as orphaned. A file that
only a history row names (an earlier version) is kept: history may link to it.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone

from camket.documents.models import DocumentRequest
from camket.lib.atomic_files import is_temporary

INCOMING_PREFIX = ".incoming-"


@dataclass(frozen=True)
class Orphan:
    path: Path
    size: int


def _file_fields() -> Iterator[tuple[type[models.Model], models.FileField]]:
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield model, field


def _names(model: type[models.Model], column: str) -> Iterator[str]:
    rows = model._base_manager.exclude(**{column: ""}).exclude(**{f"{column}__isnull": True})
    yield from rows.values_list(column, flat=True).iterator()


def _upload_root(field: models.FileField) -> Path:
    """The folder the field's files go to: its storage's, narrowed by a fixed upload_to."""
    prefix = "" if callable(field.upload_to) else str(field.upload_to).split("%")[0]
    return Path(field.storage.path(prefix.strip("/") or "."))


def stored_files() -> tuple[set[Path], set[Path]]:
    """The folders camket stores files in, and every file a row (or a history row) names."""
    folders: set[Path] = set()
    named: set[Path] = set()
    for model, field in _file_fields():
        folders.add(_upload_root(field))
        sources = [model]
        history = getattr(model, "history", None)
        if history is not None and hasattr(history, "model"):
            sources.append(history.model)
        for source in sources:
            named.update(Path(field.storage.path(name)) for name in _names(source, field.name))
    documents = Path(settings.CAMKET_DOCUMENTS_DIR)
    folders.add(documents)
    named.update(documents / name for name in _names(DocumentRequest, "stored_name"))
    return folders, named


def _half_saved_model(path: Path, models_dir: Path) -> bool:
    """A temporary file, or a file in the hidden folder a model is saved in before it is
    renamed into place (camket.tagging.tagger.Tagger.save)."""
    folders = path.relative_to(models_dir).parts[:-1]
    return is_temporary(path) or any(part.startswith(INCOMING_PREFIX) for part in folders)


def find_orphans(*, older_than: timedelta, now=None) -> list[Orphan]:
    now = now or timezone.now()
    cutoff = (now - older_than).timestamp()
    folders, named = stored_files()
    candidates: set[Path] = set()
    for folder in folders:
        if folder.is_dir():
            candidates.update(p for p in folder.rglob("*") if p.is_file() and p not in named)
    models_dir = Path(settings.MODELS_DIR)
    if models_dir.is_dir():  # trained models are named by no row: only their temporary files
        candidates.update(
            p for p in models_dir.rglob("*") if p.is_file() and _half_saved_model(p, models_dir)
        )
    orphans = []
    for path in sorted(candidates):
        stat = path.stat()
        if stat.st_mtime < cutoff:
            orphans.append(Orphan(path, stat.st_size))
    return orphans


def delete_orphans(orphans: list[Orphan]) -> None:
    for orphan in orphans:
        orphan.path.unlink(missing_ok=True)
