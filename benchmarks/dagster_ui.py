"""Talking to a running ``dagster dev`` as the UI does: free ports, GET and GraphQL requests,
waiting for the server, launching a job's partition as the launchpad does and waiting for the
run's end, and stopping the server's process group. Used by the bench (one year launched from
the UI) and by the tests of the UI."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

STOP_TIMEOUT_S = 10
# dagster dev shuts its webserver and daemon down in about 5 s; a test or bench server need not.
GRACE_S = 1
RUN_TIMEOUT_S = 300
ENDED = ("SUCCESS", "FAILURE", "CANCELED")

LAUNCH_MUTATION = """
mutation Launch($executionParams: ExecutionParams!) {
  launchRun(executionParams: $executionParams) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on PythonError { message }
  }
}
"""
RUN_QUERY = """
query Run($runId: ID!) {
  runOrError(runId: $runId) {
    ... on Run {
      runId
      status
      creationTime
      startTime
      endTime
      stats { ... on RunStatsSnapshot { stepsSucceeded stepsFailed } }
      eventConnection(afterCursor: null) { events { __typename ... on EngineEvent { message } } }
    }
  }
}
"""


class DagsterUiError(RuntimeError):
    """The server did not start, or did not answer as the UI expects."""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 5) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback URL)
        return response.status, response.read()


def graphql(base_url: str, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(  # noqa: S310 (loopback URL)
        f"{base_url}/graphql",
        data=json.dumps({"query": query, "variables": variables or {}}).encode("utf-8"),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        payload = json.loads(response.read())
    if "errors" in payload:
        raise DagsterUiError(f"GraphQL errors: {payload['errors']}")
    return payload["data"]


def start_server(
    command: list[str], cwd: Path, environment: dict[str, str], log_path: Path
) -> subprocess.Popen:
    """``command`` (``dagster dev``, or ``make dev``) in a process group of its own, its output
    in ``log_path``; stop it with ``stop_process_group``."""
    with log_path.open("wb") as log:
        return subprocess.Popen(
            command,
            cwd=cwd,
            env=environment,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )


def wait_until_serving(
    process: subprocess.Popen, base_url: str, log_path: Path, timeout_s: float
) -> None:
    """Returns once the server answers ``/server_info``; raises, with the end of its log, if it
    exits or has not answered after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        if process.poll() is not None:
            raise DagsterUiError(
                f"dagster dev exited with {process.returncode}:\n" + _log_end(log_path)
            )
        try:
            status, _ = get(f"{base_url}/server_info", timeout=2)
            if status == 200:
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise DagsterUiError(
                f"dagster dev not ready after {timeout_s:g} s:\n" + _log_end(log_path)
            )
        time.sleep(0.5)


def _log_end(log_path: Path) -> str:
    return log_path.read_text(errors="replace")[-3000:]


def launch_partition(
    base_url: str, job: str, partition: str, resources: dict | None = None
) -> dict:
    """Launch ``job`` for ``partition`` (with ``resources`` as run config, if any) as the
    launchpad does; the run (``RUN_QUERY``'s fields) once it has ended."""
    params = {
        "selector": {
            "repositoryLocationName": "dreigingsbeeld",
            "repositoryName": "__repository__",
            "jobName": job,
        },
        "runConfigData": {"resources": resources} if resources else {},
        "executionMetadata": {"tags": [{"key": "dagster/partition", "value": partition}]},
    }
    launched = graphql(base_url, LAUNCH_MUTATION, {"executionParams": params})["launchRun"]
    if launched["__typename"] != "LaunchRunSuccess":
        raise DagsterUiError(f"the launch was refused: {launched}")
    run_id = launched["run"]["runId"]
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while True:
        run = graphql(base_url, RUN_QUERY, {"runId": run_id})["runOrError"]
        if run["status"] in ENDED or time.monotonic() > deadline:
            return run
        # The launchpad's run page polls too; a short interval keeps the measured end close.
        time.sleep(0.1)


def process_group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_process_group(process: subprocess.Popen) -> None:
    """SIGTERM to the server's group; SIGKILL after GRACE_S if it has not gone."""
    pgid = process.pid  # start_new_session=True: the group id is the server's pid
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=GRACE_S)
    deadline = time.monotonic() + GRACE_S
    while process_group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if process_group_alive(pgid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_S)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while process_group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.1)
