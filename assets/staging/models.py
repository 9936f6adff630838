"""Staging assets: each raw source typed, cleaned and mapped to codes (SQL in sql/staging/)."""

from typing import Any

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetKey,
    asset_check,
)
from dagster_duckdb import DuckDBResource

from assets.staging import LAYER
from pipeline.domain.publishing.markdown import markdown_table
from pipeline.plumbing.check_results import YearOutcome, keep_jumps, recorded_warning
from pipeline.plumbing.partitions import partition_years, year_params, yearly_partitions
from pipeline.plumbing.sql_asset_factory import SqlModel, sql_assets
from pipeline.plumbing.sql_runner import query

MODELS = (
    SqlModel(
        "stg_incidents__crimes",
        "incidents",
        "Registered crimes per municipality and crime type, typed; suppressed cells kept "
        "as null and flagged.",
        ("raw/incidents", "reference/municipality_code_map"),
    ),
    SqlModel(
        "stg_incidents__counted_crimes",
        "incidents",
        "The registered crimes each phenomenon counts per municipality: every crime once,"
        " whatever mix of crime types and their parts the file held (a counted type "
        "missing from the file is the sum of its nearest delivered parts).",
        ("stg_incidents__crimes", "reference/crime_types", "reference/crime_type_paths"),
    ),
    SqlModel(
        "stg_population__inhabitants",
        "population",
        "Inhabitants on 1 January per municipality.",
        ("raw/population", "reference/municipality_code_map"),
    ),
    SqlModel(
        "stg_drug_sites__sites",
        "drugs",
        "Drug sites found, one row per site, with site type, drug and setting.",
        (
            "raw/drug_sites",
            "reference/drug_site_types",
            "reference/drugs",
            "reference/site_settings",
            "reference/municipality_code_map",
        ),
    ),
    SqlModel(
        "stg_financial__fiu_transactions",
        "financial",
        "Unusual and suspicious transactions per municipality and reporting sector: counted "
        "from FIU-Nederland's records for a year delivered as records, else its aggregates.",
        ("raw/financial", "raw/unusual_transactions", "reference/municipality_code_map"),
        tables_maybe_unwritten=("raw/loaded_files", "raw/unusual_transactions"),
    ),
    SqlModel(
        "stg_seizures__seizures",
        "drugs",
        "Drug seizures, one row per seizure: place, drug, weight in kg and the country "
        "the shipment departed from.",
        (
            "raw/seizures",
            "reference/seizure_location_types",
            "reference/drugs",
            "reference/municipality_code_map",
        ),
    ),
    SqlModel(
        "stg_signals__tips",
        "signals",
        "Meld Misdaad Anoniem tips per municipality and theme.",
        ("raw/signals", "reference/signal_themes", "reference/municipality_code_map"),
    ),
    SqlModel(
        "stg_establishments__establishments",
        "sectors",
        "Business establishments per municipality and SBI section (the denominator for "
        "sector rates).",
        ("raw/establishments", "reference/sbi_sections", "reference/municipality_code_map"),
    ),
    SqlModel(
        "stg_financial__seized_assets",
        "financial",
        "Criminal assets seized by the OM per municipality and asset type: cases and "
        "value in euros.",
        ("raw/seized_assets", "reference/seized_asset_types", "reference/municipality_code_map"),
    ),
    SqlModel(
        "stg_financial__emergency_freezes",
        "financial",
        "Emergency freezes asked of banks by FIU-Nederland, one row per case.",
        ("raw/emergency_freezes", "reference/municipality_code_map"),
    ),
)

staging_assets = sql_assets(LAYER, MODELS)


def _jump_check(staging_name: str, what: str, ignored_below: int = 10):
    @asset_check(
        asset=AssetKey(staging_name),
        name="no_implausible_jumps",
        description=f"Warns (does not block) when {what} in a municipality is more than three "
        f"times, or less than a third of, last year's value (changes below {ignored_below} are "
        "ignored). When it warns: the metadata lists the cells; check them against the source "
        "(a new registration practice, a merger, a typing error) before publishing; nothing waits.",
        blocking=False,
        partitions_def=yearly_partitions,
        pool="duckdb",
    )
    def _check(context: AssetCheckExecutionContext, warehouse: DuckDBResource) -> AssetCheckResult:
        years = partition_years(context)
        with warehouse.get_connection() as conn:
            sql = f"quality/queries/jumps_{staging_name}"
            columns, jumps = query(conn, sql, year_params(years))
            keep_jumps(conn, f"staging/{staging_name}", years, jumps)
            outcomes = {year: _jumps_of(year, [j for j in jumps if j[0] == year]) for year in years}
            return recorded_warning(
                conn,
                f"staging/{staging_name}",
                "no_implausible_jumps",
                outcomes,
                metadata={"jumps": len(jumps), "examples": markdown_table(columns, jumps[:20])},
            )

    return _check


def _jumps_of(year: int, jumps: list[tuple[Any, ...]]) -> YearOutcome:
    """One year's jumps (rows: year, municipality, item, last year's value, this year's)."""
    if not jumps:
        return YearOutcome(True, 0, f"No implausible jumps against {year - 1}.")
    examples = ", ".join(f"{j[1]} {j[2]} {j[3]} -> {j[4]}" for j in jumps[:5])
    more = ", ..." if len(jumps) > 5 else ""
    return YearOutcome(
        False,
        len(jumps),
        f"{len(jumps)} cell(s) more than three times or under a third of {year - 1}: "
        f"{examples}{more}",
    )


staging_checks = [
    # CBS rounds registered crimes to multiples of 5: a 5 may be 3 or 7, so a jump from 5 to 20
    # is noise; only changes of five rounding steps or more count.
    _jump_check("stg_incidents__crimes", "a crime type's count", ignored_below=25),
    _jump_check("stg_financial__fiu_transactions", "a reporting sector's unusual transactions"),
    _jump_check("stg_signals__tips", "a theme's tip count"),
]
