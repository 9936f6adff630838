"""Every run, from the UI, the CLI, a schedule or a sensor, executes its steps in its own process
unless the launchpad asks for a process per step."""

import gc

import pytest

from pipeline.definitions import defs
from pipeline.plumbing.executors import GC_THRESHOLDS, collect_less_often, in_process_unless_asked


def test_the_job_and_the_asset_jobs_run_in_process_by_default() -> None:
    assert defs.resolve_job_def("threat_picture").executor_def is in_process_unless_asked
    # The asset job behind the UI's Materialize buttons and backfills.
    assert defs.resolve_implicit_global_asset_job_def().executor_def is in_process_unless_asked
    config = in_process_unless_asked.config_schema.as_field()
    assert config.default_value == {"in_process": {}}
    assert "multiprocess" in config.config_type.fields  # still there for the launchpad


@pytest.fixture
def restored_collector():
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


def test_a_run_moves_what_is_loaded_out_of_the_collectors_way(restored_collector) -> None:
    collect_less_often()
    assert gc.get_freeze_count() > 10_000  # Dagster and the definitions are loaded here
    assert gc.get_threshold() == GC_THRESHOLDS
