"""The policy assets run through Dagster: an analyst's list wins over the demo's synthetic one,
a bad list stops the effects with the file, row and column named, and the effect stored equals
the estimate on the warehouse's own counts. Each test drops its list into a copy of the demo
build (2024 and 2025 built) and runs the list and the effects again for 2025."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from dagster import AssetKey

from pipeline.domain.statistics.policy_effects import Panel, difference_in_differences
from tests.conftest import Workspace, warehouse_of_demo_build

# The list, its check and the effects: the indicators they read are the demo build's.
SELECTION = [
    AssetKey(["reference", "policy_municipalities"]),
    AssetKey(["indicators", "policy_effects"]),
]
EFFECTS = AssetKey(["indicators", "policy_effects"])
EFFECTS_ROWS = "select * from indicators.policy_effects order by all"
ANALYST_LIST = "gemeentecode,gemeentenaam,startjaar\n{rows}"
# Big municipalities, so that the estimate has counts to work with.
MEMBERS = ["GM0344", "GM0363", "GM0518", "GM0599", "GM0772", "GM0855"]


def write_list(workspace: Workspace, rows: list[str]) -> None:
    folder = workspace.data / "raw" / "policy"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "preventie_met_gezag.csv").write_text(
        ANALYST_LIST.format(rows="".join(f"{row}\n" for row in rows)), encoding="utf-8"
    )


@pytest.fixture(scope="module")
def analyst_list(demo_build: Workspace, tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    workspace = warehouse_of_demo_build(demo_build, tmp_path_factory.mktemp("policy_analyst"))
    write_list(workspace, [f"{code},x,2025" for code in MEMBERS])
    assert workspace.run(2025, SELECTION).success
    return workspace


def test_the_analyst_list_wins_and_is_not_marked_synthetic(analyst_list):
    with analyst_list.connect() as conn:
        assert conn.execute(
            "select list(municipality_code order by municipality_code), bool_or(is_synthetic), "
            "any_value(source_file) from reference.policy_municipalities"
        ).fetchall() == [(MEMBERS, False, "preventie_met_gezag.csv")]
        flags = conn.execute(
            "select distinct is_synthetic_selection from indicators.policy_effects "
            "where year = 2025"
        ).fetchall()
    assert flags == [(False,)]


def test_the_stored_effect_is_the_estimate_on_the_warehouse_counts(analyst_list):
    with analyst_list.connect() as conn:
        rows = conn.execute(
            "select region_code, year, event_count, population from "
            "indicators.phenomenon_indicators where region_level = 'municipality' and "
            "source = 'incidents' and phenomenon_code = 'violence' order by region_code, year"
        ).fetchall()
        stored = conn.execute(
            "select rate_ratio, rate_ratio_lower, rate_ratio_upper, treated_municipalities, "
            "first_year, last_year from indicators.policy_effects where year = 2025 "
            "and source = 'incidents' and outcome = 'violence'"
        ).fetchall()
    codes = sorted({row[0] for row in rows})
    counts = np.array([row[2] for row in rows]).reshape(len(codes), 2)
    populations = np.array([row[3] for row in rows], dtype=float).reshape(len(codes), 2)
    treated = np.array([code in MEMBERS for code in codes])
    expected = difference_in_differences(
        Panel(counts, populations, treated, np.array([2024, 2025])), 2025
    )
    [(ratio, lower, upper, treated_count, first, last)] = stored
    assert (ratio, lower, upper) == pytest.approx(
        (expected.rate_ratio, expected.lower, expected.upper)
    )
    assert (treated_count, first, last) == (len(MEMBERS), 2024, 2025)


def test_a_bad_list_blocks_the_effects_and_names_the_row(demo_build: Workspace, tmp_path: Path):
    workspace = warehouse_of_demo_build(demo_build, tmp_path)
    with workspace.connect() as conn:
        effects_before = conn.execute(EFFECTS_ROWS).fetchall()
    write_list(workspace, ["GM0344,Utrecht,2025", "GM9999,Nergens,2025"])
    result = workspace.run(2025, SELECTION)
    [evaluation] = [
        e
        for e in result.get_asset_check_evaluations()
        if e.asset_check_key.name == "policy_municipalities_are_valid"
    ]
    assert not evaluation.passed
    problems = evaluation.metadata["problems"].value
    assert "preventie_met_gezag.csv" in problems and "| 3 |" in problems and "GM9999" in problems
    materialized = {
        e.asset_key for e in result.get_asset_materialization_events() if e.asset_key == EFFECTS
    }
    assert materialized == set()
    with workspace.connect() as conn:  # the effects of the last good list are kept
        assert conn.execute(EFFECTS_ROWS).fetchall() == effects_before != []
