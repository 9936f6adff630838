"""What a load of one source and year writes in the warehouse of the bad-files tests
(test_bad_files.py), and how each part of it is found and deleted to put a good load back.
"""

from __future__ import annotations

import functools
import operator
from dataclasses import dataclass

import duckdb
from duckdb import ColumnExpression, ConstantExpression

STAGING = {
    "incidents": "stg_incidents__crimes",
    "population": "stg_population__inhabitants",
    "drug_sites": "stg_drug_sites__sites",
    "financial": "stg_financial__fiu_transactions",
    "seizures": "stg_seizures__seizures",
    "signals": "stg_signals__tips",
    "establishments": "stg_establishments__establishments",
    "seized_assets": "stg_financial__seized_assets",
    "emergency_freezes": "stg_financial__emergency_freezes",
}


@dataclass(frozen=True)
class PartitionState:
    """What a load of one source and year left in the warehouse."""

    raw_rows: int
    raw_sha256: tuple[str, ...]
    loaded_files: tuple[tuple, ...]  # (file, sha256, row count, load time)
    staging: tuple[tuple, ...]  # every staging row of the year


def partition_tables(source: str, year: int) -> dict[str, tuple[str, dict[str, object]]]:
    """Every table part a load of ``source`` for ``year`` writes: name -> (table, key).

    The part is the table's rows whose columns equal the key's values.
    """
    asset = f"raw/{source}"
    return {
        "raw": (f"raw.{source}__rows", {"partition_year": year}),
        "loaded_files": ("raw.loaded_files", {"partition_year": year, "source": source}),
        "staging": (f"staging.{STAGING[source]}", {"year": year}),
        "check_results": ("quality.check_results", {"partition_year": year, "asset_key": asset}),
        "quarantine": ("quality.quarantine", {"partition_year": year, "asset_key": asset}),
    }


def matching(key: dict[str, object]) -> duckdb.Expression:
    """The filter of the rows whose columns equal the key's values."""
    return functools.reduce(
        operator.and_,
        (ColumnExpression(column) == ConstantExpression(value) for column, value in key.items()),
    )


# DuckDB's relational API cannot delete, so each delete of a part is written out in full, per
# table. Its parameters are the part's key: DuckDB refuses a key with other columns.
DELETE_PART = {
    "raw.incidents__rows": "delete from raw.incidents__rows where partition_year = $partition_year",
    "raw.population__rows": (
        "delete from raw.population__rows where partition_year = $partition_year"
    ),
    "raw.drug_sites__rows": (
        "delete from raw.drug_sites__rows where partition_year = $partition_year"
    ),
    "raw.financial__rows": "delete from raw.financial__rows where partition_year = $partition_year",
    "raw.seizures__rows": "delete from raw.seizures__rows where partition_year = $partition_year",
    "raw.signals__rows": "delete from raw.signals__rows where partition_year = $partition_year",
    "raw.establishments__rows": (
        "delete from raw.establishments__rows where partition_year = $partition_year"
    ),
    "raw.seized_assets__rows": (
        "delete from raw.seized_assets__rows where partition_year = $partition_year"
    ),
    "raw.emergency_freezes__rows": (
        "delete from raw.emergency_freezes__rows where partition_year = $partition_year"
    ),
    "raw.loaded_files": (
        "delete from raw.loaded_files where partition_year = $partition_year and source = $source"
    ),
    "staging.stg_incidents__crimes": "delete from staging.stg_incidents__crimes where year = $year",
    "staging.stg_population__inhabitants": (
        "delete from staging.stg_population__inhabitants where year = $year"
    ),
    "staging.stg_drug_sites__sites": "delete from staging.stg_drug_sites__sites where year = $year",
    "staging.stg_financial__fiu_transactions": (
        "delete from staging.stg_financial__fiu_transactions where year = $year"
    ),
    "staging.stg_seizures__seizures": (
        "delete from staging.stg_seizures__seizures where year = $year"
    ),
    "staging.stg_signals__tips": "delete from staging.stg_signals__tips where year = $year",
    "staging.stg_establishments__establishments": (
        "delete from staging.stg_establishments__establishments where year = $year"
    ),
    "staging.stg_financial__seized_assets": (
        "delete from staging.stg_financial__seized_assets where year = $year"
    ),
    "staging.stg_financial__emergency_freezes": (
        "delete from staging.stg_financial__emergency_freezes where year = $year"
    ),
    "quality.check_results": (
        "delete from quality.check_results "
        "where partition_year = $partition_year and asset_key = $asset_key"
    ),
    "quality.quarantine": (
        "delete from quality.quarantine "
        "where partition_year = $partition_year and asset_key = $asset_key"
    ),
}
