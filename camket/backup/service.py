"""`camket backup` and `camket restore`: what goes into an archive and how it comes back.

An archive holds the database (a consistent online copy), the uploaded evidence (MEDIA_ROOT),
the trained models (MODELS_DIR), the data directory's secret key when the installation uses
one, and manifest.json. Left out on purpose: report drafts (CAMKET_DOCUMENTS_DIR, made again
on request), collected static files and logs. See docs/backup.md.
"""

import logging
import shutil
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection
from django.utils.translation import gettext as _

from camket.backup import archive, databases, target_state
from camket.backup.errors import RestoreRefused
from camket.backup.target_state import Target

logger = logging.getLogger("camket.backup")
FORMAT_VERSION = 1
SECRET_KEY_FILE = "secret_key"  # noqa: S105 - a file name, not a secret


def camket_version() -> str:
    try:
        return metadata.version("camket")
    except metadata.PackageNotFoundError:
        return "unknown"


def create_backup(out: Path) -> dict:
    """Write the archive to `out` while the application runs; returns its manifest."""
    out = Path(out).resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    vendor = databases.vendor_of(connection.settings_dict)
    dump_name = databases.DUMP_NAMES[vendor]
    logger.info("Backup to %s started (%s database)", out, vendor)
    with tempfile.TemporaryDirectory(prefix=".camket-backup-", dir=out.parent) as work:
        dump_file = Path(work) / Path(dump_name).name
        # The database first: files an older database row points at are all still there after.
        state = databases.dump(connection, dump_file)
        with archive.writing(out) as writer:
            writer.add_file(dump_file, dump_name)
            writer.add_tree(Path(settings.MEDIA_ROOT), "uploads")
            writer.add_tree(Path(settings.MODELS_DIR), "models")
            secret_key = Path(settings.DATA_DIR) / SECRET_KEY_FILE
            if secret_key.is_file():
                writer.add_file(secret_key, SECRET_KEY_FILE)
            manifest: dict[str, Any] = {
                "format": FORMAT_VERSION,
                "camket_version": camket_version(),
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "database": {"vendor": vendor, "file": dump_name},
                "migrations": state.migrations,
                "row_counts": state.row_counts,
                "files": writer.files,
            }
            writer.add_manifest(manifest)
    logger.info(
        "Backup to %s done: %d tables, %d rows, %d files",
        out,
        len(state.row_counts),
        sum(state.row_counts.values()),
        len(manifest["files"]),
    )
    return manifest


@dataclass
class RestoreResult:
    manifest: dict
    replaced: list[Path] = field(default_factory=list)  # folders moved aside by --force
    mismatches: dict[str, tuple[int, int]] = field(default_factory=dict)  # table: (want, got)


def restore_backup(path: Path, target: Target | None = None, force: bool = False) -> RestoreResult:
    """Check the archive, then the target, then put the archive's content in place."""
    target = target or Target.from_settings()
    path = Path(path)
    logger.info("Restore of %s started", path)
    try:
        return _restore(path, target, force)
    except RestoreRefused as refusal:
        logger.warning("Restore of %s refused: %s", path, refusal)
        raise


def _restore(path: Path, target: Target, force: bool) -> RestoreResult:
    manifest = archive.read(path)
    _check_compatible(manifest, target)
    if not force:
        found = target_state.data_found(target)
        if found:
            raise RestoreRefused(
                _(
                    "The target is not empty (%(found)s). Restore into a new data directory "
                    "and database, or add --force to replace what is there."
                )
                % {"found": "; ".join(found)}
            )
    target.data_dir.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=target.data_dir))
    try:
        if archive.read(path, into=staging) != manifest:
            raise RestoreRefused(_("%(path)s changed during the restore.") % {"path": path})
        databases.restore(target.database, staging / manifest["database"]["file"])
        result = RestoreResult(manifest)
        for name, destination in (("uploads", target.media_root), ("models", target.models_dir)):
            moved_aside = _put_folder(staging / name, destination)
            if moved_aside:
                result.replaced.append(moved_aside)
        if (staging / SECRET_KEY_FILE).is_file():
            (staging / SECRET_KEY_FILE).replace(target.data_dir / SECRET_KEY_FILE)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    result.mismatches = _count_mismatches(manifest, target)
    logger.info(
        "Restore of %s done: %d tables, %d files, %d count mismatches",
        path,
        len(manifest["row_counts"]),
        len(manifest["files"]),
        len(result.mismatches),
    )
    return result


def _check_compatible(manifest: dict, target: Target) -> None:
    if manifest.get("format") != FORMAT_VERSION:
        raise RestoreRefused(
            _("Unknown archive format %(format)r.") % {"format": manifest.get("format")}
        )
    made_on, target_vendor = manifest["database"]["vendor"], target.vendor
    if made_on != target_vendor:
        raise RestoreRefused(
            _(
                "This archive holds a %(archive)s database and the target is %(target)s: a "
                "restore goes into the same kind of database (see docs/backup.md)."
            )
            % {"archive": made_on, "target": target_vendor}
        )
    unknown = target_state.unknown_migrations(manifest["migrations"])
    if unknown:
        raise RestoreRefused(
            _(
                "The archive was made by a newer camket (migrations this version does not "
                "know: %(migrations)s; it was made by camket %(version)s). Install that "
                "version first."
            )
            % {"migrations": ", ".join(unknown), "version": manifest.get("camket_version")}
        )


def _put_folder(staged: Path, destination: Path) -> Path | None:
    """Put the staged folder in place; a destination with files is moved aside, not deleted."""
    moved_aside = None
    if destination.exists():
        if any(path.is_file() for path in destination.rglob("*")):
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
            moved_aside = destination.with_name(f"{destination.name}.replaced-{stamp}")
            destination.rename(moved_aside)
        else:
            shutil.rmtree(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    if staged.is_dir():
        shutil.move(staged, destination)
    else:
        destination.mkdir()
    return moved_aside


def _count_mismatches(manifest: dict, target: Target) -> dict[str, tuple[int, int]]:
    raw = databases.connect(target.database)
    try:
        present = set(databases.table_names(raw, target.vendor))
        wanted = manifest["row_counts"]
        counts = databases.row_counts(raw, [table for table in wanted if table in present])
    finally:
        raw.close()
    return {
        table: (rows, counts.get(table, -1))
        for table, rows in wanted.items()
        if counts.get(table, -1) != rows
    }
