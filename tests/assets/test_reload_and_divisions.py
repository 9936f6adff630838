"""Re-running a year leaves identical tables; a file in an older municipal division loads with
the same national totals and no old code left."""

from collections import defaultdict
from datetime import date

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
    AssetKey(["staging", "stg_incidents__counted_crimes"]),
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
    """The demo's 2015 file is in the 2015 division, as CBS delivers each year."""
    mapped = predecessors_on(DIVISION_DAY)
    # 2025 municipalities formed from several whole 2015 ones (no split involved).
    whole = sorted(
        code
        for code, olds in predecessors().items()
        if len(olds) > 1 and all(mapped[old] == {code: 1.0} for old in olds)
    )
    assert {"GM1942", "GM1948", "GM1979", "GM1982", "GM1992"} <= set(whole)
    delivered_sql = (
        'select trim("SoortMisdrijf"), trim("RegioS"), '
        'cast(trim("TotaalGeregistreerdeMisdrijven_1") as bigint) from raw.incidents '
        "where partition_year = ? and region_level = 'municipality'"
    )
    with workspace.connect() as conn:
        delivered = conn.execute(delivered_sql, [YEAR]).fetchall()
        staged = conn.execute(
            "select crime_type_code, municipality_code, registered_crimes "
            "from staging.stg_incidents__crimes where year = ?",
            [YEAR],
        ).fetchall()
        known = {
            row[0]
            for row in conn.execute(
                "select municipality_code from reference.municipalities"
            ).fetchall()
        }
    assert {code for _, code, _ in delivered} == division_on(DIVISION_DAY)
    assert len({code for _, code, _ in delivered}) == 393  # CBS: 393 on 1 January 2015
    # No old code survives staging: every code is one of the 2025 division.
    assert {code for _, code, _ in staged} <= known
    # The national total of every crime type is unchanged by the reclassification.
    national: dict[str, int] = defaultdict(int)
    for crime, _code, count in delivered:
        national[crime] += count
    staged_national: dict[str, int] = defaultdict(int)
    for crime, _code, count in staged:
        staged_national[crime] += count
    assert staged_national == national
    # A municipality formed by whole mergers gets exactly what its 2015 parts had.
    parts_of = predecessors()
    by_cell = {(crime, code): count for crime, code, count in delivered}
    staged_cell = {(crime, code): count for crime, code, count in staged}
    for code in whole:
        for crime in national:
            assert staged_cell[(crime, code)] == sum(
                by_cell[(crime, old)] for old in parts_of[code]
            ), (crime, code)
