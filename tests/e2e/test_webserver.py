"""The Dagster UI: ``make dev`` (``dagster dev``: the webserver, and the daemon that starts
queued runs) listens on loopback only, loads workspace.yaml, serves the whole graph over GraphQL
and runs a year launched through it.

The server runs in its own process group with a temporary DAGSTER_HOME (a copy of the project's
instance config) and is always stopped, so the test leaves nothing running.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.dagster_ui import (
    DagsterUiError,
    free_port,
    get,
    graphql,
    launch_partition,
    process_group_alive,
    start_server,
    stop_process_group,
    wait_until_serving,
)
from pipeline.definitions import defs
from tests.conftest import PROJECT_ROOT, Workspace
from tests.e2e.cli_build import CACHES
from tests.e2e.ui_proxy import nginx, running_proxy

DAGSTER = PROJECT_ROOT / ".venv" / "bin" / "dagster"
STARTUP_TIMEOUT_S = 90

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


@pytest.fixture(scope="module")
def webserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the UI as `make dev` starts it (on a free port, with its own home); the
    server is stopped and gone afterwards."""
    assert DAGSTER.is_file(), DAGSTER
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
    command = ["make", "--no-print-directory", "dev", f"PORT={port}", f"DAGSTER_HOME={home}"]
    process = start_server(command, PROJECT_ROOT, env, log_path)
    try:
        try:
            wait_until_serving(process, base_url, log_path, STARTUP_TIMEOUT_S)
        except DagsterUiError as error:
            pytest.fail(str(error))
        yield base_url
    finally:
        stop_process_group(process)
        assert process.poll() is not None, "dagster dev is still running"
        assert not process_group_alive(process.pid), "a process of the server's group survived"


def listening_addresses(port: int) -> set[str]:
    """The local addresses (as the kernel lists them, hex) of the sockets listening on
    ``port``, IPv4 and IPv6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, _, hex_port = local.partition(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


def test_make_dev_listens_on_loopback_only(webserver: str) -> None:
    port = int(webserver.rsplit(":", 1)[1])
    # 127.0.0.1 as /proc/net/tcp writes it (little-endian); no IPv6 or wildcard socket.
    assert listening_addresses(port) == {"0100007F"}


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


def launch(webserver: str, resources: dict) -> dict:
    """Launch threat_picture for 2025 with ``resources`` as run config, as the launchpad does;
    the run once it has ended."""
    return launch_partition(webserver, "threat_picture", "2025", resources)


def test_one_year_launched_through_graphql_succeeds(
    webserver: str, demo_build: Workspace, tmp_path: Path
) -> None:
    """As the launchpad does: the threat_picture job for 2025, with its own warehouse (a copy of
    the demo build's, as an analyst's would hold earlier years) and reports folder in the run
    config; the default run launcher starts it in a new process."""
    shutil.copy2(demo_build.database, tmp_path / "warehouse.duckdb")
    # The demo build's rendered PDFs, charts and editions, as the analyst's machine keeps them:
    # the data is unchanged. (Not in the project's data/cache/, where they would go by default.)
    shutil.copytree(demo_build.data / "cache", tmp_path / "cache")
    caches = {
        f"{kind}_cache_dir": str(tmp_path / "cache" / folder) for kind, folder in CACHES.items()
    }
    run = launch(
        webserver,
        {
            "warehouse": {"config": {"database": str(tmp_path / "warehouse.duckdb")}},
            "paths": {
                "config": {
                    "data_dir": str(demo_build.data),
                    "reports_dir": str(tmp_path / "reports"),
                }
            },
            "renderer": {"config": caches},
        },
    )
    assert run["status"] == "SUCCESS", run
    assert run["stats"]["stepsFailed"] == 0
    # All steps in the run's own process (the project's executor), not a process per step.
    engine = [e["message"] for e in run["eventConnection"]["events"] if "message" in e]
    assert any(message.startswith("Executing steps in process") for message in engine), engine
    # Every asset of the year and its checks ran (reference, raw, staging, indicators, report).
    assert run["stats"]["stepsSucceeded"] >= len(list(defs.assets))
    assert (tmp_path / "reports" / "2025" / "dreigingsbeeld-2025.nl.pdf").stat().st_size > 0
    # What the UI shows of the run's materialisations, read back as it reads them.
    staging = materialization_metadata(webserver, ["staging", "stg_incidents__crimes"])
    assert staging["dagster/row_count"]["intValue"] > 0
    assert "dagster/column_schema" in staging and "preview" in staging
    report = materialization_metadata(webserver, ["report", "dreigingsbeeld"])
    assert report["dagster/uri"]["path"].endswith("reports/2025/dreigingsbeeld-2025.nl.html")
    assert "dreigingsbeeld-2025.en.pdf" in report["files"]["mdStr"]
    assert report["open_report"]["url"].startswith("file:///")


METADATA_QUERY = """
query Metadata($key: AssetKeyInput!) {
  assetOrError(assetKey: $key) {
    ... on Asset {
      assetMaterializations(partitions: ["2025"], limit: 1) {
        metadataEntries {
          label
          ... on IntMetadataEntry { intValue }
          ... on PathMetadataEntry { path }
          ... on UrlMetadataEntry { url }
          ... on MarkdownMetadataEntry { mdStr }
          ... on TableSchemaMetadataEntry { schema { columns { name } } }
        }
      }
    }
  }
}
"""


def materialization_metadata(webserver: str, path: list[str]) -> dict[str, dict]:
    """The metadata of the asset's latest 2025 materialisation, by label."""
    asset = graph_ql_asset(webserver, path)
    (materialization,) = asset["assetMaterializations"]
    return {entry["label"]: entry for entry in materialization["metadataEntries"]}


def graph_ql_asset(webserver: str, path: list[str]) -> dict:
    return graphql(webserver, METADATA_QUERY, {"key": {"path": path}})["assetOrError"]


def test_a_launch_that_moves_the_reports_outside_the_project_fails_writing_nothing(
    webserver: str,
) -> None:
    """A launch with run config that sends the reports elsewhere on the machine (as a foreign
    page posting to the UI would): the run fails at its start, before any step."""
    elsewhere = Path("/opt/dreigingsbeeld-elsewhere")  # outside the project and the tests
    run = launch(
        webserver,
        {
            "paths": {
                "config": {"data_dir": str(PROJECT_ROOT / "data"), "reports_dir": str(elsewhere)}
            }
        },
    )
    assert run["status"] == "FAILURE", run
    assert run["stats"]["stepsSucceeded"] == 0
    assert not elsewhere.exists()


# --- behind the proxy of deploy/nginx/ (README, "Safety") --------------------------------------

FOREIGN = "https://elsewhere.example.com"
VERSION_QUERY = json.dumps({"query": "{ version }"}).encode("utf-8")


@pytest.fixture(scope="module")
def ui_proxy(webserver: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of nginx in front of the test's webserver (the site's own address)."""
    nginx_path = nginx()
    if nginx_path is None:
        pytest.skip("nginx is not installed (.ci/run installs it)")
    with running_proxy(nginx_path, webserver, tmp_path_factory.mktemp("nginx")) as site:
        yield site


def status_of(url: str, method: str = "GET", origin: str | None = None, data=None) -> int:
    headers = {"Content-Type": "application/json"}
    if origin is not None:
        headers["Origin"] = origin
    request = urllib.request.Request(url, data=data, headers=headers, method=method)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 (loopback)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def websocket_status(base_url: str, origin: str) -> int:
    """The status line's code of a websocket handshake on /graphql, as the UI opens it."""
    host, port = base_url.split("//", 1)[1].split(":")
    handshake = (
        "GET /graphql HTTP/1.1\r\n"
        f"Host: {host}:{port}\r\n"
        "Upgrade: websocket\r\n"
        "Connection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        "Sec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Protocol: graphql-ws\r\n"
        f"Origin: {origin}\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(handshake.encode("ascii"))
        status_line = sock.recv(1024).split(b"\r\n", 1)[0].decode("ascii")
    return int(status_line.split()[1])


def test_dagster_alone_answers_graphql_sent_as_a_get(webserver: str) -> None:
    # Why the proxy: without it, a link or an image on any page can send GraphQL.
    assert status_of(f"{webserver}/graphql?query=%7B%20version%20%7D") == 200


def test_the_sites_own_pages_query_through_the_proxy(ui_proxy: str) -> None:
    request = urllib.request.Request(  # noqa: S310 (loopback URL)
        f"{ui_proxy}/graphql",
        data=VERSION_QUERY,
        headers={"Content-Type": "application/json", "Origin": ui_proxy},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        assert json.loads(response.read())["data"]["version"]
    assert status_of(f"{ui_proxy}/") == 200
    assert websocket_status(ui_proxy, ui_proxy) == 101


@pytest.mark.parametrize(
    ("method", "origin", "path"),
    [
        ("GET", None, "/graphql?query=%7B%20version%20%7D"),
        ("GET", "SITE", "/graphql?query=%7B%20version%20%7D"),
        ("POST", FOREIGN, "/graphql"),
        ("POST", None, "/graphql"),
        ("POST", "null", "/graphql"),
        ("POST", FOREIGN, "/report_asset_materialization/raw/incidents"),
    ],
    ids=[
        "get_without_origin",
        "get_from_the_site",
        "post_from_elsewhere",
        "post_without_origin",
        "post_from_a_sandbox",
        "rest_write_from_elsewhere",
    ],
)
def test_the_proxy_refuses_what_another_page_could_send(
    ui_proxy: str, method: str, origin: str | None, path: str
) -> None:
    origin = ui_proxy if origin == "SITE" else origin
    data = VERSION_QUERY if method == "POST" else None
    assert status_of(f"{ui_proxy}{path}", method, origin, data) == 403


def test_the_proxy_refuses_a_websocket_from_elsewhere(ui_proxy: str) -> None:
    assert websocket_status(ui_proxy, FOREIGN) == 403
