"""The executor of every run: steps in the run's own process unless the analyst asks otherwise.

Dagster's default starts a process per step, which on two cores costs 15-20 s a step (importing
Dagster, Great Expectations and the code location) against well under a second of work; the
``duckdb`` pool lets only one step write at a time anyway. This is Dagster's own
``multi_or_in_process_executor`` with ``in_process`` as the default: in the launchpad,
``execution: {config: {multiprocess: {}}}`` still gives a process per step.
"""

from dagster import ExecutorDefinition, Field, multi_or_in_process_executor

in_process_unless_asked = ExecutorDefinition(
    name="in_process_unless_asked",
    config_schema=Field(
        multi_or_in_process_executor.config_schema.as_field().config_type,
        default_value={"in_process": {}},
    ),
    requirements=multi_or_in_process_executor.get_requirements,
    executor_creation_fn=multi_or_in_process_executor.executor_creation_fn,
    description="Runs every step in the run's process (in_process, the default) or each step in "
    "a process of its own (multiprocess).",
)
