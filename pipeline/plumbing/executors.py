"""The executor of every run: steps in the run's own process unless the analyst asks otherwise.

Dagster's default starts a process per step, which on two cores costs 15-20 s a step (importing
Dagster, Great Expectations and the code location) against well under a second of work; the
``duckdb`` pool lets only one step write at a time anyway. This is Dagster's own
``multi_or_in_process_executor`` with ``in_process`` as the default: in the launchpad,
``execution: {config: {multiprocess: {}}}`` still gives a process per step.
"""

import gc

from dagster import (
    Executor,
    ExecutorDefinition,
    Field,
    InitExecutorContext,
    multi_or_in_process_executor,
)
from dagster._core.executor.in_process import InProcessExecutor

from pipeline.plumbing.dead_runs import release_slots_of_dead_runs

# Collections of the youngest objects after 50,000 allocations instead of 700: a run allocates
# millions of small objects (events, metadata, frames' values) and few of them form cycles.
GC_THRESHOLDS = (50_000, 20, 10)


def collect_less_often() -> None:
    """Python's collector took 2.6 s of a 30 s build (3,700 collections): what is loaded now
    (Dagster, the code location and their imports) lives as long as the run's process and is
    moved out of the collector's way, and young objects are collected less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _executor(init_context: InitExecutorContext) -> Executor:
    create = multi_or_in_process_executor.executor_creation_fn
    if create is None:  # Dagster's own executor always has one; this tells mypy
        raise RuntimeError("multi_or_in_process_executor cannot create an executor")
    # before any step of this run waits for a slot a killed run would hold for ever
    release_slots_of_dead_runs(init_context.instance)
    executor = create(init_context)
    if isinstance(executor, InProcessExecutor):
        collect_less_often()
    return executor


in_process_unless_asked = ExecutorDefinition(
    name="in_process_unless_asked",
    config_schema=Field(
        multi_or_in_process_executor.config_schema.as_field().config_type,
        default_value={"in_process": {}},
    ),
    requirements=multi_or_in_process_executor.get_requirements,
    executor_creation_fn=_executor,
    description="Runs every step in the run's process (in_process, the default) or each step in "
    "a process of its own (multiprocess).",
)
