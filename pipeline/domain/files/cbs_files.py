"""Read any delivered shape of a CBS table into the table's frame. No Dagster here.

The shape is told by the file, not by its name: a JSON file holds OData v4 observations or v3
rows; a CSV file starts with the v3 keys (TypedDataSet), with the v4 observation fields
(cbsodata4's Observations.csv) or, maybe after title lines, with StatLine's labels. Files beside
it whose names end in MeasureCodes, PeriodenCodes (and other code lists, Properties, Dimensions
or a download record) are metadata, not data.
"""

from __future__ import annotations

import csv
import json
import re
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.domain.files.cbs_frames import with_region_level
from pipeline.domain.files.cbs_labels import CodeLists
from pipeline.domain.files.cbs_statline import find_header, head_lines, read_statline
from pipeline.domain.files.cbs_tables import CbsTable, table_id_of
from pipeline.domain.files.cbs_v3 import SEPARATOR, read_v3_csv, read_v3_json_rows, rows_of_json
from pipeline.domain.files.cbs_v4 import (
    V4Metadata,
    observations_frame,
    observations_of_json,
    read_metadata,
    read_observations,
    read_observations_csv,
)
from pipeline.domain.files.delimited_files import SEPARATOR_NAMES, UnreadableFile

DATA_SUFFIXES = (".csv", ".json")
_METADATA_ENDINGS = (
    "codes",
    "properties",
    "dimensions",
    "groups",
    "download",
    "tableinfos",
    "dataproperties",
)
_CACHE_SIZE = 2
# A file as last seen (path, size, modification time): a cached frame is used while it holds.
_FileState = tuple[str, int, int]
_CacheKey = tuple[_FileState | None, _FileState | None, _FileState | None, str]
_cache: OrderedDict[_CacheKey, pl.DataFrame] = OrderedDict()


def _squashed(stem: str) -> str:
    return re.sub(r"[^a-z0-9]", "", stem.casefold())


def is_metadata_file(path: Path) -> bool:
    """A code list, property or download record that travels with a table's data files."""
    return _squashed(path.stem).endswith(_METADATA_ENDINGS)


def metadata_file(folder: Path, table_id: str, ending: str) -> Path | None:
    """The file beside a table's data whose name starts with the table id and ends in
    ``ending`` (MeasureCodes, PeriodenCodes), if any."""
    found = sorted(
        path
        for path in folder.glob("*")
        # the folder is <data>/<raw|demo>/<source>: a code list must lie in the data folder too
        if path.is_file()
        and path.resolve().is_relative_to(folder.resolve().parents[1])
        and table_id_of(path.name) == table_id
        and path.suffix.lower() in DATA_SUFFIXES
        and _squashed(path.stem).endswith(ending)
    )
    return found[0] if found else None


def _state(path: Path | None) -> _FileState | None:
    if path is None:
        return None
    stat = path.stat()
    return (str(path), stat.st_size, stat.st_mtime_ns)


@dataclass(frozen=True)
class CodeListFiles:
    """The code lists beside a table's data files that an OData v4 file needs (either may be
    missing)."""

    measure_codes: Path | None
    period_codes: Path | None

    @classmethod
    def beside(cls, path: Path, table: CbsTable) -> CodeListFiles:
        return cls(
            metadata_file(path.parent, table.table_id, "measurecodes"),
            metadata_file(path.parent, table.table_id, "periodencodes"),
        )

    def metadata(self) -> V4Metadata:
        return read_metadata(self.measure_codes, self.period_codes)


def read_cbs_file(path: Path, table: CbsTable, codes: CodeLists) -> pl.DataFrame:
    """Every row of a delivered CBS file (all its years), as the table's frame. Parsed frames of
    the last files read are kept while the files (and their code lists) are unchanged."""
    beside = CodeListFiles.beside(path, table)
    key = (_state(path), _state(beside.measure_codes), _state(beside.period_codes), table.table_id)
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    frame = with_region_level(_read(path, table, codes, beside))
    _cache[key] = frame
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return frame


def _read(path: Path, table: CbsTable, codes: CodeLists, beside: CodeListFiles) -> pl.DataFrame:
    if path.stat().st_size == 0:
        raise UnreadableFile(f"{path.name}: the file is empty (0 bytes); expected a header row")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _read_json(path, table, beside)
    if suffix == ".csv":
        return _read_csv(path, table, codes, beside)
    raise UnreadableFile(f"{path.name}: not a .csv or .json file")


def _read_json(path: Path, table: CbsTable, beside: CodeListFiles) -> pl.DataFrame:
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"{path.name}: not UTF-8 ({error})") from error
    except json.JSONDecodeError as error:
        raise UnreadableFile(
            f"{path.name}, row {error.lineno}: not JSON (column {error.colno}: {error.msg}); "
            "expected OData v4 observations or v3 rows",
            row=error.lineno,
        ) from error
    observations = observations_of_json(path, document)
    if observations is not None:
        metadata = beside.metadata()
        return read_observations(path, table, observations_frame(observations), metadata)
    rows = rows_of_json(document)
    if rows is not None:
        return read_v3_json_rows(path, table, rows)
    raise UnreadableFile(
        f"{path.name}: JSON, but not a shape of {table.table_id} this loader knows: expected "
        "OData v4 Observations pages ({'value': [{'Measure': ..., 'Value': ..., ...}]}) or "
        "OData v3 TypedDataSet rows"
    )


def _first_fields(path: Path) -> tuple[list[str], str]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        first = ""
        for line in handle:
            if line.strip():
                first = line
                break
    counts = {sep: first.count(sep) for sep in SEPARATOR_NAMES}
    separator = max(counts, key=counts.__getitem__) if max(counts.values()) else SEPARATOR
    return [f.strip() for f in next(csv.reader([first], delimiter=separator), [])], separator


def _read_csv(path: Path, table: CbsTable, codes: CodeLists, beside: CodeListFiles) -> pl.DataFrame:
    try:
        fields, separator = _first_fields(path)
    except UnicodeDecodeError:
        fields, separator = [], SEPARATOR  # read_v3_csv names the row that is not UTF-8
    if "Measure" in fields and "Value" in fields:
        metadata = beside.metadata()
        return read_observations(path, table, read_observations_csv(path), metadata)
    if not fields or ("RegioS" in fields and "Perioden" in fields):
        return read_v3_csv(path, table)
    if find_header(table, head_lines(path)) is not None:
        return read_statline(path, table, codes)
    if len(fields) == 1 or (separator != SEPARATOR and set(fields) & set(table.dimensions)):
        return read_v3_csv(path, table)  # names the separator the file seems to use
    raise UnreadableFile(
        f"{path.name}, row 1: not a shape of {table.table_id} this loader knows: the header "
        f"{';'.join(fields)!r} is neither OData v3 keys ({';'.join(('ID', *table.dimensions))};"
        f"...), nor OData v4 observations (Id, Measure, ValueAttribute, Value, ...), nor a "
        f"StatLine download (labels such as {', '.join(table.dimension_labels['RegioS'][:1])}, "
        "Perioden)",
        row=1,
    )
