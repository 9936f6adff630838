"""sql/quality/aggregate_reconciliation.sql and the queries that read it (aggregate_gaps,
aggregate_compared, report/aggregate_reconciliation), on the fixture geography of
fixture_reference.py: GM0001, GM0002 (PV01, RIEC01), GM0003 (PV01, RIEC02), GM0004 (PV02,
RIEC02); GM0902 was split over GM0003 and GM0004, so it lay across PV01 and PV02 but inside
RIEC02."""

from __future__ import annotations

import polars as pl
import pytest

from pipeline.plumbing.sql_runner import query, run_in_transaction

from .check_outcomes import record

MUNICIPAL = {"GM0001": 100, "GM0002": 200, "GM0003": 50, "GM0004": 75}

INCIDENTS_2024 = {"first_year": 2024, "last_year": 2024, "source": "incidents"}


def municipal_cells(delivered_as: dict[str, list[str]] | None = None, values=MUNICIPAL):
    delivered_as = delivered_as or {}
    return pl.DataFrame(
        [
            {
                "year": 2024,
                "municipality_code": code,
                "item": "CRI1000",
                "value": value,
                "delivered_cells": len(delivered_as.get(code, [code])),
                "delivered_codes": delivered_as.get(code, [code]),
            }
            for code, value in values.items()
        ]
    )


def reconcile(conn, aggregates: dict[str, int | None], cells: pl.DataFrame, rounding_base=5):
    record(conn, 2024, "staging/x", "create_quality_tables", True, [])
    conn.register(
        "aggregate_cells",
        pl.DataFrame(
            [
                {"year": 2024, "region_code": r, "item": "CRI1000", "value": v}
                for r, v in aggregates.items()
            ],
            schema={
                "year": pl.Int64,
                "region_code": pl.String,
                "item": pl.String,
                "value": pl.Int64,
            },
        ),
    )
    conn.register("municipal_cells", cells)
    run_in_transaction(
        conn,
        "quality/aggregate_reconciliation",
        {**INCIDENTS_2024, "rounding_base": rounding_base},
    )
    return {
        row[0]: row[1:]
        for row in conn.execute(
            "select region_code, delivered_total, municipal_sum, tolerance, within_rounding, "
            "boundary_changed from quality.aggregate_reconciliation where partition_year = 2024"
        ).fetchall()
    }


def gaps(conn) -> list[str]:
    rows = query(conn, "quality/queries/aggregate_gaps", INCIDENTS_2024)[1]
    assert {row[0] for row in rows} <= {2024}
    return [row[1] for row in rows]


def test_each_aggregate_is_compared_within_cbs_rounding(warehouse):
    rows = reconcile(
        warehouse, {"NL01": 425, "PV01": 358, "PV02": 90, "RE01": 300}, municipal_cells()
    )
    assert rows == {
        "NL01": (425, 425, 12.5, True, False),  # four rounded cells: 2.5 x (4 + 1)
        "PV01": (358, 350, 10.0, True, False),  # 8 apart, 10 allowed
        "PV02": (90, 75, 5.0, False, False),  # 15 apart, 5 allowed
        "RE01": (300, 300, 7.5, True, False),
    }
    assert gaps(warehouse) == ["PV02"]
    assert query(warehouse, "quality/queries/aggregate_compared", INCIDENTS_2024)[1] == [
        (2024, 4, 0)
    ]


def test_exact_counts_must_add_up_exactly(warehouse):
    rows = reconcile(warehouse, {"NL01": 426, "PV01": 350}, municipal_cells(), rounding_base=1)
    assert rows["NL01"][2:4] == (0.0, False)
    assert rows["PV01"][2:4] == (0.0, True)


def test_a_region_holding_part_of_a_split_municipality_is_not_judged(warehouse):
    # The year's file was in an older division: GM0902 delivered, split since over GM0003 (PV01)
    # and GM0004 (PV02). Its province totals counted it whole in one province.
    cells = municipal_cells({"GM0003": ["GM0902"], "GM0004": ["GM0902"]})
    rows = reconcile(warehouse, {"NL01": 425, "PV01": 400, "PV02": 25, "RE01": 300}, cells)
    assert {region: row[-1] for region, row in rows.items()} == {
        "NL01": False,
        "PV01": True,
        "PV02": True,
        "RE01": False,
    }
    assert gaps(warehouse) == []  # PV01 and PV02 are far apart, but not comparable
    assert query(warehouse, "quality/queries/aggregate_compared", INCIDENTS_2024)[1] == [
        (2024, 2, 2)
    ]
    report = query(warehouse, "report/aggregate_reconciliation", {"year": 2024})[1]
    assert {(row[1], row[2]) for row in report} == {("country", 1), ("police_unit", 1)}


def test_a_region_with_an_unknown_municipal_cell_is_not_compared(warehouse):
    cells = municipal_cells(values={**MUNICIPAL, "GM0004": None})
    rows = reconcile(warehouse, {"NL01": 425, "PV01": 350, "PV02": 75}, cells)
    assert set(rows) == {"PV01"}


@pytest.mark.parametrize("twice", [1, 2])
def test_running_again_replaces_the_years_rows(warehouse, twice):
    for _ in range(twice):
        rows = reconcile(warehouse, {"NL01": 425}, municipal_cells())
    assert list(rows) == ["NL01"]
    count = warehouse.execute("select count(*) from quality.aggregate_reconciliation").fetchall()
    assert count == [(1,)]
