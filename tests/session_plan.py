"""How a test session is laid out: a marker per test folder, the order the files are handed
out in, and the shared demo build started ahead (``--demo-build-ahead``, as ``make test``
runs)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from pipeline.plumbing.allowed_folders import ALLOWED_FOLDERS_VARIABLE, PROJECT_ROOT
from pipeline.plumbing.checks_socket import SOCKET_VARIABLE
from pipeline.plumbing.gx_worker import stop_service
from tests import shared_demo

_AHEAD = pytest.StashKey[subprocess.Popen[bytes]]()
_CHECKS_SOCKET = pytest.StashKey[Path]()

LAYER_MARKERS = ("unit", "sql", "assets", "e2e", "browser")


# The test files that take longest (each starts `dagster` processes that build a year): they are
# handed out first once the demo build is there, so that none of them is left running alone at
# the end while the other worker has nothing to do. Each is followed by another file that reads
# the demo build: xdist gives a worker its next file as soon as it has two tests or fewer left,
# so a long file of one test would otherwise take the next long file with it, and one worker
# would run both while the other runs neither.
LONGEST_FIRST = (
    "e2e/test_crash_safety.py",
    "e2e/test_concurrent_runs.py",
    "e2e/test_webserver.py",
    "e2e/test_pdf_accessibility.py",
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--demo-build-ahead",
        action="store_true",
        help="start the shared demo build in a process of its own as the session starts, while "
        "the xdist workers run the tests that do not read it (make test)",
    )


@pytest.hookimpl(trylast=True)
def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: the session's process did this
        return
    root = config._tmp_path_factory.getbasetemp()  # type: ignore[attr-defined]
    if SOCKET_VARIABLE not in os.environ:
        # The session's own checks service, shared by its workers and the processes they start
        # (which inherit the variable), and stopped with the session.
        config.stash[_CHECKS_SOCKET] = root / "checks.sock"
        os.environ[SOCKET_VARIABLE] = str(config.stash[_CHECKS_SOCKET])
    if config.getoption("demo_build_ahead"):
        environment = {**os.environ, ALLOWED_FOLDERS_VARIABLE: str(root)}
        config.stash[_AHEAD] = shared_demo.start_ahead(root, environment)


def pytest_unconfigure(config: pytest.Config) -> None:
    ahead = config.stash.get(_AHEAD, None)
    if ahead is not None and ahead.poll() is None:  # the session ended before the build did
        ahead.kill()
        ahead.wait()
    checks_socket = config.stash.get(_CHECKS_SOCKET, None)
    if checks_socket is not None:
        stop_service(checks_socket)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test with the folder it lives in (tests/<layer>/...), and order the files:
    first those none of whose tests read the demo build (they run while it is being built),
    then the longest, then the rest (``make test`` hands out whole files in this order; a file
    handed out early that reads the demo build would wait for it)."""
    files: dict[str, list[pytest.Item]] = {}
    for item in items:
        parts = Path(str(item.path)).relative_to(PROJECT_ROOT / "tests").parts
        if len(parts) > 1 and parts[0] in LAYER_MARKERS:
            item.add_marker(getattr(pytest.mark, parts[0]))
        files.setdefault("/".join(parts), []).append(item)

    def reads_demo(name: str) -> bool:
        return any("demo_build" in getattr(item, "fixturenames", ()) for item in files[name])

    first = [name for name in files if not reads_demo(name)]
    longest = [name for name in LONGEST_FIRST if name in files]
    rest = [name for name in files if reads_demo(name) and name not in longest]
    interleaved = [name for pair in zip(longest, rest, strict=False) for name in pair]
    ordered = first + interleaved + longest[len(interleaved) // 2 :] + rest[len(longest) :]
    items[:] = [item for name in ordered for item in files[name]]
