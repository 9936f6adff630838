"""Great Expectations as a resource: the suites run in the checks service (``gx_worker``), one
process for every run of this checkout on the machine, started by the first run that checks:
importing GX (about 3 s of Python) happens once, on the other core while that run loads its
files, instead of in every run's process, taking turns with the run's own steps for the GIL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dagster import ConfigurableResource, InitResourceContext
from pydantic import Field

from pipeline.plumbing.check_by_values import Piece, Verdict, judge_here, validate_by_values
from pipeline.plumbing.check_outcomes import ValidationOutcome
from pipeline.plumbing.check_runner import validate_frame
from pipeline.plumbing.gx_worker import WORKER

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from pipeline.domain.files.value_rules import Rule


class Expectations(ConfigurableResource):
    """Validates frames with Great Expectations suites (``check_runner.validate_frame``)."""

    separate_process: bool = Field(
        default=True,
        description="Run the suites in the checks service shared by this checkout's runs, started "
        "by the first (else in the run's own process).",
    )

    def setup_for_execution(self, context: InitResourceContext) -> None:
        if self.separate_process:
            WORKER.start()  # GX loads from now on (if it had not), while the first steps go

    def run_suite(
        self, frame: pd.DataFrame, rules: list[Rule], suite_name: str
    ) -> ValidationOutcome:
        """``validate_frame``: GX judges every row, in the checks service unless configured
        otherwise."""
        if not self.separate_process:
            return validate_frame(frame, rules, suite_name)
        outcome = WORKER.ask("validate_frame", frame, rules, suite_name)
        if not isinstance(outcome, ValidationOutcome):
            raise TypeError(f"the checks service answered {type(outcome).__name__}")
        return outcome

    def run_suite_by_values(
        self, rows: duckdb.DuckDBPyRelation, rules: list[Rule], suite_name: str
    ) -> ValidationOutcome:
        """``validate_by_values``, the same outcome for millions of rows: DuckDB finds the
        distinct values here, GX judges them in the checks service (unless configured
        otherwise)."""
        return validate_by_values(rows, rules, suite_name, self._judge)

    def _judge(self, pieces: list[Piece], suite_name: str) -> list[Verdict]:
        if not self.separate_process:
            return judge_here(pieces, suite_name)
        verdicts = WORKER.ask("judge", pieces, suite_name)
        if not isinstance(verdicts, list):
            raise TypeError(f"the checks service answered {type(verdicts).__name__}")
        return verdicts
