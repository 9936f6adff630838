"""Re-running a year leaves identical tables; a file in an older municipal division loads with
the same national totals and no old code left."""

import polars as pl
import pytest
from dagster import AssetKey

from pipeline.definitions import defs
from tests.conftest import Workspace

YEAR = 2020
TABLES = (
    "raw.incidents",
    "raw.loaded_files",
    "staging.stg_incidents__crimes",
    "staging.stg_population__inhabitants",
    "indicators.phenomenon_indicators",
)
# 2021-2023 mergers in data/reference/municipal_reclassifications.csv: the 2025 municipality and
# the codes it had before; a 2020 file holds the old codes instead.
SPLIT_BACK = {
    "GM1979": ("GM0003", "GM0010", "GM0024"),
    "GM1980": ("GM0398", "GM0416"),
    "GM1982": ("GM0756", "GM0786", "GM0815", "GM1684", "GM1702"),
    "GM1991": ("GM0856", "GM1685"),
    "GM1992": ("GM0501", "GM0530", "GM0614"),
}
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


def split_into_old_division(path) -> None:
    """Rewrite a 2025-division incidents file as the 2020 division: each merged municipality's
    count is divided over its former parts (the first part takes the remainder)."""
    frame = pl.read_csv(path, separator=";", infer_schema=False)
    rows = []
    for row in frame.iter_rows(named=True):
        parts = SPLIT_BACK.get(row["RegioS"])
        if not parts:
            rows.append(row)
            continue
        total = int(row["TotaalGeregistreerdeMisdrijven_1"])
        shares = [total // len(parts)] * len(parts)
        shares[0] += total - sum(shares)
        rows += [
            {**row, "RegioS": code, "TotaalGeregistreerdeMisdrijven_1": str(count)}
            for code, count in zip(parts, shares, strict=True)
        ]
    old = pl.DataFrame(rows).with_columns(pl.int_range(pl.len()).cast(pl.String).alias("ID"))
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


def test_a_file_in_an_older_division_keeps_its_totals(workspace):
    with workspace.connect() as conn:
        totals_2025_division = conn.execute(
            "select crime_type_code, sum(registered_crimes) from staging.stg_incidents__crimes "
            "where year = ? group by 1 order by 1",
            [YEAR],
        ).fetchall()
        merged = conn.execute(
            "select municipality_code, crime_type_code, registered_crimes "
            "from staging.stg_incidents__crimes where year = ? and municipality_code in "
            "('GM1979', 'GM1980', 'GM1982', 'GM1991', 'GM1992') order by all",
            [YEAR],
        ).fetchall()
    raw_file = workspace.data / "raw" / "incidents" / f"83648NED_{YEAR}.csv"
    raw_file.parent.mkdir(parents=True)
    raw_file.write_bytes(workspace.demo_file("incidents", YEAR).read_bytes())
    split_into_old_division(raw_file)
    assert b'"GM0003"' in raw_file.read_bytes() and b'"GM1979"' not in raw_file.read_bytes()

    result = workspace.run(YEAR, asset_selection=SELECTION)
    assert result.success, [e.description for e in result.get_asset_check_evaluations()]
    with workspace.connect() as conn:
        assert (
            conn.execute(
                "select crime_type_code, sum(registered_crimes) from staging.stg_incidents__crimes "
                "where year = ? group by 1 order by 1",
                [YEAR],
            ).fetchall()
            == totals_2025_division
        )
        old_codes = [code for parts in SPLIT_BACK.values() for code in parts]
        assert conn.execute(
            "select count(*) from staging.stg_incidents__crimes where municipality_code in "
            "(select unnest(?))",
            [old_codes],
        ).fetchall() == [(0,)]
        # Each merged municipality gets back exactly the count that was divided over its parts.
        assert (
            conn.execute(
                "select municipality_code, crime_type_code, registered_crimes "
                "from staging.stg_incidents__crimes where year = ? and municipality_code in "
                "('GM1979', 'GM1980', 'GM1982', 'GM1991', 'GM1992') order by all",
                [YEAR],
            ).fetchall()
            == merged
        )
        assert conn.execute(
            "select is_synthetic, count(*) from raw.incidents where partition_year = ? group by 1",
            [YEAR],
        ).fetchall() == [(False, 3420 + sum(len(p) - 1 for p in SPLIT_BACK.values()) * 10)]
