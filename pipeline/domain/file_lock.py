"""An exclusive lock on a file, held by one process at a time (``flock``): others wait for it.
No Dagster, no DuckDB."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def held_lock(path: Path) -> Iterator[None]:
    """Hold the lock on ``path`` (created if missing) for the block; wait while another has it."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
