"""The process's one Great Expectations worker (``expectations_worker``): started on first need,
or early by a command that knows it will check (``pipeline.build``), so that GX's 3-s import
runs on the other core while this process imports Dagster; asked one question at a time. No
Dagster here, so that starting it costs nothing else."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import threading
from typing import Any

from pipeline.domain.framing import pipe, read_message, write_message
from pipeline.plumbing.allowed_folders import PROJECT_ROOT


class Worker:
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


WORKER = Worker()
