"""The Dagster UI: dagster-webserver loads workspace.yaml and serves the whole graph over GraphQL.

The server runs in its own process group with a temporary DAGSTER_HOME (a copy of the project's
instance config) and is always stopped, so the test leaves nothing running.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.definitions import defs
from tests.conftest import PROJECT_ROOT

WEBSERVER = PROJECT_ROOT / ".venv" / "bin" / "dagster-webserver"
STARTUP_TIMEOUT_S = 90
STOP_TIMEOUT_S = 10

REFERENCE_NAMES = (
    "municipalities",
    "provinces",
    "riec_regions",
    "phenomena",
    "crime_types",
    "drug_site_types",
    "fiu_reporting_sectors",
    "sectors",
    "harm_weights",
    "harm_matrix",
    "harm_severity_scale",
    "statutory_maxima",
    "harm_weight_sets",
    "region_membership",
    "municipal_reclassifications",
    "municipality_code_map",
)
EXPECTED_ASSETS = [
    ["raw", "incidents"],
    ["staging", "stg_incidents__crimes"],
    ["indicators", "phenomenon_indicators"],
    ["report", "dreigingsbeeld"],
    *(["reference", name] for name in REFERENCE_NAMES),
]

ASSET_NODES_QUERY = "{ assetNodes { assetKey { path } } }"
REPOSITORIES_QUERY = """
{
  repositoriesOrError {
    __typename
    ... on RepositoryConnection {
      nodes {
        name
        location { name }
        jobs { name }
        schedules { name cronSchedule }
      }
    }
    ... on PythonError { message }
  }
}
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, timeout: float = 5) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 (loopback URL)
        return response.status, response.read()


def graphql(base_url: str, query: str) -> dict:
    request = urllib.request.Request(  # noqa: S310 (loopback URL)
        f"{base_url}/graphql",
        data=json.dumps({"query": query}).encode("utf-8"),
        headers={"Content-Type": "application/json", "Accept": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
        payload = json.loads(response.read())
    assert "errors" not in payload, payload.get("errors")
    return payload["data"]


def process_group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def stop_process_group(process: subprocess.Popen) -> None:
    """SIGTERM to the server's group; SIGKILL after STOP_TIMEOUT_S if it has not gone."""
    pgid = process.pid  # start_new_session=True: the group id is the server's pid
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=STOP_TIMEOUT_S)
    deadline = time.monotonic() + STOP_TIMEOUT_S
    while process_group_alive(pgid) and time.monotonic() < deadline:
        time.sleep(0.2)
    if process_group_alive(pgid):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pgid, signal.SIGKILL)
        process.wait(timeout=STOP_TIMEOUT_S)
        deadline = time.monotonic() + STOP_TIMEOUT_S
        while process_group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.1)


@pytest.fixture(scope="module")
def webserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of a running dagster-webserver; the server is stopped and gone afterwards."""
    assert WEBSERVER.is_file(), WEBSERVER
    home = tmp_path_factory.mktemp("dagster_home")
    shutil.copy2(PROJECT_ROOT / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DAGSTER_HOME": str(home),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }
    log_path = home / "webserver.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(
            [str(WEBSERVER), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if process.poll() is not None:
                pytest.fail(
                    f"dagster-webserver exited with {process.returncode}:\n"
                    + log_path.read_text(errors="replace")[-3000:]
                )
            try:
                status, _ = get(f"{base_url}/server_info", timeout=2)
                if status == 200:
                    break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"dagster-webserver not ready after {STARTUP_TIMEOUT_S} s:\n"
                    + log_path.read_text(errors="replace")[-3000:]
                )
            time.sleep(0.5)
        yield base_url
    finally:
        stop_process_group(process)
        assert process.poll() is not None, "dagster-webserver is still running"
        assert not process_group_alive(process.pid), "a process of the server's group survived"


def test_server_info_answers(webserver: str) -> None:
    status, body = get(f"{webserver}/server_info")
    assert status == 200
    info = json.loads(body)
    assert info.get("dagster_webserver_version", "").startswith("1.")


def test_asset_graph_is_served(webserver: str) -> None:
    nodes = graphql(webserver, ASSET_NODES_QUERY)["assetNodes"]
    keys = [node["assetKey"]["path"] for node in nodes]
    missing = [key for key in EXPECTED_ASSETS if key not in keys]
    assert missing == []
    served = {tuple(key) for key in keys if key[0] == "reference"}
    defined = {tuple(k.path) for a in defs.assets for k in a.keys if k.path[0] == "reference"}
    assert served == defined


def test_job_and_schedule_are_served(webserver: str) -> None:
    result = graphql(webserver, REPOSITORIES_QUERY)["repositoriesOrError"]
    assert result["__typename"] == "RepositoryConnection", result
    repositories = result["nodes"]
    assert [repo["location"]["name"] for repo in repositories] == ["dreigingsbeeld"]
    jobs = {job["name"] for repo in repositories for job in repo["jobs"]}
    schedules = {s["name"]: s["cronSchedule"] for repo in repositories for s in repo["schedules"]}
    assert "threat_picture" in jobs
    assert "yearly_threat_picture" in schedules
