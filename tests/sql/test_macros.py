"""sql/macros/*.sql: the macros every connection gets, each on a small hand-made warehouse."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.plumbing.sql_runner import prepare_connection


def allocate(rows):
    conn = duckdb.connect()
    prepare_connection(conn)
    return conn.execute(
        "select part, code, largest_remainder(whole * share, whole, part, code) "
        "from (select unnest(?, recursive := true)) order by part, code",
        [[{"part": p, "code": c, "whole": w, "share": s} for p, c, w, s in rows]],
    ).fetchall()


def test_hand_computed_splits():
    rows = [
        # 7 over 0.25 / 0.75: 1.75 and 5.25, floors 1 + 5 = 6, the unit left goes to 0.75 (a)
        (1, "a", 7, 0.25),
        (1, "b", 7, 0.75),
        # 10 over 0.5 / 0.5: 5 and 5 exactly
        (2, "a", 10, 0.5),
        (2, "b", 10, 0.5),
        # 1 over 0.5 / 0.5: a tie, the lowest code gets it
        (3, "x", 1, 0.5),
        (3, "y", 1, 0.5),
    ]
    assert [(p, c, int(n)) for p, c, n in allocate(rows)] == [
        (1, "a", 2),
        (1, "b", 5),
        (2, "a", 5),
        (2, "b", 5),
        (3, "x", 1),
        (3, "y", 0),
    ]


@settings(max_examples=40, deadline=None)
@given(
    whole=st.integers(min_value=0, max_value=10**9),
    weights=st.lists(st.integers(min_value=1, max_value=100), min_size=1, max_size=6),
)
def test_parts_are_whole_and_add_up(whole, weights):
    shares = [w / sum(weights) for w in weights]
    rows = [(1, f"GM{i:04d}", whole, share) for i, share in enumerate(shares)]
    allocated = [int(n) for _, _, n in allocate(rows)]
    assert sum(allocated) == whole
    # no part is more than one unit from its exact share
    assert all(abs(n - whole * s) < 1 + 1e-6 for n, s in zip(allocated, shares, strict=True))


# ----- in_2025_division and municipal_totals ----------------------------------------------------


def code_map_connection() -> duckdb.DuckDBPyConnection:
    """A connection with the macros and a code map: GM0001 current, GM0901 merged into GM0001,
    GM0902 split 0.25 / 0.75 over GM0003 / GM0004."""
    conn = duckdb.connect()
    prepare_connection(conn)
    conn.execute(
        "create table reference.municipality_code_map as "
        "select * from (values ('GM0001', 'GM0001', 1.0), ('GM0901', 'GM0001', 1.0), "
        "('GM0902', 'GM0003', 0.25), ('GM0902', 'GM0004', 0.75)) "
        "as t(source_code, municipality_code, share)"
    )
    return conn


def delivered_table(conn, rows: list[tuple]) -> None:
    """(delivered_code, theme, tips, cases, is_provisional, source_file, source_row) rows as the
    table ``delivered``."""
    records = [
        {"delivered_code": c, "theme": k, "tips": t, "cases": n, "is_provisional": p,
         "source_file": f, "source_row": r}
        for c, k, t, n, p, f, r in rows
    ]  # fmt: skip
    conn.execute(
        "create table delivered as select * from (select unnest(?, recursive := true))", [records]
    )


def in_2025_division(rows: list[tuple]) -> list[tuple]:
    """The rows through sql/macros/in_2025_division.sql, measures tips and cases."""
    conn = code_map_connection()
    delivered_table(conn, rows)
    return conn.execute(
        "select delivered_code, municipality_code, theme, tips::bigint, cases::bigint "
        "from in_2025_division(delivered, ['tips', 'cases']) order by all"
    ).fetchall()


def test_a_merged_code_goes_whole_and_a_split_one_by_share_in_whole_units():
    rows = in_2025_division(
        [("GM0001", "drugs", 4, 1, False, "f.csv", 2), ("GM0901", "drugs", 3, 1, False, "f.csv", 3),
         ("GM0902", "drugs", 7, 10, False, "f.csv", 4)]
    )  # fmt: skip
    assert rows == [
        ("GM0001", "GM0001", "drugs", 4, 1),
        ("GM0901", "GM0001", "drugs", 3, 1),
        # tips: 7 x 0.25 = 1.75, 7 x 0.75 = 5.25: floors 1 + 5, the unit left to the larger
        # remainder; cases: 2.5 and 7.5, a tie, the lowest code gets it
        ("GM0902", "GM0003", "drugs", 2, 3),
        ("GM0902", "GM0004", "drugs", 5, 7),
    ]


def test_a_code_the_map_does_not_know_is_kept_as_delivered():
    assert in_2025_division([("GM9999", "drugs", 5, 0, False, "f.csv", 2)]) == [
        ("GM9999", "GM9999", "drugs", 5, 0)
    ]


def test_an_unknown_value_stays_unknown():
    assert in_2025_division([("GM0902", "drugs", None, 4, False, "f.csv", 2)]) == [
        ("GM0902", "GM0003", "drugs", None, 1),
        ("GM0902", "GM0004", "drugs", None, 3),
    ]


def test_totals_per_municipality_and_key_with_their_provenance():
    rows = [
        ("GM0001", "drugs", 4, 1, False, "a.csv", 2),
        ("GM0901", "drugs", 3, None, True, "b.csv", 3),
        ("GM0902", "drugs", 7, 10, False, "a.csv", 4),
        ("GM0902", "fraud", 1, 1, False, "a.csv", 5),
    ]
    conn = code_map_connection()
    delivered_table(conn, rows)
    totals = conn.execute(
        "select municipality_code, theme, tips, cases, is_provisional, delivered_codes, "
        "source_file, source_rows "
        "from municipal_totals(delivered, ['theme'], ['tips', 'cases']) order by all"
    ).fetchall()
    assert totals == [
        # a merged code adds up with the current one; an unknown part is left out of the sum;
        # a flag of any delivered row holds for the total
        ("GM0001", "drugs", 7, 1, True, ["GM0001", "GM0901"], "a.csv", [2, 3]),
        ("GM0003", "drugs", 2, 3, False, ["GM0902"], "a.csv", [4]),
        ("GM0003", "fraud", 0, 0, False, ["GM0902"], "a.csv", [5]),
        ("GM0004", "drugs", 5, 7, False, ["GM0902"], "a.csv", [4]),
        ("GM0004", "fraud", 1, 1, False, ["GM0902"], "a.csv", [5]),
    ]


def test_without_keys_one_total_per_municipality():
    rows = [
        ("GM0902", "drugs", 7, 10, False, "a.csv", 4),
        ("GM0902", "fraud", 1, 1, False, "a.csv", 5),
    ]
    conn = code_map_connection()
    delivered_table(conn, rows)
    totals = conn.execute(
        "select municipality_code, tips, cases, source_rows "
        "from municipal_totals(delivered, [], ['tips', 'cases']) order by all"
    ).fetchall()
    assert totals == [("GM0003", 2, 3, [4, 5]), ("GM0004", 6, 8, [4, 5])]


# ----- the other macros ---------------------------------------------------------------------------


def connection(*tables: str) -> duckdb.DuckDBPyConnection:
    """A connection with the macros and the tables given as ``create table`` statements."""
    conn = duckdb.connect()
    prepare_connection(conn)
    for table in tables:
        conn.execute(f"create table {table}")
    return conn


def test_reference_csv_reads_the_types_given(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text('code,label,rank\nA,"one, quoted",1\nB,two,2\n', encoding="utf-8")
    conn = connection()
    read = (
        "select * from reference_csv(?, {'code': 'VARCHAR', 'label': 'VARCHAR', 'rank': 'INTEGER'})"
    )
    assert conn.execute(read, [str(path)]).fetchall() == [("A", "one, quoted", 1), ("B", "two", 2)]
    path.write_text("code,label,rank\nA,one,first\n", encoding="utf-8")
    with pytest.raises(duckdb.Error):  # no type guessing: a value that does not fit fails
        conn.execute(read, [str(path)]).fetchall()


def test_cbs_municipal_rows_keeps_the_year_s_municipalities():
    conn = connection(
        "raw_rows as select * from (values (2024, 'GM0001  ', '2024JJ00*', 2), "
        "(2024, 'PV20    ', '2024JJ00*', 3), (2024, 'GM0999  ', '2024JJ00*', 4), "
        "(2023, 'GM0001  ', '2023JJ00', 5)) "
        't(partition_year, "RegioS", "Perioden", source_row)'
    )
    rows = conn.execute(
        "select delivered_code, is_provisional, source_row "
        "from cbs_municipal_rows('raw_rows', 2024)"
    ).fetchall()
    assert rows == [("GM0001", True, 2)]  # no province, no "niet in te delen", no other year


def test_main_successor_sends_a_record_whole_to_the_largest_share():
    conn = connection(
        "reference.municipality_code_map as select * from (values "
        "('GM0001', 'GM0001', true), ('GM0901', 'GM0001', true), "
        "('GM0902', 'GM0003', false), ('GM0902', 'GM0004', true)) "
        "t(source_code, municipality_code, is_main_successor)",
        "records as select * from (values ('GM0001'), ('GM0901'), ('GM0902'), ('GM9999')) t(code)",
    )
    rows = conn.execute(
        "select r.code, main_successor(r.code) from records as r order by all"
    ).fetchall()
    assert rows == [
        ("GM0001", "GM0001"),
        ("GM0901", "GM0001"),
        ("GM0902", "GM0004"),
        ("GM9999", "GM9999"),  # not in the map: as delivered
    ]


def test_jumps_compares_each_cell_with_the_year_before():
    conn = connection(
        "cells as select * from (values "
        "(2023, 'GM0001', 'a', 10), (2024, 'GM0001', 'a', 31), "  # more than three times
        "(2023, 'GM0002', 'a', 30), (2024, 'GM0002', 'a', 9), "  # less than a third
        "(2023, 'GM0003', 'a', 2), (2024, 'GM0003', 'a', 9), "  # moved by less than 10
        "(2023, 'GM0004', 'a', 10), (2024, 'GM0004', 'a', 30), "  # exactly three times
        "(2022, 'GM0005', 'a', 1), (2024, 'GM0005', 'a', 90)) "  # no value last year
        "t(year, municipality_code, item, value)"
    )
    rows = conn.execute("select * from jumps(cells, 2024, 10) order by all").fetchall()
    assert rows == [("GM0001", "a", 10, 31), ("GM0002", "a", 30, 9)]


def test_rolled_up_sums_to_every_region_level():
    conn = connection(
        "reference.region_membership as select * from (values "
        "('GM0001', 'municipality', 'GM0001', 'A'), ('GM0002', 'municipality', 'GM0002', 'B'), "
        "('GM0001', 'national', 'NL01', 'Nederland'), ('GM0002', 'national', 'NL01', 'Nederland')) "
        "t(municipality_code, region_level, region_code, region_name)",
        "municipal as select * from (values ('GM0001', 'x', 2, 10), ('GM0002', 'x', 3, 20), "
        "('GM0002', 'y', 4, 20)) t(municipality_code, theme, tips, population)",
    )
    rows = conn.execute(
        "select region_code, region_name, theme, tips, population "
        "from rolled_up(municipal, ['theme'], ['tips', 'population']) order by all"
    ).fetchall()
    assert rows == [
        ("GM0001", "A", "x", 2, 10),
        ("GM0002", "B", "x", 3, 20),
        ("GM0002", "B", "y", 4, 20),
        ("NL01", "Nederland", "x", 5, 30),
        ("NL01", "Nederland", "y", 4, 20),
    ]


def test_every_municipality_makes_zero_explicit_and_adds_the_inhabitants():
    conn = connection(
        "reference.municipalities as select * from (values ('GM0001'), ('GM0002')) "
        "t(municipality_code)",
        "staging.stg_population__inhabitants as select * from (values "
        "(2024, 'GM0001', 100), (2024, 'GM0002', 200), (2023, 'GM0001', 90)) "
        "t(year, municipality_code, inhabitants)",
        "items as select * from (values ('incidents', 'drugs', 'L1'), ('sites', 'drugs', 'L2')) "
        "t(source, phenomenon_code, label)",
        # the keys in another order than in items: a count finds its item by name
        "counts as select * from (values ('drugs', 'GM0002', 'sites', 7)) "
        "t(phenomenon_code, municipality_code, source, event_count)",
    )
    rows = conn.execute(
        "select municipality_code, source, phenomenon_code, label, population, event_count "
        "from every_municipality(items, counts, ['source', 'phenomenon_code'], ['event_count'], "
        "2024) order by all"
    ).fetchall()
    assert rows == [
        ("GM0001", "incidents", "drugs", "L1", 100, 0),
        ("GM0001", "sites", "drugs", "L2", 100, 0),
        ("GM0002", "incidents", "drugs", "L1", 200, 0),
        ("GM0002", "sites", "drugs", "L2", 200, 7),
    ]


def test_rate_interval_scales_the_count_and_its_interval():
    conn = connection()
    rate, lower, upper = conn.execute(
        "select unnest(rate_interval(5, 200, 1000.0, 0.95))"
    ).fetchone()
    expected = conn.execute(
        "select poisson_lower(5, 0.95) * 1000.0 / 200, poisson_upper(5, 0.95) * 1000.0 / 200"
    ).fetchone()
    assert (rate, lower, upper) == (25.0, *expected)
    assert conn.execute("select rate_interval(5, 0, 1000.0, 0.95)").fetchone() == (
        {"rate": None, "lower": None, "upper": None},
    )


def test_composite_index_adds_the_year_and_the_method():
    conn = connection("index_rows as select 'RIEC01' as region_code, 0.5 as index_value")
    rows = conn.execute(
        "select year, region_code, index_value, normalisation, aggregation, weights "
        "from composite_index(index_rows, 2024, 'min_max', 'linear', 'equal')"
    ).fetchall()
    assert rows == [(2024, "RIEC01", 0.5, "min_max", "linear", "equal")]
