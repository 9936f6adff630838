"""Great Expectations as a resource: the suites run in a process of their own, started when a
run that checks begins, so that importing GX (about 3 s of Python) happens on the other core
while the run loads its files, instead of taking turns with the run's own steps for the GIL.
The worker then serves every later run of this process (tests, ``pipeline.build``) and ends
with it."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from typing import TYPE_CHECKING, Any

from dagster import ConfigurableResource, InitResourceContext
from pydantic import Field

from pipeline.domain.framing import pipe, read_message, write_message
from pipeline.plumbing.allowed_folders import PROJECT_ROOT
from pipeline.plumbing.check_by_values import Piece, Verdict, judge_here, validate_by_values
from pipeline.plumbing.check_runner import ValidationOutcome, validate_frame

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from pipeline.domain.files.value_rules import Rule


class _Worker:
    """The process's one GX worker: started on first need, asked one question at a time."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                # This project's own module with the same interpreter: no shell, no outside
                # input. It ends when this process does (its stdin closes).
                self._process = subprocess.Popen(
                    [sys.executable, "-m", "pipeline.plumbing.expectations_worker"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    cwd=PROJECT_ROOT,
                    # no usage statistics sent anywhere (GX sends none without its analytics
                    # package, which is not installed; this says so if it ever is)
                    env={**os.environ, "GX_ANALYTICS_ENABLED": "false"},
                )

    def ask(self, question: str, *arguments: Any) -> Any:
        """The worker's answer to ``question`` (see ``expectations_worker``)."""
        self.start()
        with self._lock:
            process = self._process
            if process is None:  # start() made it
                raise RuntimeError("the Great Expectations worker did not start")
            try:
                write_message(pipe(process.stdin), pickle.dumps((question, arguments)))
                pipe(process.stdin).flush()
                answer = read_message(pipe(process.stdout))
            except (BrokenPipeError, EOFError):
                answer = None
            if answer is None:
                self._process = None
                raise RuntimeError(
                    f"the Great Expectations worker stopped (exit code {process.wait()})"
                )
        succeeded, result = pickle.loads(answer)  # noqa: S301
        if not succeeded:
            raise result
        return result


_WORKER = _Worker()


class Expectations(ConfigurableResource):
    """Validates frames with Great Expectations suites (``check_runner.validate_frame``)."""

    separate_process: bool = Field(
        default=True,
        description="Run the suites in a worker process started with the run (else in the "
        "run's own process).",
    )

    def setup_for_execution(self, context: InitResourceContext) -> None:
        if self.separate_process:
            _WORKER.start()  # GX loads from now on, while the run's first steps go

    def run_suite(
        self, frame: pd.DataFrame, rules: list[Rule], suite_name: str
    ) -> ValidationOutcome:
        """``validate_frame``: GX judges every row, in the worker process unless configured
        otherwise."""
        if not self.separate_process:
            return validate_frame(frame, rules, suite_name)
        outcome = _WORKER.ask("validate_frame", frame, rules, suite_name)
        if not isinstance(outcome, ValidationOutcome):
            raise TypeError(f"the Great Expectations worker answered {type(outcome).__name__}")
        return outcome

    def run_suite_by_values(
        self, rows: duckdb.DuckDBPyRelation, rules: list[Rule], suite_name: str
    ) -> ValidationOutcome:
        """``validate_by_values``, the same outcome for millions of rows: DuckDB finds the
        distinct values here, GX judges them in the worker process (unless configured
        otherwise)."""
        return validate_by_values(rows, rules, suite_name, self._judge)

    def _judge(self, pieces: list[Piece], suite_name: str) -> list[Verdict]:
        if not self.separate_process:
            return judge_here(pieces, suite_name)
        verdicts = _WORKER.ask("judge", pieces, suite_name)
        if not isinstance(verdicts, list):
            raise TypeError(f"the Great Expectations worker answered {type(verdicts).__name__}")
        return verdicts
