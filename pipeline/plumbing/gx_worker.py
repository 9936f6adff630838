"""This process's connection to the checks service (``expectations_worker``): the one process
that runs the Great Expectations suites of every run of this checkout on the machine. It is
started by the first run that checks (or early, by a command that knows it will check:
``pipeline.build``), so that GX's 3-s import runs on the other core while that run imports
Dagster; later runs (from the UI, the command line, a schedule, the tests) find it loaded. Asked
one question at a time. No Dagster here, so that connecting costs nothing else."""

from __future__ import annotations

import contextlib
import os
import pickle
import socket
import threading
from pathlib import Path
from typing import IO, Any

from pipeline.domain.framing import read_message, write_message
from pipeline.plumbing.checks_socket import IDLE_SECONDS, checks_socket, connect, connect_or_start


class Worker:
    """A connection to a checks service, made on first need and again when it breaks (a service
    that ended or was replaced is started anew)."""

    def __init__(self, socket_path: Path | None = None, idle_seconds: float = IDLE_SECONDS):
        self._lock = threading.Lock()
        self._socket_path = socket_path  # None: the checkout's (``checks_socket``)
        self._idle_seconds = idle_seconds
        # The process that connected (a forked child makes its own), the socket, its two ends.
        self._connection: tuple[int, socket.socket, IO[bytes], IO[bytes]] | None = None

    def start(self) -> None:
        """Connect now, starting the service if none runs."""
        with self._lock:
            self._connected()

    def ask(self, question: str, *arguments: Any) -> Any:
        """The service's answer to ``question`` (see ``expectations_worker``)."""
        request = pickle.dumps((question, arguments))
        with self._lock:
            # A second time on a new connection: the service may have ended (idle, replaced by
            # newer code, killed) since this process last asked. Questions change nothing there.
            for _ in range(2):
                reader, writer = self._connected()
                try:
                    write_message(writer, request)
                    writer.flush()
                    answer = read_message(reader)
                except (OSError, EOFError):
                    answer = None
                if answer is not None:
                    break
                self.close()
            else:
                raise RuntimeError(
                    f"the checks service stopped while answering {question!r}; its log is "
                    f"{self._path().with_suffix('.log')}"
                )
        succeeded, result = pickle.loads(answer)  # noqa: S301
        if not succeeded:
            raise result
        return result

    def _path(self) -> Path:
        return self._socket_path or checks_socket()

    def _connected(self) -> tuple[IO[bytes], IO[bytes]]:
        if self._connection is not None and self._connection[0] != os.getpid():
            self._connection = None  # inherited through a fork: the parent's to use
        if self._connection is None:
            connection = connect_or_start(self._path(), self._idle_seconds)
            ends: tuple[IO[bytes], IO[bytes]] = (
                connection.makefile("rb"),
                connection.makefile("wb"),
            )
            self._connection = (os.getpid(), connection, *ends)
        _, _, reader, writer = self._connection
        return reader, writer

    def close(self) -> None:
        """Close this process's connection (the service ends once it has none, after its idle
        time)."""
        if self._connection is not None:
            _, connection, reader, writer = self._connection
            for end in (reader, writer, connection):
                with contextlib.suppress(OSError):
                    end.close()
            self._connection = None


def stop_service(path: Path) -> None:
    """Ask the service on ``path``, if one listens there, to withdraw: it takes no new
    connection and ends once its open ones close."""
    try:
        connection = connect(path)
    except (FileNotFoundError, ConnectionRefusedError):
        return
    with connection, connection.makefile("rb") as reader, connection.makefile("wb") as writer:
        write_message(writer, pickle.dumps(("stop", ())))
        writer.flush()
        read_message(reader)


WORKER = Worker()
