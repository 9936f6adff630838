"""sql/reference/*.sql: the fixture CSVs have the real headers, load, reload and get their types."""

from __future__ import annotations

import pytest

from .fixture_reference import FIXTURE_REFERENCE, REFERENCE_TABLES
from .reference_files import load_reference, real_header
from .reference_queries import scalar


@pytest.mark.parametrize("table", REFERENCE_TABLES)
def test_fixture_csvs_have_the_real_headers(table):
    assert FIXTURE_REFERENCE[table][0] == real_header(table)


def test_fixture_reference_loaded_and_reload_replaces(warehouse, reference_paths):
    assert scalar(warehouse, "select count(*) from reference.municipalities") == 4
    assert scalar(warehouse, "select count(*) from reference.harm_weights") == 12  # 2 sets x 6
    # Loading again replaces the table (create or replace), it does not append.
    load_reference(warehouse, reference_paths)
    assert scalar(warehouse, "select count(*) from reference.municipalities") == 4
    assert warehouse.execute(
        "select municipality_code from reference.municipalities"
    ).fetchall() == [("GM0001",), ("GM0002",), ("GM0003",), ("GM0004",)]


def test_real_typed_columns(real):
    types = dict(
        real.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'reference' and table_name = 'municipalities'"
        ).fetchall()
    )
    assert types["population_2025_01_01"] == "BIGINT"
    assert scalar(real, "select typeof(weight) from reference.harm_weights limit 1") == "DOUBLE"
