"""Every crime is counted once: the demo's whole-hierarchy 83648NED file and the same file cut
down to the codes the phenomena count give the same indicators."""

from __future__ import annotations

import csv

import pytest

from tests.conftest import REFERENCE_DIR, Workspace, make_data_dir, upstream_of

YEAR = 2024
INDICATORS = (
    "select region_level, region_code, phenomenon_code, event_count, rate_per_100k, harm_score "
    "from indicators.phenomenon_indicators where year = ? and source = 'incidents' "
    "order by all"
)


def counted_codes() -> set[str]:
    with (REFERENCE_DIR / "crime_types.csv").open(encoding="utf-8", newline="") as handle:
        return {row["crime_type_code"] for row in csv.DictReader(handle) if row["phenomenon_code"]}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> tuple[Workspace, Workspace]:
    whole = Workspace(tmp_path_factory.mktemp("whole_hierarchy"))
    make_data_dir(whole.root, [YEAR])
    reduced = Workspace(tmp_path_factory.mktemp("counted_codes_only"))
    make_data_dir(reduced.root, [YEAR])
    path = reduced.demo_file("incidents", YEAR)
    keep = counted_codes() | {"T001161"}  # the context total stays, as in a selection by hand
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines[1:] if line.split(";")[1].strip('"').strip() in keep]
    path.write_text(lines[0] + "".join(kept), encoding="utf-8")
    assert 0 < len(kept) < len(lines) - 1
    for workspace in (whole, reduced):
        assert workspace.run(YEAR, upstream_of("indicators/phenomenon_indicators")).success
    return whole, reduced


def test_a_whole_hierarchy_and_the_counted_codes_give_the_same_indicators(builds):
    whole, reduced = builds
    with whole.connect() as conn:
        from_whole = conn.execute(INDICATORS, [YEAR]).fetchall()
    with reduced.connect() as conn:
        from_reduced = conn.execute(INDICATORS, [YEAR]).fetchall()
    assert from_whole  # every phenomenon with a CBS code, at every level
    assert {row[2] for row in from_whole} >= {"fraud", "violence", "drug_trafficking"}
    assert from_whole == from_reduced


def test_the_whole_hierarchy_file_holds_parents_with_their_children(builds):
    whole, _ = builds
    delivered = whole.scalar(
        "select count(distinct crime_type_code) from staging.stg_incidents__crimes where year = ?",
        [YEAR],
    )
    assert delivered == 75
