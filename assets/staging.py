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
]
