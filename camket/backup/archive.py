"""The backup archive: a tar file whose last member, manifest.json, lists every other member
with its size and SHA-256, so a restore can refuse a damaged archive before writing anything.

Tar rather than zip: it is read and written as a stream (no central directory to lose at the
end of a truncated file), keeps file modes (the secret key stays private), and every Linux
server can list or unpack it without camket. It is not compressed unless the name ends in
.gz/.tgz: the database dumps, evidence (PDF, images, XLSX) and models are mostly compressed.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Any, TypeGuard

from django.utils.translation import gettext as _

from camket.backup.errors import RestoreRefused

MANIFEST = "manifest.json"
# Where things go in an archive: nothing outside these is ever written by a restore.
TOP_LEVEL = {"database", "uploads", "models", "secret_key", MANIFEST}
_CHUNK = 1024 * 1024


class _HashingReader:
    """Hands a file to tarfile while computing the SHA-256 of exactly the bytes it took."""

    def __init__(self, stream, sink=None):
        self.stream, self.sink = stream, sink
        self.digest, self.size = hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.digest.update(data)
        self.size += len(data)
        if self.sink is not None:
            self.sink.write(data)
        return data


class ArchiveWriter:
    def __init__(self, tar: tarfile.TarFile):
        self.tar = tar
        self.files: dict[str, dict] = {}

    def add_file(self, path: Path, name: str) -> None:
        info = self.tar.gettarinfo(str(path), arcname=name)
        info.uid = info.gid = 0
        info.uname = info.gname = ""
        with open(path, "rb") as stream:
            reader = _HashingReader(stream)
            self.tar.addfile(info, reader)
        self.files[name] = {"sha256": reader.digest.hexdigest(), "size": reader.size}

    def add_tree(self, folder: Path, prefix: str) -> None:
        """Every regular file below `folder` (symbolic links are not followed)."""
        if not folder.is_dir():
            return
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.is_symlink():
                try:
                    self.add_file(path, f"{prefix}/{path.relative_to(folder).as_posix()}")
                except FileNotFoundError:
                    # Removed since listed: only temporary files go (pending imports expire).
                    continue

    def add_manifest(self, manifest: dict) -> None:
        data = json.dumps(manifest, indent=2, ensure_ascii=False, sort_keys=True).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mode, info.mtime = len(data), 0o600, int(time.time())
        self.tar.addfile(info, io.BytesIO(data))


@contextmanager
def writing(out: Path) -> Iterator[ArchiveWriter]:
    """Write the archive under a temporary name next to `out`, renamed only once complete:
    a backup that is stopped half-way never leaves a half archive under the asked name."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent)
    compressed = out.name.endswith((".gz", ".tgz"))
    try:
        with os.fdopen(handle, "wb") as stream:
            with tarfile.open(fileobj=stream, mode="w:gz" if compressed else "w") as tar:
                yield ArchiveWriter(tar)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, out)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _safe_name(name: str) -> bool:
    path = PurePosixPath(name)
    return (
        not path.is_absolute()
        and ".." not in path.parts
        and bool(path.parts)
        and path.parts[0] in TOP_LEVEL
    )


def read(archive: Path, into: Path | None = None) -> dict:
    """Check every member against the manifest and return the manifest; with `into`, also
    write the members below that folder. Raises RestoreRefused on any damage or mismatch."""
    try:
        return _read(archive, into)
    except (tarfile.TarError, EOFError, OSError, ValueError) as error:
        if isinstance(error, FileNotFoundError) and not archive.exists():
            raise RestoreRefused(_("No such archive: %(path)s.") % {"path": archive}) from None
        raise RestoreRefused(
            _("%(path)s is damaged or truncated (%(error)s); nothing was restored.")
            % {"path": archive, "error": error}
        ) from None


def _read(archive: Path, into: Path | None) -> dict:
    found: dict[str, dict] = {}
    manifest: Any = None
    with tarfile.open(archive, mode="r:*") as tar:
        for member in tar:
            if not member.isfile() or not _safe_name(member.name) or member.name in found:
                raise RestoreRefused(
                    _("%(path)s holds an unexpected entry: %(name)r.")
                    % {"path": archive, "name": member.name}
                )
            stream = tar.extractfile(member)
            assert stream is not None  # regular files only: other kinds were refused above
            if member.name == MANIFEST:
                manifest = json.loads(stream.read())
                found[MANIFEST] = {}
                continue
            found[member.name] = _copy(stream, member, into)
    if not _is_manifest(manifest):
        raise RestoreRefused(
            _("%(path)s has no valid manifest.json: not a camket backup, or truncated.")
            % {"path": archive}
        )
    found.pop(MANIFEST)
    expected = manifest.get("files", {})
    if found != expected:
        differing = sorted(set(found) ^ set(expected)) or sorted(
            name for name in found if found[name] != expected[name]
        )
        raise RestoreRefused(
            _(
                "%(path)s does not match its manifest (first differing: %(name)s); "
                "nothing was restored."
            )
            % {"path": archive, "name": differing[0]}
        )
    return manifest


def _is_manifest(manifest: Any) -> TypeGuard[dict[str, Any]]:
    return (
        isinstance(manifest, dict)
        and isinstance(manifest.get("files"), dict)
        and isinstance(manifest.get("row_counts"), dict)
        and isinstance(manifest.get("migrations"), dict)
        and isinstance(manifest.get("database"), dict)
        and manifest["database"].get("file") in manifest["files"]
    )


def _copy(stream, member: tarfile.TarInfo, into: Path | None) -> dict:
    if into is None:
        reader = _HashingReader(stream)
        while reader.read(_CHUNK):
            pass
    else:
        target = into / member.name
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as sink:
            reader = _HashingReader(stream, sink)
            while reader.read(_CHUNK):
                pass
        os.chmod(target, member.mode & 0o777)
        os.utime(target, (member.mtime, member.mtime))
    return {"sha256": reader.digest.hexdigest(), "size": reader.size}
