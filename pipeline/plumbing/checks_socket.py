"""Where the checks service (``expectations_worker``) listens, and how a run finds or starts it.

The socket is in a folder only this user can open: ``$XDG_RUNTIME_DIR/dreigingsbeeld-<uid>/``,
else the same under the system's temporary folder; its name holds a hash of the project's
folder and the Python that runs it, so that two checkouts (or two virtual environments) each
have their own service. ``DREIGINGSBEELD_CHECKS_SOCKET`` names another socket (the tests give
each session its own). No Dagster, no GX here."""

from __future__ import annotations

import fcntl
import hashlib
import os
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pipeline.plumbing.allowed_folders import PROJECT_ROOT

SOCKET_VARIABLE = "DREIGINGSBEELD_CHECKS_SOCKET"
# The service's idle time, set by the process that starts it.
IDLE_VARIABLE = "DREIGINGSBEELD_CHECKS_IDLE_SECONDS"
# Seconds without an open connection after which the service ends: runs launched one after
# another (from the UI, a schedule, make report) share it; an idle machine gets its memory back.
IDLE_SECONDS = 300.0
# The service binds its socket within a second of starting (before it imports GX).
START_TIMEOUT_SECONDS = 60
# The longest path a Unix socket may have on Linux (108 bytes with the closing NUL).
LONGEST_SOCKET_PATH = 107


def checks_socket() -> Path:
    """The socket of this checkout's checks service."""
    configured = os.environ.get(SOCKET_VARIABLE)
    if configured:
        path = Path(configured)
        private_folder(path.parent)
        return path
    base = Path(os.environ.get("XDG_RUNTIME_DIR") or tempfile.gettempdir())
    folder = private_folder(base / f"dreigingsbeeld-{os.getuid()}")
    key = hashlib.sha256(f"{PROJECT_ROOT}\0{sys.executable}".encode()).hexdigest()[:16]
    return folder / f"checks-{key}.sock"


def private_folder(folder: Path) -> Path:
    """``folder``, made if missing; refused unless it is this user's and no one else's: the
    service takes pickled requests, so only this user may reach its socket."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    info = folder.lstat()
    if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(
            f"{folder} must be a folder of this user's that no one else can open (mode 700); "
            f"remove it or set {SOCKET_VARIABLE} to a socket in such a folder"
        )
    return folder


def connect_or_start(path: Path, idle_seconds: float = IDLE_SECONDS) -> socket.socket:
    """A connection to the service on ``path``, started first if none answers there."""
    if len(os.fsencode(path)) > LONGEST_SOCKET_PATH:
        raise ValueError(
            f"the checks service's socket path is longer than a Unix socket's may be "
            f"({LONGEST_SOCKET_PATH} bytes): {path}; set {SOCKET_VARIABLE} to a shorter one"
        )
    try:
        return connect(path)
    except (FileNotFoundError, ConnectionRefusedError):
        pass
    with _start_lock(path):
        try:  # another process may have started it while this one waited for the lock
            return connect(path)
        except (FileNotFoundError, ConnectionRefusedError):
            pass
        path.unlink(missing_ok=True)  # left by a service that was killed
        _start(path, idle_seconds)
        return connect(path)


def connect(path: Path) -> socket.socket:
    connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        connection.connect(str(path))
    except OSError:
        connection.close()
        raise
    return connection


@contextmanager
def _start_lock(path: Path) -> Iterator[None]:
    """Held by the one process that starts the service; the others wait, then connect."""
    with path.with_suffix(".lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _start(path: Path, idle_seconds: float) -> None:
    """Start the service and wait until it listens: its first process binds the socket, leaves a
    child to serve (in a session of its own, so that it outlives this process and its process
    group) and exits 0; anything else is a failure, told with the end of its log."""
    log_path = path.with_suffix(".log")
    with log_path.open("wb") as log:
        # This project's own module with the same interpreter: no shell, no outside input (the
        # socket and the idle time go in its environment).
        process = subprocess.Popen(
            [sys.executable, "-m", "pipeline.plumbing.expectations_worker"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=log,
            cwd=PROJECT_ROOT,
            start_new_session=True,
            # no usage statistics sent anywhere (GX sends none without its analytics package,
            # which is not installed; this says so if it ever is)
            env={
                **os.environ,
                "GX_ANALYTICS_ENABLED": "false",
                SOCKET_VARIABLE: str(path),
                IDLE_VARIABLE: str(idle_seconds),
            },
        )
    try:
        code = process.wait(timeout=START_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        code = None
    if code != 0:
        told = log_path.read_text(errors="replace")[-2000:]
        raise RuntimeError(f"the checks service did not start (exit code {code}): {told}")
