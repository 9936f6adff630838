"""Notice new, changed or removed source files in data/raw/ by their content. No Dagster here.

The state remembers, per file, its size, modification time, SHA-256 and the years it feeds: a
file is hashed again only when its size or time changed, and it counts as changed only when its
hash did. A records file feeds the year in its name; a CBS file feeds the years it holds rows of
(read from the file, so ``83648NED.csv`` of 2015-2025 feeds eleven years). A changed file
rebuilds the years it fed before and feeds now; a removed file the years it fed. A code list
beside a CBS table's files (MeasureCodes, PeriodenCodes) feeds the years of the table's files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.domain.files.cbs_files import is_metadata_file
from pipeline.domain.files.cbs_tables import table_id_of
from pipeline.domain.files.delimited_files import UnreadableFile, file_sha256
from pipeline.domain.files.deliveries import DataFile, file_years, named_year
from pipeline.domain.files.sources import SOURCES, Source

# What the sensor's cursor keeps (as JSON) per relative path: [size, mtime_ns, sha256, years].
CursorEntry = list[int | str | list[int]]
WatchState = dict[str, CursorEntry]


@dataclass
class WatchedFile:
    """A file as the last scan saw it, and the years it feeds."""

    size: int
    mtime_ns: int
    sha256: str
    years: list[int]

    def cursor_entry(self) -> CursorEntry:
        return [self.size, self.mtime_ns, self.sha256, self.years]


def watched_file(entry: object) -> WatchedFile | None:
    """A cursor entry read back; None if it is not one (the file then counts as new). An entry
    of an older cursor may lack the years."""
    if not isinstance(entry, list) or len(entry) < 3:
        return None
    size, mtime_ns, sha256 = entry[:3]
    years = entry[3] if len(entry) > 3 else []
    if not (
        isinstance(size, int)
        and isinstance(mtime_ns, int)
        and isinstance(sha256, str)
        and isinstance(years, list)
    ):
        return None
    return WatchedFile(size, mtime_ns, sha256, [int(year) for year in years])


@dataclass(frozen=True)
class ChangedFile:
    relative_path: str
    source: str
    years: tuple[int, ...]
    sha256: str


@dataclass(frozen=True)
class ScanResult:
    changed: list[ChangedFile]
    unrecognised: list[str]  # files that match no source, with the reason
    unreadable: list[str]  # CBS files whose years cannot be read, with the problem
    state: WatchState


def source_of(path: Path) -> Source | None:
    """The source a file in ``data/raw/<folder>/`` belongs to, by folder and name."""
    for source in SOURCES.values():
        if path.parent.name != source.directory:
            continue
        if source.cbs_table is None:
            if named_year(source, path.name) is not None:
                return source
        elif table_id_of(path.name) == source.cbs_table.table_id:
            return source
    return None


def _why_unrecognised(path: Path) -> str:
    table = table_id_of(path.name)
    owner = next(
        (s for s in SOURCES.values() if s.cbs_table and s.cbs_table.table_id == table), None
    )
    if owner is not None and owner.directory != path.parent.name:
        return f"its name says CBS table {table}, whose files belong in data/raw/{owner.directory}/"
    return "matches no source's file name; it is ignored"


def scan_raw_files(raw_dir: Path, previous: Mapping[str, object]) -> ScanResult:
    """``previous``: the state of the last scan (the cursor's JSON)."""
    data_dir = raw_dir.parent
    state: dict[str, WatchedFile] = {}
    changed: list[ChangedFile] = []
    unrecognised: list[str] = []
    unreadable: list[str] = []
    code_lists: list[tuple[str, Source]] = []
    for path in sorted(raw_dir.glob("*/*")):
        if not path.is_file():
            continue
        relative = path.relative_to(raw_dir).as_posix()
        source = source_of(path)
        if source is None:
            unrecognised.append(f"data/raw/{relative}: {_why_unrecognised(path)}")
            continue
        stat = path.stat()
        known = watched_file(previous.get(relative))
        if known and known.size == stat.st_size and known.mtime_ns == stat.st_mtime_ns:
            state[relative] = known
            continue
        entry = WatchedFile(stat.st_size, stat.st_mtime_ns, file_sha256(path), [])
        state[relative] = entry
        if source.cbs_table is not None and is_metadata_file(path):
            code_lists.append((relative, source))
        else:
            try:
                data_file = DataFile(path, False, named_year(source, path.name))
                entry.years = sorted(file_years(data_dir, source, data_file))
            except UnreadableFile as error:
                unreadable.append(f"data/raw/{relative}: {error}")
        if not known or known.sha256 != entry.sha256:
            fed = sorted(set(entry.years) | set(known.years if known else []))
            changed.append(ChangedFile(relative, source.name, tuple(fed), entry.sha256))
    for relative, source in code_lists:
        _feed_folder_years(relative, source, state, changed)
    for relative, entry_before in previous.items():
        if relative not in state:  # removed: its years fall back to other files or the demo
            gone = watched_file(entry_before)
            fed_before = tuple(gone.years) if gone else ()
            changed.append(ChangedFile(relative, _source_name(relative), fed_before, ""))
    cursor = {relative: entry.cursor_entry() for relative, entry in state.items()}
    return ScanResult(changed, unrecognised, unreadable, cursor)


def _feed_folder_years(
    relative: str, source: Source, state: dict[str, WatchedFile], changed: list[ChangedFile]
) -> None:
    """A code list feeds the years of its table's data files in the same folder."""
    folder = relative.rsplit("/", 1)[0]
    entry = state[relative]
    entry.years = sorted(
        {
            year
            for other, watched in state.items()
            if other.startswith(f"{folder}/") and other != relative
            for year in watched.years
        }
    )
    for index, change in enumerate(changed):
        if change.relative_path == relative:
            changed[index] = ChangedFile(relative, source.name, tuple(entry.years), change.sha256)


def _source_name(relative: str) -> str:
    source = source_of(Path(relative))
    return source.name if source else ""
