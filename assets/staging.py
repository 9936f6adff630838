"""Staging assets: each raw source typed, cleaned and mapped to codes (SQL in sql/staging/)."""

from __future__ import annotations

from pipeline.sql_assets import partitioned_sql_asset

staging_assets = [
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_incidents__crimes",
        group="incidents",
        description="Registered crimes per municipality and crime type, typed; suppressed "
        "cells kept as null and flagged.",
        deps=[["raw", "incidents"], ["reference", "municipality_code_map"]],
    ),
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_population__inhabitants",
        group="population",
        description="Inhabitants on 1 January per municipality.",
        deps=[["raw", "population"], ["reference", "municipality_code_map"]],
    ),
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_drug_sites__sites",
        group="drugs",
        description="Drug sites found, one row per site, with site type, drug and setting.",
        deps=[
            ["raw", "drug_sites"],
            ["reference", "drug_site_types"],
            ["reference", "municipality_code_map"],
        ],
    ),
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_financial__fiu_transactions",
        group="financial",
        description="Unusual and suspicious transactions per municipality and reporting sector.",
        deps=[["raw", "financial"], ["reference", "municipality_code_map"]],
    ),
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_seizures__seizures",
        group="drugs",
        description="Drug seizures, one row per seizure: place, drug, weight in kg and the "
        "country the shipment departed from.",
        deps=[
            ["raw", "seizures"],
            ["reference", "seizure_location_types"],
            ["reference", "drugs"],
            ["reference", "municipality_code_map"],
        ],
    ),
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_signals__tips",
        group="signals",
        description="Meld Misdaad Anoniem tips per municipality and theme.",
        deps=[
            ["raw", "signals"],
            ["reference", "signal_themes"],
            ["reference", "municipality_code_map"],
        ],
    ),
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_establishments__establishments",
        group="sectors",
        description="Business establishments per municipality and SBI section (the "
        "denominator for sector rates).",
        deps=[["raw", "establishments"], ["reference", "municipality_code_map"]],
    ),
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_financial__seized_assets",
        group="financial",
        description="Criminal assets seized by the OM per municipality and asset type: cases "
        "and value in euros.",
        deps=[
            ["raw", "seized_assets"],
            ["reference", "seized_asset_types"],
            ["reference", "municipality_code_map"],
        ],
    ),
    partitioned_sql_asset(
        stage="staging",
        sql_dir="staging",
        name="stg_financial__emergency_freezes",
        group="financial",
        description="Emergency freezes asked of banks by FIU-Nederland, one row per case.",
        deps=[["raw", "emergency_freezes"], ["reference", "municipality_code_map"]],
    ),
]
