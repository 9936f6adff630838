"""The annex as a Frictionless Data Package (v2): ``annex/datapackage.json`` describes every annex
CSV (its dialect, each field's type, unit and meaning, the columns that identify a row) and the
sources behind it, in English and Dutch. Plain JSON, so the pipeline does not need the
frictionless library (the tests validate with it). No Dagster, no DuckDB.

Descriptions live in ``reports/i18n/annex_fields.csv``, a row per table and column (table ``*``:
every table with that column; empty column: the table itself; both empty: the package). A
column without one stops the build, so none is published undescribed.

English is the default language (``title``, ``description``; ``languages`` as the Frictionless
"Language support" recipe has it), Dutch the custom ``title_nl`` and ``description_nl``: the
"Translation support" recipe's objects ({"": ..., "nl": ...}) fail the v2 profile.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl

from pipeline.domain.files.sources import SOURCES
from pipeline.domain.publishing.annex import (
    CSV_LINE_TERMINATOR,
    CSV_NULL,
    CSV_QUOTE_CHAR,
    CSV_SEPARATOR,
)
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_templates import REPORTS_DIR, load_texts

FIELDS_FILE = REPORTS_DIR / "i18n" / "annex_fields.csv"
FIELDS_HEADER = ["table", "column", "unit", "description_en", "description_nl"]
ANY_TABLE = "*"
PACKAGE = ("", "")  # the row that describes the package itself
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
LANGUAGES = ["en", "nl"]  # the first is the language of title and description


@dataclass(frozen=True)
class Key:
    """The columns that identify a row. ``nullable``: one of them is empty by design, so they
    are declared as Table Schema v2 uniqueKeys, since a primary key column may not be null."""

    columns: tuple[str, ...]
    nullable: bool = False


def _key(columns: str, nullable: bool = False) -> Key:
    return Key(tuple(columns.split()), nullable)


# The grain each indicator table is written at (sql/indicators/<table>.sql); the build refuses
# a key the rows break. region_level stays in although region_code alone tells the level: the
# README and the SQL name it as part of the grain.
_AREA = "year region_level region_code"
KEYS: dict[str, Key] = {
    "data_quality": _key("year asset_key check_name"),  # sql/quality/check_results.sql
    "financial_indicators": _key(f"{_AREA} reporting_sector_code"),
    "harm_indicators": _key(f"{_AREA} phenomenon_code source weight_set"),
    "harm_rank_correlations": _key("year region_level weight_set_a weight_set_b"),
    "harm_rankings": _key(f"{_AREA} weight_set"),
    "impact_indicators": _key(f"{_AREA} component item"),
    "phenomenon_indicators": _key(f"{_AREA} phenomenon_code source"),
    # source is empty where no source covers the cell
    "phenomenon_sector_indicators": _key(f"{_AREA} phenomenon_code sector_code source", True),
    # sector_code is empty for a series not split by sector
    "phenomenon_trends": _key(f"{_AREA} phenomenon_code sector_code source", True),
    "policy_effects": _key("year programme source outcome"),
    "policy_series": _key("year programme source outcome group data_year"),
    "published_municipal_counts": _key("year municipality_code phenomenon_code"),
    "published_region_counts": _key(f"{_AREA} phenomenon_code"),
    "sector_indicators": _key(f"{_AREA} sector_code"),
    "sector_threat_index": _key("year region_level sector_code"),
    "signal_indicators": _key(f"{_AREA} theme"),
    "threat_index": _key(_AREA),
}

CBS_LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/"}
CBS_CREDIT = "Bron: CBS"
CBS_TABLE_PAGE = "https://opendata.cbs.nl/statline/portal.html?_la=nl&_catalog=CBS&tableId={}"


@dataclass(frozen=True)
class FieldText:
    unit: str
    description_en: str
    description_nl: str


Texts = Mapping[tuple[str, str], FieldText]


def read_field_texts(path: Path = FIELDS_FILE) -> dict[tuple[str, str], FieldText]:
    """The descriptions by (table, column); a blank description or a repeated row fails."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != FIELDS_HEADER:
            raise ValueError(f"{path.name}: the header must be {','.join(FIELDS_HEADER)}")
        texts: dict[tuple[str, str], FieldText] = {}
        for line, row in enumerate(reader, start=2):
            key = (row["table"], row["column"])
            if key in texts:
                raise ValueError(f"{path.name} line {line}: {key} is described twice")
            if not (row["description_en"].strip() and row["description_nl"].strip()):
                raise ValueError(f"{path.name} line {line}: {key} needs both descriptions")
            texts[key] = FieldText(row["unit"], row["description_en"], row["description_nl"])
    return texts


def text_of(texts: Texts, table: str, column: str) -> FieldText | None:
    """The table's own description of the column, else the one shared by every table."""
    return texts.get((table, column)) or texts.get((ANY_TABLE, column))


def missing_texts(tables: Mapping[str, pl.DataFrame], texts: Texts) -> list[str]:
    """The package, each table (``name``) and column (``name.column``) without a description."""
    wanted = [PACKAGE, *((name, c) for name, frame in tables.items() for c in ("", *frame.columns))]
    return [
        ".".join(filter(None, key)) or "the package"
        for key in wanted
        if (text_of(texts, *key) if key[1] else texts.get(key)) is None
    ]


_TYPES = {pl.Date: "date", pl.Datetime: "datetime", pl.Time: "time", pl.Null: "any"}


def field_type(dtype: pl.DataType) -> dict[str, Any]:
    """The Table Schema type of a column as _write_csv writes it."""
    if dtype == pl.Boolean:  # written as true and false, lower case
        return {"type": "boolean", "trueValues": ["true"], "falseValues": ["false"]}
    if dtype.is_integer():
        return {"type": "integer"}
    if dtype.is_float() or isinstance(dtype, pl.Decimal):
        # NaN, inf and -inf are numbers too (Table Schema takes NaN, INF, -INF in any case).
        return {"type": "number"}
    if dtype in (pl.String, pl.Categorical) or isinstance(dtype, pl.Enum):
        return {"type": "string"}
    if dtype.base_type() in _TYPES:
        return {"type": _TYPES[dtype.base_type()]}
    raise TypeError(f"no Table Schema type for a {dtype} column")


def package_descriptor(
    tables: Mapping[str, pl.DataFrame],
    directory: Path,
    *,
    year: int,
    synthetic: bool,
    sources: Iterable[str],
    texts: Texts | None = None,
    keys: Mapping[str, Key] = KEYS,
) -> dict[str, Any]:
    """The datapackage.json of the annex in ``directory`` (its CSVs must be written): one
    resource per table, with the bytes and SHA-256 of its CSV."""
    texts = read_field_texts() if texts is None else texts
    missing = missing_texts(tables, texts)
    if missing:
        raise ValueError(
            f"describe these annex columns in {FIELDS_FILE.name} (table, column, unit, "
            f"description_en, description_nl): {', '.join(missing)}"
        )
    unkeyed = [name for name in tables if name not in keys]
    if unkeyed:
        raise ValueError(f"declare the columns that identify a row of: {', '.join(unkeyed)}")
    en, nl = load_texts("en"), load_texts("nl")
    about = texts[PACKAGE]
    # Demo data says so wherever it appears, as the report's banner does.
    banner = ("synthetic_banner",) if synthetic else ()
    return {
        "$schema": PROFILE,
        "name": f"dreigingsbeeld-{year}-annex",
        "title": en["title"].format(year=year) + ": data annex",
        "title_nl": nl["title"].format(year=year) + ": databijlage",
        "description": "\n\n".join([about.description_en, *(en[k] for k in banner)]),
        "description_nl": "\n\n".join([about.description_nl, *(nl[k] for k in banner)]),
        "languages": LANGUAGES,
        "year": year,
        "synthetic": synthetic,
        "sources": [_source(name, en, nl) for name in sorted(set(sources))],
        "resources": [
            _resource(name, frame, directory / f"{name}.csv", texts, keys[name])
            for name, frame in tables.items()
        ],
    }


def write_datapackage(
    tables: Mapping[str, pl.DataFrame], directory: Path, data: ReportData
) -> Path:
    """Write ``directory/datapackage.json`` for the annex written there from ``tables``; the
    sources are those with a file behind the report (its ten years)."""
    files = data["input_files"].filter(pl.col("source_file").is_not_null())
    descriptor = package_descriptor(
        tables,
        directory,
        year=data.year,
        synthetic=data.is_synthetic,
        sources=files["source"].to_list(),
    )
    path = directory / "datapackage.json"
    # No "created": a clock time would make two builds of the same annex differ.
    path.write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _source(name: str, en: Mapping[str, str], nl: Mapping[str, str]) -> dict[str, Any]:
    """A source as the report's sources section names it; a CBS table with its id, page and
    licence (CC BY 4.0, which asks for the credit). The other publishers state no licence."""
    source: dict[str, Any] = {
        "name": name,
        "title": en[f"source_{name}"],
        "title_nl": nl[f"source_{name}"],
    }
    table = SOURCES[name].cbs_table if name in SOURCES else None
    if table is not None:
        source |= {
            "table_id": table.table_id,
            "table_title": table.title,
            "path": CBS_TABLE_PAGE.format(table.table_id),
            "licenses": [CBS_LICENCE],
            "credit": CBS_CREDIT,
        }
    return source


def _resource(
    name: str, frame: pl.DataFrame, csv_path: Path, texts: Texts, key: Key
) -> dict[str, Any]:
    content = csv_path.read_bytes()
    about = texts[name, ""]
    return {
        "name": name,
        "type": "table",
        "path": csv_path.name,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": f"sha256:{hashlib.sha256(content).hexdigest()}",
        "description": about.description_en,
        "description_nl": about.description_nl,
        "dialect": {
            "header": True,
            "delimiter": CSV_SEPARATOR,
            "lineTerminator": CSV_LINE_TERMINATOR,
            "quoteChar": CSV_QUOTE_CHAR,
            "doubleQuote": True,  # Polars doubles a quote inside a quoted cell
        },
        "schema": _schema(name, frame, texts, key),
    }


def _schema(name: str, frame: pl.DataFrame, texts: Texts, key: Key) -> dict[str, Any]:
    _check_key(name, frame, key)
    fields = []
    for column, dtype in frame.schema.items():
        text = text_of(texts, name, column)
        if text is None:  # package_descriptor has refused this already
            raise ValueError(f"{name}.{column} has no description")
        field: dict[str, Any] = {"name": column, **field_type(dtype)}
        field |= {"description": text.description_en, "description_nl": text.description_nl}
        if text.unit:
            field["unit"] = text.unit
        if column in key.columns and not key.nullable:
            # The spec wants no null in a primary key; Frictionless checks only uniqueness.
            field["constraints"] = {"required": True}
        fields.append(field)
    columns = list(key.columns)
    declared = {"uniqueKeys": [columns]} if key.nullable else {"primaryKey": columns}
    # An empty cell is null (a quoted empty text, "", reads as missing too).
    return {"fields": fields, "missingValues": [CSV_NULL], **declared}


def _check_key(name: str, frame: pl.DataFrame, key: Key) -> None:
    """Refuse to declare a key the rows break: two rows alike (empty counting as a value), or
    an empty cell in a primary key."""
    absent = [column for column in key.columns if column not in frame.columns]
    if absent:
        raise ValueError(f"{name}: its key names columns it does not have: {', '.join(absent)}")
    if frame.select(key.columns).is_duplicated().any():
        raise ValueError(f"{name}: two rows share the key {', '.join(key.columns)}")
    empty = [c for c in key.columns if frame[c].null_count() and not key.nullable]
    if empty:
        raise ValueError(f"{name}: primary key column with an empty cell: {', '.join(empty)}")
