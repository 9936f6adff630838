"""sql/indicators/queries/threat_index_inputs.sql and threat_index.sql on the fixture warehouse."""

from __future__ import annotations

import polars as pl

from pipeline.domain.statistics.composite_index import IndexSettings, threat_index
from pipeline.plumbing.sql_runner import query, run_in_transaction

from .raw_loaders import load_without_file
from .runners import register_year


def test_inputs_and_a_written_index(built):
    # The fixture has no Meld Misdaad Anoniem file: an empty year of tips.
    load_without_file(built, "signals", 2024)
    run_in_transaction(built, "staging/stg_signals__tips", {"first_year": 2024, "last_year": 2024})
    columns, rows = query(
        built, "indicators/queries/threat_index_inputs", {"first_year": 2024, "last_year": 2024}
    )
    inputs = pl.DataFrame(rows, schema=columns, orient="row", infer_schema_length=None)
    assert set(inputs["indicator"]) == {
        "harm_per_100k",
        "drug_sites_per_100k",
        "suspicious_transactions_per_100k",
        "tips_per_100k",
    }
    assert inputs.filter(pl.col("indicator") == "tips_per_100k")["value"].unique().to_list() == [
        0.0
    ]
    # 2 RIEC regions and 2 provinces, 4 indicators each.
    assert inputs.group_by("region_level").len().sort("region_level").rows() == [
        ("province", 8),
        ("riec_region", 8),
    ]
    params = {
        "first_year": 2024,
        "last_year": 2024,
        "normalisation": "min_max",
        "aggregation": "arithmetic",
        "weights": "{}",
    }
    for _ in range(2):
        index = threat_index(inputs.drop("year"), IndexSettings())
        register_year(built, 2024, {"index_rows": index})
        run_in_transaction(built, "indicators/threat_index", params)
    assert built.execute(
        "select region_level, count(*) from indicators.threat_index group by 1 order by 1"
    ).fetchall() == [("province", 2), ("riec_region", 2)]
