"""Files that appear whole or not at all, even if the process is killed while writing them.

The data goes to a hidden temporary name in the same folder, is flushed to disk, and is then
renamed over the final name (os.replace, atomic on one file system). A process killed before
the rename leaves at most a temporary file, which `camket files orphans --delete` removes.
"""

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMPORARY_SUFFIX = ".partial"


def temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}{TEMPORARY_SUFFIX}")


def is_temporary(path: Path) -> bool:
    return path.name.startswith(".") and path.name.endswith(TEMPORARY_SUFFIX)


@contextmanager
def replaced_when_written(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path to write to; on success it becomes `path`, on error it is gone."""
    path = Path(path)
    temporary = temporary_name(path)
    try:
        yield temporary
        with open(temporary, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes_atomically(path: Path | str, data: bytes) -> None:
    with replaced_when_written(path) as temporary:
        temporary.write_bytes(data)
