"""The fetch job as an analyst launches it, and a year built on what it fetched.

The CBS API is the stand-in on 127.0.0.1 (tests/fake_cbs.py); no test reaches the internet.
"""

from __future__ import annotations

import json

from dagster import DagsterInstance

from tests.conftest import QUIET_LOGS, Workspace, make_data_dir, upstream_of
from tests.fake_cbs import FakeCbs, serving

YEAR = 2024
NATIONAL_POPULATION_2024 = 17_942_942  # CBS 03759NED, NL01 on 1 January 2024 (real figure)


def launch_fetch(workspace: Workspace, base_url: str, overwrite: bool = False):
    from pipeline.definitions import build_definitions

    defs = build_definitions(
        data_dir=workspace.data, reports_dir=workspace.reports, database=workspace.database
    )
    config = {
        **QUIET_LOGS,
        "ops": {"fetch_cbs_tables": {"config": {"first_year": YEAR, "last_year": YEAR,
                                                "overwrite": overwrite}}},
        "resources": {"cbs_api": {"config": {"base_url": base_url}}},
    }  # fmt: skip
    return defs.resolve_job_def("fetch_cbs_tables_job").execute_in_process(
        run_config=config, instance=DagsterInstance.ephemeral(), raise_on_error=False
    )


def test_a_fetched_year_builds_from_the_fetched_files(tmp_path, demo_build):
    make_data_dir(tmp_path, [YEAR])
    workspace = Workspace(tmp_path)
    with serving(FakeCbs(page_size=20_000)) as fake:
        fetched = launch_fetch(workspace, fake.base_url)
    assert fetched.success
    record = json.loads((workspace.data / "raw/population/03759NED_2024.download.json").read_text())
    assert record["urls"][0] == f"{fake.base_url}/03759NED/Properties"

    # The tables the test reads, and what they are built from.
    selection = upstream_of(
        "staging/stg_incidents__crimes",
        "staging/stg_population__inhabitants",
        "staging/stg_establishments__establishments",
    )
    built = workspace.run(YEAR, selection)
    assert built.success
    for source in ("incidents", "population", "establishments"):
        files = workspace.scalar(
            "select list(distinct source_file order by source_file) from raw.loaded_files "
            "where partition_year = ? and source = ? and not is_synthetic",
            [YEAR, source],
        )
        assert files and all(name.endswith(".json") for name in files), (source, files)
    assert (
        workspace.scalar(
            "select sum(inhabitants) from staging.stg_population__inhabitants where year = ?",
            [YEAR],
        )
        == NATIONAL_POPULATION_2024
    )
    # The same year built on the demo files (in the demo build) gives the same registered
    # crimes: the v4 extract carries the measure the pipeline uses, cell for cell.
    query = (
        "select sum(registered_crimes)::bigint from staging.stg_incidents__crimes where year = ?"
    )
    assert workspace.scalar(query, [YEAR]) == demo_build.scalar(query, [YEAR])


def test_a_failed_fetch_fails_the_run_and_says_why(tmp_path):
    make_data_dir(tmp_path, [YEAR])
    workspace = Workspace(tmp_path)
    with serving(FakeCbs(failures={("03759NED", 0): 99})) as fake:
        fetched = launch_fetch(workspace, fake.base_url)
    assert not fetched.success
    (failure,) = [e for e in fetched.all_events if e.event_type_value == "STEP_FAILURE"]
    assert "answered 500" in failure.event_specific_data.error.message
    assert not (workspace.data / "raw" / "population").exists()
