"""Files kept by a key in a folder, for what is costly to make and a pure function of its key
(rendered PDFs, rendered charts): written under a temporary name and renamed, so a reader never
finds half a file; the oldest beyond a number are removed. No Dagster, no DuckDB."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def key_of(*parts: bytes) -> str:
    """A key for what is made from ``parts`` (each part kept apart from the next)."""
    return hashlib.sha256(b"\0".join(parts)).hexdigest()


class KeptFiles:
    def __init__(self, directory: Path, suffix: str, kept: int) -> None:
        self.directory = directory
        self.suffix = suffix
        self.kept = kept

    def get(self, key: str) -> bytes | None:
        try:
            return (self.directory / f"{key}{self.suffix}").read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, content: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".part")
        with os.fdopen(handle, "wb") as file:
            file.write(content)
        Path(temporary).replace(self.directory / f"{key}{self.suffix}")
        entries = sorted(self.directory.glob(f"*{self.suffix}"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[: -self.kept]:
            old.unlink(missing_ok=True)
