"""The checks service: one process that runs the Great Expectations suites of every run of this
checkout on this machine (the client is ``gx_worker``), so that GX's 3-s import is paid once,
not by every run's process. It binds its socket (``checks_socket``), hands the serving on to a
child and exits, so that its starter knows it listens; the child imports GX, makes its context
and answers each connection in a thread, one question at a time for the whole process (GX's
context is not made for threads).

A request is the pickled name of a question (``validate_frame``, ``judge``, ``pid`` or
``stop``) and its arguments; the answer is the pickled ``(True, answer)`` or ``(False, error)``,
each framed as in ``pipeline.domain.framing``. Pickles pass only between this user's processes,
over a socket in a folder only this user can open.

The service withdraws (removes its socket, so that the next run starts a new one, and ends once
its open connections close) when no connection has been open for its idle time, when asked to
``stop``, when its socket's path names another file, or when a module of this project it has
loaded has changed on disk since it started: a run gets the checks of the code it was started
with, as when each run had a worker of its own.

    DREIGINGSBEELD_CHECKS_SOCKET=... DREIGINGSBEELD_CHECKS_IDLE_SECONDS=... \
        python -m pipeline.plumbing.expectations_worker
"""

from __future__ import annotations

import os
import pickle
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
from typing import NoReturn

from pipeline.domain.framing import read_message, write_message
from pipeline.plumbing.allowed_folders import PROJECT_ROOT
from pipeline.plumbing.checks_socket import IDLE_VARIABLE, SOCKET_VARIABLE

# How often the service looks whether it should withdraw, in seconds.
TICK_SECONDS = 1.0


def main() -> NoReturn:
    path = Path(os.environ[SOCKET_VARIABLE])
    idle_seconds = float(os.environ[IDLE_VARIABLE])
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen(64)
    if os.fork() != 0:  # the starter waits for this exit: the socket listens from now on
        os._exit(0)
    from pipeline.plumbing.check_by_values import judge_here
    from pipeline.plumbing.check_runner import prepare_context, validate_frame

    service = Service(
        listener, path, idle_seconds, {"validate_frame": validate_frame, "judge": judge_here}
    )
    service.prepare(prepare_context)
    service.serve()
    os._exit(0)  # not waiting for a GX import still going in a service that ended idle


def watched_files(modules: Iterable[ModuleType], root: Path) -> list[str]:
    """The files the service's answers depend on: those of ``modules`` in the project ``root``
    but not in a virtual environment there, and GX's and pandas' own (a new install of either
    changes them)."""
    files = []
    for module in modules:
        file = getattr(module, "__file__", None)
        if not file:
            continue
        path = Path(file)
        inside = path.is_relative_to(root) and not {".venv", "site-packages"} & set(path.parts)
        if inside or module.__name__ in ("great_expectations", "pandas"):
            files.append(file)
    return files


def file_stamps(files: Iterable[str]) -> dict[str, tuple[int, int]]:
    """The change time and size of each file."""
    stamps = {}
    for file in files:
        info = os.stat(file)
        stamps[file] = (info.st_mtime_ns, info.st_size)
    return stamps


def changed_files(stamps: dict[str, tuple[int, int]]) -> list[str]:
    """The files of ``stamps`` that changed or went since they were stamped."""
    changed = []
    for file, stamp in stamps.items():
        try:
            info = os.stat(file)
        except FileNotFoundError:
            changed.append(file)
            continue
        if (info.st_mtime_ns, info.st_size) != stamp:
            changed.append(file)
    return changed


class Service:
    """Takes connections on ``listener`` (bound to ``path``) and answers their questions, until
    it withdraws (see the module)."""

    def __init__(
        self,
        listener: socket.socket,
        path: Path,
        idle_seconds: float,
        questions: dict[str, Callable[..., object]],
    ) -> None:
        self.listener, self.path, self.idle_seconds = listener, path, idle_seconds
        # Questions about the service, answered at once; the checks (``questions``) wait for GX
        # (``prepare``).
        self.own_questions: dict[str, Callable[..., object]] = {
            "pid": os.getpid,
            "stop": self._withdraw,
        }
        self.questions = questions
        self._inode = path.stat().st_ino
        self._stamps = self._watched_stamps()
        self._checking = threading.Lock()  # one check at a time, once GX is ready
        self._state = threading.Lock()
        self._open = 0
        self._last_closed = time.monotonic()
        self._withdrawn = False

    def prepare(self, prepare_context: Callable[[], None]) -> None:
        """Import GX and make its context in a thread, while connections are taken: checks wait
        for it, questions about the service do not."""
        self._checking.acquire()

        def prepare_then_check() -> None:
            try:
                prepare_context()
                self._stamps = self._watched_stamps()  # now with GX's and pandas' files
            finally:
                self._checking.release()

        threading.Thread(target=prepare_then_check, daemon=True).start()

    def serve(self) -> None:
        """Take connections until the service withdraws, then wait for the open ones to close."""
        self.listener.settimeout(TICK_SECONDS)
        while not self._withdrawn:
            with self._state:
                idle = self._open == 0 and time.monotonic() - self._last_closed > self.idle_seconds
            if idle or not self._socket_is_ours():
                self._withdraw()
                continue
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            if changed_files(self._stamps):
                self._withdraw()
                connection.close()  # the client starts a new service and asks it
                continue
            with self._state:
                self._open += 1
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()
        # Closed here, not by the thread that withdrew: accept() waits on it.
        self.listener.close()
        while True:
            with self._state:
                if self._open == 0:
                    return
            time.sleep(TICK_SECONDS / 10)

    def _answer(self, connection: socket.socket) -> None:
        try:
            with connection, connection.makefile("rb") as reader, connection.makefile("wb") as out:
                while (request := read_message(reader)) is not None:
                    write_message(out, self._reply(request))
                    out.flush()
        except (OSError, EOFError):
            pass  # the client went away mid-message: nothing to answer
        finally:
            with self._state:
                self._open -= 1
                self._last_closed = time.monotonic()

    def _reply(self, request: bytes) -> bytes:
        try:
            question, arguments = pickle.loads(request)  # noqa: S301
            if question in self.own_questions:
                answer: tuple[bool, object] = (True, self.own_questions[question](*arguments))
            else:
                with self._checking:
                    answer = (True, self.questions[question](*arguments))
        except Exception as error:  # the caller raises it, with its type
            answer = (False, error)
        try:
            return pickle.dumps(answer)
        except Exception:  # an error that does not pickle goes as its text
            return pickle.dumps((False, RuntimeError(f"{type(answer[1]).__name__}: {answer[1]}")))

    def _watched_stamps(self) -> dict[str, tuple[int, int]]:
        return file_stamps(watched_files(list(sys.modules.values()), PROJECT_ROOT))

    def _socket_is_ours(self) -> bool:
        try:
            return self.path.stat().st_ino == self._inode
        except FileNotFoundError:
            return False

    def _withdraw(self) -> None:
        """No new connections: the socket removed if it is still this service's (the serving
        loop then closes it and ends once the open connections close)."""
        with self._state:
            if self._withdrawn:
                return
            self._withdrawn = True
        if self._socket_is_ours():
            self.path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
