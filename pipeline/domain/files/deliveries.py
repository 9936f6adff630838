"""Which files feed a source's year partition. No Dagster here.

A source's files live in ``data/raw/<folder>/`` (an analyst's or ``make fetch``'s) or, failing
those, ``data/demo/<folder>/``. Records-based sources have one file a year, ``<prefix>_<year>.csv``.
A CBS table's file is matched by the table id that starts its name and may cover several years
(``83648NED.csv``, ``03759NED.json``, ``83648NED_2015-2025.csv``); each year takes its own rows:

1. a file named for the year (``83648NED_2024.csv``, ``.json``) feeds that year alone;
2. otherwise every file of the table that holds rows of the year feeds it (the pages of a v4
   download, saved as separate files, together make the year);
3. raw files win over demo files.

A CBS file that cannot be read, or whose years all lie outside the years the pipeline builds,
fails every year of its source: which years it would feed cannot be told otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pipeline.domain.files.cbs_files import DATA_SUFFIXES, is_metadata_file, read_cbs_file
from pipeline.domain.files.cbs_frames import years_of
from pipeline.domain.files.cbs_labels import CodeLists, load_code_lists
from pipeline.domain.files.cbs_tables import table_id_of
from pipeline.domain.files.data_folder import inside_data_folder
from pipeline.domain.files.delimited_files import UnreadableFile
from pipeline.domain.files.sources import Source, SourceFile


@dataclass(frozen=True)
class DataFile:
    path: Path
    is_synthetic: bool
    named_year: int | None  # the year its name gives, if it is named for one


@cache
def code_lists(reference_dir: Path) -> CodeLists:
    return load_code_lists(reference_dir)


def named_year(source: Source, name: str) -> int | None:
    pattern = (
        rf"^{re.escape(source.file_prefix)}_(\d{{4}})\.(csv|json)$"
        if source.cbs_table
        else (rf"^{re.escape(source.file_prefix)}_(\d{{4}})\.csv$")
    )
    match = re.match(pattern, name, flags=re.IGNORECASE if source.cbs_table else 0)
    return int(match[1]) if match else None


def data_files(data_dir: Path, source: Source) -> list[DataFile]:
    """The source's files in data/raw/ and data/demo/, raw first."""
    found = []
    for folder, is_synthetic in (("raw", False), ("demo", True)):
        directory = data_dir / folder / source.directory
        if not directory.is_dir():
            continue
        for path in sorted(directory.iterdir()):
            if not path.is_file():
                continue
            inside_data_folder(path, data_dir)
            year = named_year(source, path.name)
            if source.cbs_table is None:
                if year is not None:
                    found.append(DataFile(path, is_synthetic, year))
            elif (
                table_id_of(path.name) == source.cbs_table.table_id
                and path.suffix.lower() in DATA_SUFFIXES
                and not is_metadata_file(path)
            ):
                found.append(DataFile(path, is_synthetic, year))
    return found


def file_years(data_dir: Path, source: Source, data_file: DataFile) -> frozenset[int]:
    """The years a file holds rows of (a multi-year CBS file is read to tell)."""
    if data_file.named_year is not None:
        return frozenset({data_file.named_year})
    if source.cbs_table is None:
        # Only a CBS file may hold several years; a records file is found by its year.
        raise ValueError(f"{data_file.path.name}: a {source.name} file must be named for its year")
    try:
        frame = read_cbs_file(data_file.path, source.cbs_table, code_lists(data_dir / "reference"))
        return years_of(data_file.path, frame)
    except UnreadableFile as error:
        error.file_name = data_file.path.name
        raise


def _placed(
    data_dir: Path, source: Source, files: Iterable[DataFile], built_years: range
) -> list[tuple[DataFile, frozenset[int]]]:
    placed = []
    for data_file in files:
        years = file_years(data_dir, source, data_file)
        if data_file.named_year is None and not years & set(built_years):
            raise UnreadableFile(
                f"{data_file.path.name}: holds only {_span(years)}, outside the years this "
                f"pipeline builds ({built_years.start}-{built_years.stop - 1}): remove it from "
                f"{data_file.path.parent}",
                file_name=data_file.path.name,
            )
        placed.append((data_file, years))
    return placed


def _span(years: frozenset[int]) -> str:
    ordered = sorted(years)
    return str(ordered[0]) if len(ordered) == 1 else f"{ordered[0]}-{ordered[-1]}"


def files_for_year(
    data_dir: Path, source: Source, year: int, built_years: range
) -> list[SourceFile]:
    """The files that feed ``year`` of ``source`` (none: no file for that year)."""
    files = data_files(data_dir, source)
    for is_synthetic in (False, True):
        group = [f for f in files if f.is_synthetic is is_synthetic]
        named = [f for f in group if f.named_year == year]
        if source.cbs_table is None:
            if named:
                return [SourceFile(named[0].path, is_synthetic)]
            continue
        # Every multi-year file is placed, even when a file named for the year wins: one that
        # cannot be read or placed is reported instead of being passed over silently.
        placed = _placed(data_dir, source, [f for f in group if f.named_year is None], built_years)
        if named:
            return [SourceFile(named[0].path, is_synthetic)]
        covering = [SourceFile(f.path, is_synthetic) for f, years in placed if year in years]
        if covering:
            return covering
    return []


def years_with_files(data_dir: Path, source: Source, built_years: range) -> list[int]:
    """Every year (among ``built_years``) some file of ``source`` feeds."""
    years: set[int] = set()
    for data_file in data_files(data_dir, source):
        years |= file_years(data_dir, source, data_file)
    return sorted(y for y in years if y in built_years)
