"""The checks service (``expectations_worker``, reached through ``gx_worker``): processes asking
together share one; one that was killed, went idle or was asked to stop is replaced by the next
question; it notices a changed module; its socket must be in a folder no one else can open; one
that cannot start says why. Each test has a service of its own, on a socket in ``tmp_path``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.plumbing import checks_socket
from pipeline.plumbing.expectations_worker import changed_files, file_stamps, watched_files
from pipeline.plumbing.gx_worker import Worker, stop_service
from tests.conftest import PROJECT_ROOT

ASK_PID = (
    "import sys; from pathlib import Path; from pipeline.plumbing.gx_worker import Worker; "
    "print(Worker(Path(sys.argv[1])).ask('pid'))"
)


@pytest.fixture
def socket_path(tmp_path: Path) -> Path:
    folder = tmp_path / "s"
    folder.mkdir(mode=0o700)
    return folder / "c.sock"


def ended(pid: int, within: float = 15.0) -> bool:
    """Whether process ``pid`` has ended (or is a zombie) within ``within`` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


def test_processes_asking_together_share_one_a_killed_one_is_replaced_an_idle_one_ends(
    socket_path: Path,
) -> None:
    askers = [
        subprocess.Popen(
            [sys.executable, "-c", ASK_PID, str(socket_path)],
            cwd=PROJECT_ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    pids = {int(asker.communicate(timeout=60)[0]) for asker in askers}
    assert len(pids) == 1, pids
    (first,) = pids
    os.kill(first, signal.SIGKILL)
    assert ended(first)
    assert socket_path.exists()  # a killed service leaves its socket behind

    worker = Worker(socket_path, idle_seconds=0.5)
    second = worker.ask("pid")
    assert second != first
    assert worker.ask("pid") == second  # the same connection, the same service
    worker.close()
    assert ended(second), "an idle service did not end"
    assert not socket_path.exists()


def test_a_stopped_service_takes_no_one_new_and_ends_when_its_last_connection_closes(
    socket_path: Path,
) -> None:
    worker = Worker(socket_path)
    pid = worker.ask("pid")
    stop_service(socket_path)
    assert not socket_path.exists()
    assert worker.ask("pid") == pid  # an open connection is still answered
    worker.close()
    assert ended(pid)
    stop_service(socket_path)  # none listens: nothing to do, nothing started
    assert not socket_path.exists()


def test_a_service_that_cannot_start_says_why(
    socket_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "executable", "/bin/false")  # a Python that fails at once
    with pytest.raises(RuntimeError, match=r"did not start \(exit code 1\)"):
        Worker(socket_path).ask("pid")


def test_a_socket_path_too_long_is_refused_naming_the_setting(tmp_path: Path) -> None:
    folder = tmp_path / ("x" * 120)
    folder.mkdir(mode=0o700)
    with pytest.raises(ValueError, match=r"longer than a Unix socket's .*CHECKS_SOCKET"):
        Worker(folder / "c.sock").ask("pid")


def test_a_changed_or_removed_module_file_is_noticed(tmp_path: Path) -> None:
    kept, edited, removed = (tmp_path / f"{name}.py" for name in ("kept", "edited", "removed"))
    for file in (kept, edited, removed):
        file.write_text("x = 1\n")
    stamps = file_stamps(map(str, (kept, edited, removed)))
    assert changed_files(stamps) == []
    edited.write_text("x = 22\n")
    removed.unlink()
    assert changed_files(stamps) == [str(edited), str(removed)]


def test_the_watched_files_are_the_projects_code_and_gx_and_pandas() -> None:
    import duckdb
    import pandas

    from pipeline.plumbing import check_runner

    files = watched_files([check_runner, pandas, duckdb], PROJECT_ROOT)
    assert files == [check_runner.__file__, pandas.__file__]


def test_the_socket_must_be_in_a_folder_no_one_else_can_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    monkeypatch.setenv(checks_socket.SOCKET_VARIABLE, str(shared / "c.sock"))
    with pytest.raises(PermissionError, match="no one else can open"):
        checks_socket.checks_socket()
    monkeypatch.delenv(checks_socket.SOCKET_VARIABLE)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    made = checks_socket.checks_socket()
    assert made.parent == tmp_path / f"dreigingsbeeld-{os.getuid()}"
    assert made.parent.stat().st_mode & 0o777 == 0o700
    assert made.name.startswith("checks-") and made.suffix == ".sock"
