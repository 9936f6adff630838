"""Talking to a running ``dagster dev`` in the tests: free ports, GET and GraphQL requests, and
stopping its process group."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import time
import urllib.request

STOP_TIMEOUT_S = 10
# dagster dev shuts its webserver and daemon down in about 5 s; a test server need not.
GRACE_S = 1


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
