"""benchmarks.report: the aims the bench prints as met or not, and its table of the demo built
again (every year, one year from the command line and from the UI)."""

from __future__ import annotations

import pytest

from benchmarks.report import aims, built_again_aims, built_again_table

AGAIN = {
    "year": 2025,
    "all_years_seconds": 17.2,
    "cli_no_service_seconds": 9.6,
    "cli_seconds": 7.4,
    "ui_ready_seconds": 4.5,
    "ui_seconds": 10.2,
    "ui_before_run_seconds": 2.7,
    "ui_run_seconds": 7.3,
}


def test_the_table_shows_each_way_with_its_seconds() -> None:
    table = built_again_table(AGAIN)
    lines = table.splitlines()
    assert lines[0].split()[:2] == ["17.2", "s"] and "python -m pipeline.build" in lines[0]
    assert (
        "9.6 s" in lines[1] and "--partition 2025" in lines[1] and "no checks service" in lines[1]
    )
    assert "7.4 s" in lines[2]
    assert "10.2 s" in lines[3] and "GraphQL" in lines[3]
    assert "2.7 s" in lines[4] and "7.3 s" in lines[5]


@pytest.mark.parametrize(
    ("changed", "failing"),
    [
        ({}, []),
        ({"ui_seconds": 15.0}, ["one year from the UI"]),
        ({"cli_no_service_seconds": 15.1}, ["one year from the command line"]),
        ({"cli_seconds": 16.0}, ["one year from the command line"]),
        ({"all_years_seconds": 30.0}, ["every year and the report"]),
    ],
)
def test_an_aim_is_met_only_under_its_limit(changed: dict, failing: list[str]) -> None:
    found = built_again_aims(AGAIN | changed)
    missed = [text.split(" under ")[0] for text, met in found if not met]
    assert missed == failing
    assert len(found) == 3


def test_the_national_aims_follow_the_ratios() -> None:
    measured = {
        "pipeline_vs_duckdb": 1.3,
        "pandas_vs_pipeline": 1.99,
        "pipeline_vs_pandas_memory": 0.2,
    }
    met = [ok for _, ok in aims(measured)]
    assert met == [True, False, True]
