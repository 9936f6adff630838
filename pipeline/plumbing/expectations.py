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
from typing import TYPE_CHECKING

from dagster import ConfigurableResource, InitResourceContext
from pydantic import Field

from pipeline.domain.framing import pipe, read_message, write_message
from pipeline.plumbing.allowed_folders import PROJECT_ROOT
from pipeline.plumbing.check_by_values import validate_by_values
from pipeline.plumbing.check_runner import ValidationOutcome, validate_frame

if TYPE_CHECKING:
    import pandas as pd

    from pipeline.domain.files.value_rules import Rule

# Larger frames (a year of record-level data) are validated in the run's own process: copying
# millions of rows to the worker cost more than the import it spares (measured: a year of 2.5
# million FIU records took 77 s and 6.1 GB in the worker, 41 s and 5.1 GB here), and at that
# size the GIL is no matter. GX judges them by their distinct values (``check_by_values``).
# Every batch of aggregate files, all years at once, stays below.
WORKER_ROWS = 1_000_000


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

    def validate(
        self, frame: pd.DataFrame, rules: list[Rule], suite_name: str
    ) -> ValidationOutcome:
        self.start()
        with self._lock:
            process = self._process
            if process is None:  # start() made it
                raise RuntimeError("the Great Expectations worker did not start")
            try:
                write_message(pipe(process.stdin), pickle.dumps((frame, rules, suite_name)))
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
        if not isinstance(result, ValidationOutcome):
            raise TypeError(f"the Great Expectations worker answered {type(result).__name__}")
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
        """``validate_frame``, in the worker process unless configured otherwise or the frame
        is large (``WORKER_ROWS``: then by its distinct values, with the same outcome)."""
        if len(frame) > WORKER_ROWS:
            return validate_by_values(frame, rules, suite_name)
        if not self.separate_process:
            return validate_frame(frame, rules, suite_name)
        return _WORKER.validate(frame, rules, suite_name)
