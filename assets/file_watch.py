"""Notice new or changed source files in data/raw/ by their content. No Dagster here.

The state remembers, per file, its size, modification time and SHA-256: a file is hashed again
only when its size or time changed, and it counts as changed only when its hash did.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assets.raw_files import file_sha256
from assets.sources import SOURCES, Source

# relative path -> [size, mtime_ns, sha256]
WatchState = dict[str, list]


@dataclass(frozen=True)
class ChangedFile:
    relative_path: str
    source: str
    year: int
    sha256: str


def _source_and_year(path: Path) -> tuple[Source, int] | None:
    for source in SOURCES.values():
        if path.parent.name != source.directory:
            continue
        prefix = f"{source.file_prefix}_"
        stem = path.stem
        if stem.startswith(prefix) and stem[len(prefix) :].isdigit() and path.suffix == ".csv":
            return source, int(stem[len(prefix) :])
    return None


def scan_raw_files(
    raw_dir: Path, previous: WatchState
) -> tuple[list[ChangedFile], list[str], WatchState]:
    """Files that are new or whose content changed since ``previous``, files that match no
    source's naming, and the new state."""
    state: WatchState = {}
    changed: list[ChangedFile] = []
    unrecognised: list[str] = []
    for path in sorted(raw_dir.glob("*/*")):
        if not path.is_file():
            continue
        relative = path.relative_to(raw_dir).as_posix()
        match = _source_and_year(path)
        if match is None:
            unrecognised.append(relative)
            continue
        stat = path.stat()
        known = previous.get(relative)
        if known and known[0] == stat.st_size and known[1] == stat.st_mtime_ns:
            state[relative] = known
            continue
        digest = file_sha256(path)
        state[relative] = [stat.st_size, stat.st_mtime_ns, digest]
        if not known or known[2] != digest:
            source, year = match
            changed.append(ChangedFile(relative, source.name, year, digest))
    return changed, unrecognised, state
