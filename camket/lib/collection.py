"""Pausing Python's cyclic garbage collector around a bulk job.

An import holds hundreds of thousands of small objects (cells, rows, column values) at once,
almost none of them in reference cycles: each automatic collection walks all of them again,
which cost a fifth of an import's time. Reference counting still frees everything as usual
while paused; the cycles made meanwhile are collected when the collector resumes.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block; restored as it was afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
