"""CBS OData v4 Observations, as datasets.cbs.nl and cbsodata4 deliver them. No Dagster here.

One observation per cell: ``{"Id", "Measure", "ValueAttribute", "Value", "StringValue",
<dimension>: code, ...}``, in JSON pages ``{"@odata.context": ..., "value": [...],
"@odata.nextLink": ...}`` (one page, or several saved as a JSON array of pages), or in
cbsodata4's long CSV (``Observations.csv``). Measure codes (``M000352``) are looked up in the
table's MeasureCodes, delivered beside the file (``<table>_MeasureCodes.json``, or
cbsodata4's ``MeasureCodes.csv``); a measure whose code this loader knows needs no lookup.
``ValueAttribute`` "Impossible" marks a cell that cannot exist (a region not in that year's
division: a v4 extract lists every municipality that ever existed for every year): such cells
are left out. Other empty values are CBS's "." (unknown). ``PeriodenCodes`` beside the file, if
delivered, tells which periods are provisional.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from pipeline.domain.files.cbs_frames import (
    missing_dimensions,
    problems_message,
    records_frame,
    table_frame,
)
from pipeline.domain.files.cbs_tables import CbsTable
from pipeline.domain.files.delimited_files import UnreadableFile

OBSERVATION_FIELDS = ("Id", "Measure", "ValueAttribute", "Value", "StringValue")
PROVISIONAL_STATUS = {"voorlopig", "nader voorlopig"}


@dataclass(frozen=True)
class V4Metadata:
    """What the files beside an Observations file tell: measure titles, provisional periods."""

    measure_titles: dict[str, str] | None  # identifier -> title; None when no MeasureCodes file
    measure_codes_file: str | None
    provisional_periods: frozenset[str]


def _entries(path: Path) -> list[Mapping[str, object]]:
    """The entries of a v4 code list: a JSON page (``value``) or a cbsodata4 CSV."""
    if path.suffix.lower() == ".json":
        try:
            document = json.loads(path.read_text(encoding="utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise UnreadableFile(f"{path.name}: not a JSON code list ({error})") from error
        pages = document if isinstance(document, list) else [document]
        return [
            entry
            for page in pages
            if isinstance(page, dict)
            for entry in page.get("value", [])
            if isinstance(entry, dict)
        ]
    with path.open(encoding="utf-8-sig", newline="") as handle:
        sample = handle.readline()
        handle.seek(0)
        separator = ";" if sample.count(";") > sample.count(",") else ","
        return list(csv.DictReader(handle, delimiter=separator))


def read_metadata(measure_codes: Path | None, period_codes: Path | None) -> V4Metadata:
    titles: dict[str, str] | None = None
    if measure_codes is not None:
        titles = {str(e["Identifier"]): str(e.get("Title") or "") for e in _entries(measure_codes)}
    provisional: frozenset[str] = frozenset()
    if period_codes is not None:
        provisional = frozenset(
            str(e["Identifier"])
            for e in _entries(period_codes)
            if str(e.get("Status") or "").strip().casefold() in PROVISIONAL_STATUS
        )
    return V4Metadata(titles, measure_codes.name if measure_codes else None, provisional)


def observations_of_json(path: Path, document: object) -> list[dict[str, object]] | None:
    """The observations of a v4 JSON document (one page or an array of pages), or None if the
    document holds no v4 observations."""
    documents = document if isinstance(document, list) else [document]
    pages = [p for p in documents if isinstance(p, dict) and isinstance(p.get("value"), list)]
    if not pages or len(pages) < len(documents):
        return None
    context = str(pages[0].get("@odata.context", ""))
    if context and not context.endswith("#Observations"):
        raise UnreadableFile(
            f"{path.name}: an OData v4 document of '{context.rsplit('#', 1)[-1]}', not "
            "Observations (a code list belongs beside the observations, named "
            "<table>_<list>.json)"
        )
    values = [o for page in pages for o in page["value"]]
    observations = [o for o in values if isinstance(o, dict)]
    if len(observations) < len(values) or (observations and "Measure" not in observations[0]):
        return None  # not all objects, or v3 rows
    return observations


def observations_frame(observations: Sequence[Mapping[str, object]]) -> pl.DataFrame:
    return records_frame(observations, "position")


def _measure_keys(
    path: Path, table: CbsTable, frame: pl.DataFrame, metadata: V4Metadata
) -> tuple[dict[str, str], list[str]]:
    """Measure code -> the raw column it fills (a v3 key, or the code itself for a measure the
    table does not know), and the problems (codes that cannot be looked up)."""
    keys: dict[str, str] = {}
    problems = []
    first_position = frame.group_by("Measure").agg(pl.col("position").min())
    for code, position in sorted(first_position.iter_rows(), key=lambda r: r[1]):
        if code is None:
            problems.append(f"row {position}: an observation without a Measure")
            continue
        if metadata.measure_titles is not None:
            if code not in metadata.measure_titles:
                problems.append(
                    f"row {position}, column Measure: {code!r} is not in "
                    f"{metadata.measure_codes_file}"
                )
                continue
            measure = table.measure_for_title(metadata.measure_titles[code])
            measure = measure or table.measure_for_identifier(code)
        else:
            measure = table.measure_for_identifier(code)
            if measure is None:
                problems.append(
                    f"row {position}, column Measure: {code!r} is not a {table.table_id} measure "
                    f"this loader knows, and no {table.table_id}_MeasureCodes.json lies beside the "
                    "file to look it up"
                )
                continue
        keys[code] = measure.key if measure else code
    return keys, problems


def _value(frame: pl.DataFrame) -> pl.Expr:
    # An empty cell that may exist is CBS's "." (unknown, unreliable or secret).
    value = (
        pl.coalesce(pl.col("Value"), pl.col("StringValue"))
        if "StringValue" in frame.columns
        else pl.col("Value")
    )
    return pl.when(value.is_null()).then(pl.lit(".")).otherwise(value)


def read_observations(
    path: Path, table: CbsTable, frame: pl.DataFrame, metadata: V4Metadata
) -> pl.DataFrame:
    """The table frame of a file's observations (``frame``: one text column per field, and
    ``position``, the observation's place in the file counted from 1)."""
    missing = [f for f in ("Measure", "Value") if f not in frame.columns]
    missing += missing_dimensions(table, set(frame.columns), table.assumed_totals)
    if missing:
        raise UnreadableFile(
            f"{path.name}: observations without field(s) {', '.join(missing)}; expected "
            f"{', '.join(OBSERVATION_FIELDS)} and the dimensions {', '.join(table.dimensions)}"
        )
    if "ValueAttribute" in frame.columns:
        frame = frame.filter(pl.col("ValueAttribute").fill_null("None") != "Impossible")
    if frame.height == 0:
        raise UnreadableFile(f"{path.name}: no observations (or only 'Impossible' cells)")
    keys, problems = _measure_keys(path, table, frame, metadata)
    if problems:
        raise UnreadableFile(problems_message(path, problems))
    dimensions = [d for d in table.dimensions if d in frame.columns]
    cells = frame.with_columns(
        pl.col("Measure").replace_strict(keys).alias("column"),
        _value(frame).alias("cell"),
        pl.col("Id") if "Id" in frame.columns else pl.lit(None, dtype=pl.String).alias("Id"),
    )
    _refuse_doubled_cells(path, cells, dimensions)
    used = cells.filter(pl.col("column") == table.used_measure).select(
        *dimensions, pl.col("position").alias("used_position"), pl.col("Id").alias("ID")
    )
    wide = cells.pivot(on="column", index=dimensions, values="cell", aggregate_function=None)
    rows = (
        cells.group_by(dimensions)
        .agg(pl.col("position").min().alias("first_position"))
        .join(wide, on=dimensions, how="left", nulls_equal=True)
        .join(used, on=dimensions, how="left", nulls_equal=True)
        .with_columns(
            pl.coalesce("used_position", "first_position").cast(pl.Int64).alias("source_row")
        )
        .sort("source_row")
    )
    known = set(table.measure_keys)
    other = [c for c in set(keys.values()) if c not in known]
    marked = _marked_provisional(rows, metadata.provisional_periods)
    return table_frame(marked, table, sorted(other), table.assumed_totals)


def _refuse_doubled_cells(path: Path, cells: pl.DataFrame, dimensions: list[str]) -> None:
    doubled = cells.filter(pl.struct(*dimensions, "column").is_duplicated())
    if doubled.height:
        first = doubled.sort("position").row(0, named=True)
        raise UnreadableFile(
            f"{path.name}, row {first['position']}: {doubled.height} observations give a cell "
            f"that another observation gives too (first: {first['column']} of "
            + ", ".join(f"{d} {first[d]}" for d in dimensions)
            + ")"
        )


def _marked_provisional(rows: pl.DataFrame, provisional_periods: frozenset[str]) -> pl.DataFrame:
    """A provisional period (PeriodenCodes status Voorlopig) gets CBS's mark: ``2025JJ00*``."""
    if not provisional_periods:
        return rows
    provisional = pl.col("Perioden").is_in(list(provisional_periods))
    return rows.with_columns(
        pl.when(provisional).then(pl.col("Perioden") + "*").otherwise("Perioden").alias("Perioden")
    )


def read_observations_csv(path: Path) -> pl.DataFrame:
    """cbsodata4's Observations.csv (long: Id, Measure, ValueAttribute, Value, dimensions)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header = handle.readline()
    separator = ";" if header.count(";") > header.count(",") else ","
    try:
        frame = pl.read_csv(path, separator=separator, infer_schema=False, encoding="utf8")
    except pl.exceptions.PolarsError as error:
        raise UnreadableFile(f"{path.name}: cannot be read as CSV ({error})") from error
    # A data row's position counts as its line: the header is line 1.
    return frame.with_row_index("position", offset=2)
