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
from pathlib import Path

import polars as pl

from pipeline.domain.files.cbs_frames import with_region_level
from pipeline.domain.files.cbs_labels import CodeLists
from pipeline.domain.files.cbs_statline import find_header, read_lines, read_statline
from pipeline.domain.files.cbs_tables import CbsTable, table_id_of
from pipeline.domain.files.cbs_v3 import SEPARATOR, read_v3_csv, read_v3_json_rows, rows_of_json
from pipeline.domain.files.cbs_v4 import (
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
_cache: OrderedDict[tuple, pl.DataFrame] = OrderedDict()


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
        if path.is_file()
        and table_id_of(path.name) == table_id
        and path.suffix.lower() in DATA_SUFFIXES
        and _squashed(path.stem).endswith(ending)
    )
    return found[0] if found else None


def _state(path: Path | None) -> tuple | None:
    if path is None:
        return None
    stat = path.stat()
    return (str(path), stat.st_size, stat.st_mtime_ns)


def read_cbs_file(path: Path, table: CbsTable, codes: CodeLists) -> pl.DataFrame:
    """Every row of a delivered CBS file (all its years), as the table's frame. Parsed frames of
    the last files read are kept while the files (and their code lists) are unchanged."""
    measure_codes = metadata_file(path.parent, table.table_id, "measurecodes")
    period_codes = metadata_file(path.parent, table.table_id, "periodencodes")
    key = (_state(path), _state(measure_codes), _state(period_codes), table.table_id)
    if key in _cache:
        _cache.move_to_end(key)
        return _cache[key]
    frame = with_region_level(_read(path, table, codes, measure_codes, period_codes))
    _cache[key] = frame
    while len(_cache) > _CACHE_SIZE:
        _cache.popitem(last=False)
    return frame


def _read(path, table, codes, measure_codes, period_codes) -> pl.DataFrame:
    if path.stat().st_size == 0:
        raise UnreadableFile(f"{path.name}: the file is empty (0 bytes); expected a header row")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return _read_json(path, table, measure_codes, period_codes)
    if suffix == ".csv":
        return _read_csv(path, table, codes, measure_codes, period_codes)
    raise UnreadableFile(f"{path.name}: not a .csv or .json file")


def _read_json(path, table, measure_codes, period_codes) -> pl.DataFrame:
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
        metadata = read_metadata(measure_codes, period_codes)
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
    separator = max(counts, key=counts.get) if max(counts.values()) else SEPARATOR
    return [f.strip() for f in next(csv.reader([first], delimiter=separator), [])], separator


def _read_csv(path, table, codes, measure_codes, period_codes) -> pl.DataFrame:
    try:
        fields, separator = _first_fields(path)
    except UnicodeDecodeError:
        fields, separator = [], SEPARATOR  # read_v3_csv names the row that is not UTF-8
    if "Measure" in fields and "Value" in fields:
        metadata = read_metadata(measure_codes, period_codes)
        return read_observations(path, table, read_observations_csv(path), metadata)
    if not fields or ("RegioS" in fields and "Perioden" in fields):
        return read_v3_csv(path, table)
    if find_header(table, read_lines(path)) is not None:
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
