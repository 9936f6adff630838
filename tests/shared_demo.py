"""The demo build every test that reads a built year shares: the demo's last two years in one
warehouse, 2024 first, then 2025 with its report, as ``make report`` builds them.

Built once per session into the session's temporary root, under a file lock: by the first
xdist worker that asks for it, or, with ``pytest --demo-build-ahead`` (``make test``), by a
process of its own that the session starts at once, while the workers run the tests that do
not need it. The runs' events are kept with the build, so that every worker's copy has them.

    python -m tests.shared_demo <root>    # what --demo-build-ahead starts (the lock inherited)
"""

from __future__ import annotations

import fcntl
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING

from pipeline.domain.file_lock import held_lock
from pipeline.plumbing.allowed_folders import PROJECT_ROOT

if TYPE_CHECKING:
    from dagster import ExecuteInProcessResult

BUILD_DIR = "demo_build_shared"
LOCK_FILE = "demo_build.lock"
RESULTS_FILE = "results.json"
LOG_FILE = "demo_build.log"


@contextmanager
def locked(root: Path) -> Iterator[None]:
    """The shared build's lock: held while it is being built, waited for by its readers."""
    with held_lock(root / LOCK_FILE):
        yield


def built(root: Path) -> Path | None:
    """The shared build's folder if it is complete."""
    shared = root / BUILD_DIR
    return shared if (shared / RESULTS_FILE).is_file() else None


def build(root: Path) -> Path:
    """Build the shared demo into ``root`` (the caller holds the lock)."""
    from tests.conftest import LATEST_DEMO_YEAR, Workspace, all_but_the_report, make_data_dir

    shared = root / BUILD_DIR
    shutil.rmtree(shared, ignore_errors=True)
    shared.mkdir()
    make_data_dir(shared, [LATEST_DEMO_YEAR - 1, LATEST_DEMO_YEAR])
    workspace = Workspace(shared)
    # As `make report` does: the year before is built without its own report.
    workspace.run(LATEST_DEMO_YEAR - 1, all_but_the_report())
    workspace.run(LATEST_DEMO_YEAR)
    save_results(workspace.results, shared / RESULTS_FILE)
    return shared


def start_ahead(root: Path, environment: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start the build in a process of its own, which holds the lock until it is done."""
    root.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = (root / LOCK_FILE).open("a")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        with (root / LOG_FILE).open("wb") as log:
            return subprocess.Popen(
                [sys.executable, "-m", "tests.shared_demo", str(root)],
                cwd=PROJECT_ROOT,
                env={**environment, "SHARED_DEMO_LOCK_FD": str(handle.fileno())},
                pass_fds=(handle.fileno(),),  # the lock goes with the open file to the child
                stdout=log,
                stderr=subprocess.STDOUT,
            )
    finally:
        handle.close()  # the child's copy keeps the lock until it exits


def save_results(results: dict[str, ExecuteInProcessResult], path: Path) -> None:
    """Each run's record and events, as Dagster serialises them."""
    from dagster import serialize_value

    path.write_text(
        serialize_value(
            {
                year: [result.dagster_run, list(result.all_events)]
                for year, result in results.items()
            }
        ),
        encoding="utf-8",
    )


def load_results(path: Path) -> dict[str, ExecuteInProcessResult]:
    from dagster import ExecuteInProcessResult, deserialize_value

    from pipeline.definitions import defs

    job = defs.resolve_job_def("threat_picture")
    saved = deserialize_value(path.read_text(encoding="utf-8"), dict)
    return {
        year: ExecuteInProcessResult(events, run, None, job)
        for year, (run, events) in saved.items()
    }


def main(root: str) -> int:
    from pipeline.plumbing.allowed_folders import ALLOWED_FOLDERS_VARIABLE
    from pipeline.plumbing.executors import collect_less_often

    os.environ[ALLOWED_FOLDERS_VARIABLE] = root
    collect_less_often()
    try:
        build(Path(root))
    finally:
        os.close(int(os.environ["SHARED_DEMO_LOCK_FD"]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
