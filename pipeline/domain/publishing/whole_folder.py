"""A folder written whole or not at all: its files are written into a hidden folder beside it,
which replaces it once every file is there. A reader of ``reports/<year>/`` sees the last
complete build, never a mix of two builds or a half-written file, even when the writer is
killed. No Dagster, no DuckDB."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _beside(final: Path, ending: str) -> Path:
    return final.with_name(f".{final.name}.{ending}")


def recover(final: Path) -> None:
    """Undo what a killed writer left: a folder it was writing is removed; if it was killed
    between taking the old folder away and putting the new one in place, the old one returns."""
    shutil.rmtree(_beside(final, "part"), ignore_errors=True)
    old = _beside(final, "old")
    if old.exists():
        if final.exists():
            shutil.rmtree(old)
        else:
            old.rename(final)


@contextmanager
def written_whole(final: Path) -> Iterator[Path]:
    """Yield the folder to write into; when the block ends without error it becomes ``final``
    (two renames), and on an error it is removed and ``final`` stays as it was."""
    recover(final)
    writing = _beside(final, "part")
    writing.mkdir(parents=True)
    try:
        yield writing
    except BaseException:
        shutil.rmtree(writing, ignore_errors=True)
        raise
    old = _beside(final, "old")
    if final.exists():
        final.rename(old)
    writing.rename(final)
    shutil.rmtree(old, ignore_errors=True)
