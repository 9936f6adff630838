"""Re-running a year leaves identical tables; a file in an older municipal division loads with
the same national totals and no old code left."""

from collections import defaultdict
from datetime import date

import polars as pl
import pytest
from dagster import AssetKey

from pipeline.definitions import defs
from tests.conftest import Workspace
from tests.divisions import division_on, predecessors_on

YEAR = 2015
DIVISION_DAY = date(YEAR, 1, 1)
TABLES = (
    "raw.incidents",
    "raw.loaded_files",
    "staging.stg_incidents__crimes",
    "staging.stg_population__inhabitants",
    "indicators.phenomenon_indicators",
)
SELECTION = [
    *(key for a in defs.assets for key in a.keys if key.path[0] == "reference"),
    AssetKey(["raw", "incidents"]),
    AssetKey(["raw", "population"]),
    AssetKey(["raw", "drug_sites"]),
    AssetKey(["staging", "stg_incidents__crimes"]),
    AssetKey(["staging", "stg_population__inhabitants"]),
    AssetKey(["staging", "stg_drug_sites__sites"]),
    AssetKey(["indicators", "phenomenon_indicators"]),
]


def snapshot(workspace: Workspace) -> dict[str, list[tuple]]:
    with workspace.connect() as conn:
        return {table: conn.table(table).order("all").fetchall() for table in TABLES}


def predecessors() -> dict[str, list[str]]:
    """Each 2025 municipality with the codes of the 2015 division that map (partly) into it."""
    found: dict[str, list[str]] = defaultdict(list)
    for old, shares in predecessors_on(DIVISION_DAY).items():
        for code in shares:
            found[code].append(old)
    return {code: sorted(olds) for code, olds in found.items()}


def into_2015_division(path) -> None:
    """Rewrite a 2025-division incidents file in the 2015 division: each municipality's count is
    divided over the 2015 municipalities that map into it (the first takes the remainder), and a
    2015 municipality split later adds up what it gets from each of its successors."""
    frame = pl.read_csv(path, separator=";", infer_schema=False)
    parts_of = predecessors()
    counts: dict[tuple[str, str, str], int] = defaultdict(int)
    for row in frame.iter_rows(named=True):
        parts = parts_of[row["RegioS"]]
        total = int(row["TotaalGeregistreerdeMisdrijven_1"])
        shares = [total // len(parts)] * len(parts)
        shares[0] += total - sum(shares)
        for code, count in zip(parts, shares, strict=True):
            counts[(row["SoortMisdrijf"], code, row["Perioden"])] += count
    old = pl.DataFrame(
        [
            {
                "ID": str(number),
                "SoortMisdrijf": crime,
                "RegioS": code,
                "Perioden": period,
                "TotaalGeregistreerdeMisdrijven_1": str(count),
            }
            for number, ((crime, code, period), count) in enumerate(sorted(counts.items()))
        ]
    )
    old.write_csv(path, separator=";", quote_style="always")


@pytest.fixture(scope="module")
def workspace(make_workspace) -> Workspace:
    workspace = make_workspace("reload_and_divisions", years=[YEAR])
    result = workspace.run(YEAR, asset_selection=SELECTION)
    assert result.success
    return workspace


def test_running_a_year_again_leaves_identical_tables(workspace):
    before = snapshot(workspace)
    assert all(before.values())
    assert workspace.run(YEAR, asset_selection=SELECTION).success
    assert snapshot(workspace) == before  # load times included: the same file is not reloaded


def test_a_file_in_the_2015_division_keeps_its_totals_and_no_old_code(workspace):
    mapped = predecessors_on(DIVISION_DAY)
    # 2025 municipalities formed from several whole 2015 ones (no split involved).
    whole = sorted(
        code
        for code, olds in predecessors().items()
        if len(olds) > 1 and all(mapped[old] == {code: 1.0} for old in olds)
    )
    assert {"GM1942", "GM1948", "GM1979", "GM1982", "GM1992"} <= set(whole)
    totals_sql = (
        "select crime_type_code, sum(registered_crimes) from staging.stg_incidents__crimes "
        "where year = ? group by 1 order by 1"
    )
    merged_sql = (
        "select municipality_code, crime_type_code, registered_crimes "
        "from staging.stg_incidents__crimes where year = ? and municipality_code in "
        "(select unnest(?)) order by all"
    )
    with workspace.connect() as conn:
        totals_2025_division = conn.execute(totals_sql, [YEAR]).fetchall()
        merged = conn.execute(merged_sql, [YEAR, whole]).fetchall()
    raw_file = workspace.data / "raw" / "incidents" / f"83648NED_{YEAR}.csv"
    raw_file.parent.mkdir(parents=True)
    raw_file.write_bytes(workspace.demo_file("incidents", YEAR).read_bytes())
    into_2015_division(raw_file)
    delivered = set(pl.read_csv(raw_file, separator=";", infer_schema=False)["RegioS"])
    assert delivered == division_on(DIVISION_DAY)
    assert len(delivered) == 393  # CBS: 393 municipalities on 1 January 2015

    result = workspace.run(YEAR, asset_selection=SELECTION)
    assert result.success, [e.description for e in result.get_asset_check_evaluations()]
    with workspace.connect() as conn:
        # The national total of every crime type is unchanged.
        assert conn.execute(totals_sql, [YEAR]).fetchall() == totals_2025_division
        # No old code survives staging: every code is one of the 2025 division.
        assert (
            conn.execute(
                "select distinct municipality_code from staging.stg_incidents__crimes "
                "where year = ? and municipality_code not in "
                "(select municipality_code from reference.municipalities)",
                [YEAR],
            ).fetchall()
            == []
        )
        # A municipality formed by whole mergers gets back exactly what was divided over its parts.
        assert conn.execute(merged_sql, [YEAR, whole]).fetchall() == merged
        assert conn.execute(
            "select is_synthetic, count(*) from raw.incidents where partition_year = ? group by 1",
            [YEAR],
        ).fetchall() == [(False, 393 * 10)]
