"""The tables other tools may read keep their names and leading columns, and hold the latest
demo year (the session fixture ``demo_build``)."""

from __future__ import annotations

import pytest

from tests.conftest import LATEST_DEMO_YEAR, Workspace

YEAR = LATEST_DEMO_YEAR

# The tables other tools may read (README, "The tables other tools may read"): their names and
# leading columns are a promise.
WAREHOUSE_CONTRACT = {
    "staging.stg_incidents__crimes": [
        "year", "municipality_code", "crime_type_code", "registered_crimes",
    ],
    "staging.stg_population__inhabitants": ["year", "municipality_code", "inhabitants"],
    "indicators.phenomenon_indicators": [
        "year", "region_level", "region_code", "region_name", "phenomenon_code", "source",
        "event_count",
    ],
}  # fmt: skip


@pytest.mark.parametrize("table", sorted(WAREHOUSE_CONTRACT))
def test_the_tables_other_tools_read_keep_their_columns(demo_build: Workspace, table: str) -> None:
    schema, name = table.split(".")
    with demo_build.connect() as conn:
        columns = [
            row[0]
            for row in conn.execute(
                "select column_name from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position",
                [schema, name],
            ).fetchall()
        ]
        rows = conn.execute(
            "select count(*) from query_table(?) where year = ?", [table, YEAR]
        ).fetchall()[0][0]
    promised = WAREHOUSE_CONTRACT[table]
    assert columns[: len(promised)] == promised
    assert rows > 0
