"""sql/indicators/published_municipal_counts.sql and published_region_counts.sql, and the queries
around them, on the fixture warehouse."""

from __future__ import annotations

from pipeline.domain.statistics.disclosure import publish
from pipeline.plumbing.sql_runner import query, write_tables
from pipeline.plumbing.table_asset_factory import year_by_year

PUBLISHED = ("published_municipal_counts", "published_region_counts")


def _frame(conn, name, year):
    import polars as pl

    columns, rows = query(
        conn, f"indicators/queries/{name}", {"first_year": year, "last_year": year}
    )
    return pl.DataFrame(rows, schema=columns, orient="row", infer_schema_length=None)


def test_publishing_a_year_twice_replaces_it(built):
    counts = _frame(built, "published_count_inputs", 2024)
    # The fixture: 4 municipalities in 2 RIEC regions, 3 phenomena from registered crimes.
    assert counts.height == 12
    assert counts["riec_code"].n_unique() == 2
    municipal, region = publish(counts.drop("year"), 10)
    # As the asset hands them over: each row with its year.
    computed = year_by_year(
        range(2024, 2025),
        lambda _: {"published_municipal_rows": municipal, "published_region_rows": region},
    )
    for _ in range(2):
        for name, frame in computed.items():
            built.register(name, frame.to_arrow())
        write_tables(
            built, "indicators", PUBLISHED, {"first_year": 2024, "last_year": 2024, "threshold": 10}
        )
    stored = _frame(built, "published_counts_as_stored", 2024)
    assert stored.height == 12
    assert stored["threshold"].unique().to_list() == [10]
    assert stored.drop("year", "threshold").sort("phenomenon_code", "municipality_code").rows() == (
        municipal.select("municipality_code", "phenomenon_code", "registered_crimes")
        .sort("phenomenon_code", "municipality_code")
        .rows()
    )
    regions = _frame(built, "published_region_counts_as_stored", 2024)
    assert regions.height == 3 * 3  # 2 RIEC regions and the Netherlands, 3 phenomena
    # Nothing shown is below the threshold.
    assert stored.filter(stored["registered_crimes"] < 10).height == 0
