"""Indicator assets: counts, rates and harm per region level (SQL in sql/indicators/)."""

from dagster import (
    AssetExecutionContext,
    AssetKey,
)

from assets.indicators import LAYER
from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL
from pipeline.plumbing.check_results import yearly_problems_check
from pipeline.plumbing.sql_asset_factory import SqlModel, sql_assets

DEFAULT_HARM_WEIGHT_SET = "default_v0"
# A cell is an intelligence gap when its interval's upper bound exceeds this many times its count.
GAP_MAX_UPPER_RATIO = 2.0


def _harm_parameters(context: AssetExecutionContext) -> dict[str, object]:
    # The weight set is a run tag so an analyst can rebuild with another set without code.
    return {
        "weight_set": context.run.tags.get("harm_weight_set", DEFAULT_HARM_WEIGHT_SET),
        "confidence_level": CONFIDENCE_LEVEL,
        "gap_max_upper_ratio": GAP_MAX_UPPER_RATIO,
    }


def _confidence_level(context: AssetExecutionContext) -> dict[str, object]:
    return {"confidence_level": CONFIDENCE_LEVEL}


def _cross_parameters(context: AssetExecutionContext) -> dict[str, object]:
    return {"confidence_level": CONFIDENCE_LEVEL, "gap_max_upper_ratio": GAP_MAX_UPPER_RATIO}


regions_add_up = yearly_problems_check(
    AssetKey("phenomenon_indicators"),
    "regions_add_up",
    "Each RIEC region and province equals the sum of its municipalities, the Netherlands the sum "
    "of the RIEC regions and of the provinces, the national count equals staging, and every "
    "municipality has a population. When it fails: the description names the regions that do "
    "not add up; a region missing from reference/region_membership or a municipality without "
    "inhabitants is the usual cause; the report waits until it passes.",
    "quality/queries/phenomenon_indicators_reconcile",
    "All region levels add up.",
)


MODELS = (
    SqlModel(
        "phenomenon_indicators",
        "harm",
        "Counts, rate per 100,000 inhabitants and harm score, each with its exact 95% "
        "Poisson interval, per year x region level x region x phenomenon x source "
        "(municipality, RIEC region, province, the Netherlands).",
        (
            "staging/stg_incidents__counted_crimes",
            "staging/stg_drug_sites__sites",
            "staging/stg_population__inhabitants",
            "reference/region_membership",
            "reference/crime_types",
            "reference/harm_weight_sets",
        ),
        _harm_parameters,
    ),
    SqlModel(
        "harm_indicators",
        "harm",
        "Harm score and harm per 100,000 inhabitants with exact 95% intervals under every"
        " weight set, per year x region level x region x phenomenon x source (the main "
        "mart carries the run's headline set only).",
        ("phenomenon_indicators", "reference/harm_weight_sets"),
    ),
    SqlModel(
        "financial_indicators",
        "financial",
        "FIU-Nederland unusual and suspicious transactions per year x region level x "
        "region x reporting sector.",
        (
            "staging/stg_financial__fiu_transactions",
            "staging/stg_population__inhabitants",
            "reference/region_membership",
            "reference/fiu_reporting_sectors",
        ),
    ),
    SqlModel(
        "sector_indicators",
        "financial",
        "Sector exposure per year x region level x region x sector: FIU-Nederland "
        "transactions of the sector's reporting groups, its establishments (SBI sections)"
        " and suspicious transactions per 1,000 establishments with an exact 95% "
        "interval.",
        (
            "financial_indicators",
            "staging/stg_establishments__establishments",
            "reference/sectors",
            "reference/region_membership",
        ),
        _confidence_level,
    ),
    SqlModel(
        "phenomenon_sector_indicators",
        "harm",
        "Phenomenon x sector per year x region level x region: drug sites by setting, "
        "customs seizures by location, FIU suspicious transactions and emergency freezes "
        "by reporting group, per 1,000 establishments with an exact 95% interval; cells "
        "no source covers are intelligence gaps (null), not zero.",
        (
            "staging/stg_drug_sites__sites",
            "staging/stg_seizures__seizures",
            "staging/stg_financial__fiu_transactions",
            "staging/stg_financial__emergency_freezes",
            "sector_indicators",
            "reference/site_settings",
            "reference/seizure_location_types",
            "reference/drug_site_types",
            "reference/drugs",
            "reference/fiu_reporting_sectors",
            "reference/phenomena",
            "reference/sectors",
            "reference/region_membership",
        ),
        _cross_parameters,
    ),
    SqlModel(
        "impact_indicators",
        "harm",
        "Impact in euros per year x region level x region x component x item: suspicious "
        "and frozen amounts and seized assets as reported, seized drugs at street value, "
        "drug sites at clean-up cost; each unit value sourced or marked (derived, "
        "assumption, none), with a low-high range.",
        (
            "staging/stg_financial__fiu_transactions",
            "staging/stg_financial__emergency_freezes",
            "staging/stg_financial__seized_assets",
            "staging/stg_seizures__seizures",
            "staging/stg_drug_sites__sites",
            "reference/impact_unit_values",
            "reference/seized_asset_types",
            "reference/drugs",
            "reference/drug_site_types",
            "reference/region_membership",
        ),
        _confidence_level,
    ),
    SqlModel(
        "signal_indicators",
        "signals",
        "Meld Misdaad Anoniem tips per year x region level x region x theme, per 100,000 "
        "inhabitants with an exact 95% interval.",
        (
            "staging/stg_signals__tips",
            "staging/stg_population__inhabitants",
            "reference/signal_themes",
            "reference/region_membership",
        ),
        _confidence_level,
    ),
)

indicator_assets = sql_assets(LAYER, MODELS)
indicator_checks = [regions_add_up]
