"""A process that renders pages to PDF for ``pdf.pdf_renderer``: pages in on stdin, one result
out on stdout per page, in order, until stdin closes. A page is an 8-byte length and its bytes;
a result is one status byte (``OK`` or ``FAILED``), an 8-byte length and the PDF or the error.
It imports WeasyPrint and this package's pdf module only, so it is ready in about a second, and
it imports them before its first page comes.

Each side reads what the other writes as it comes, in a thread of its own: a PDF is larger
than a pipe holds, so a worker whose results were not read would wait after its first page
(the caller used to read one worker's results after the other's, and the workers took turns
instead of rendering side by side).

    python -m pipeline.domain.publishing.pdf_worker
"""

from __future__ import annotations

import collections
import queue
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from pipeline.domain.framing import pipe, read_message, write_message

OK, FAILED = b"\x00", b"\x01"


class PageFailed(RuntimeError):
    """A page could not be rendered; the message is the worker's error, with its type."""


class Worker:
    """A worker process, with its results read as they come. ``on_pdf``, if set, is called with
    each PDF and the tag its page was sent with, as soon as it comes (to keep it in a cache:
    a run stopped before it reads its results keeps what was rendered)."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        self.process = process
        self.results: queue.SimpleQueue[tuple[bytes, bytes] | Exception | None] = (
            queue.SimpleQueue()
        )
        self.sent: collections.deque[str | None] = collections.deque()  # tags, oldest first
        self.on_pdf: Callable[[str, bytes], None] | None = None
        threading.Thread(target=_read_results, args=(self,), daemon=True).start()


def _read_results(worker: Worker) -> None:
    stdout = pipe(worker.process.stdout)
    while status := stdout.read(1):
        data = read_message(stdout)
        if data is None:
            break
        tag = worker.sent.popleft()
        try:
            if status == OK and tag is not None and worker.on_pdf is not None:
                worker.on_pdf(tag, data)
        except Exception as error:  # for the caller: this thread must go on reading
            worker.results.put(error)
        worker.results.put((status, data))
    worker.results.put(None)  # the worker has stopped


def start_worker() -> Worker:
    """Start a worker process now: it imports WeasyPrint, then waits for pages (``send``), so
    the import overlaps whatever the caller does meanwhile."""
    # The worker runs this project's own module with the same interpreter: no shell, no input
    # from outside the process.
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline.domain.publishing.pdf_worker"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        # where ``pipeline`` is importable, whatever folder the caller runs in
        cwd=Path(__file__).resolve().parents[3],
    )
    return Worker(process)


@contextmanager
def worker_pool(count: int) -> Iterator[WorkerPool]:
    """A pool of ``count`` workers, started at its first ``started()``; workers still running
    at the end are stopped."""
    pool = WorkerPool(count)
    try:
        yield pool
    finally:
        for worker in pool.workers:
            if worker.process.poll() is None:
                worker.process.kill()
                worker.process.wait()


class WorkerPool:
    """``count`` workers, started when first asked for: a run whose pages all come from the
    cache starts none (each would import WeasyPrint, about a second of CPU, for nothing)."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.workers: list[Worker] = []
        self.on_pdf: Callable[[str, bytes], None] | None = None

    def started(self) -> list[Worker]:
        if not self.workers:
            self.workers = [start_worker() for _ in range(self.count)]
            for worker in self.workers:
                worker.on_pdf = self.on_pdf
        return self.workers


def send(worker: Worker, html: str, tag: str | None = None) -> None:
    """Hand a worker one page, with a tag for ``on_pdf``; it starts on it at once. The worker
    reads its input as it comes, so this never waits for a render, however many pages are sent
    before the results are read."""
    worker.sent.append(tag)  # before the page goes: its PDF may come back at once
    stdin = pipe(worker.process.stdin)
    write_message(stdin, html.encode("utf-8"))
    stdin.flush()


def receive(worker: Worker, count: int) -> list[bytes]:
    """The worker's next ``count`` PDFs, in the order its pages were sent. Raises
    ``PageFailed`` with the worker's error if a page could not be rendered."""
    pdfs = []
    for _ in range(count):
        result = worker.results.get()
        if isinstance(result, Exception):
            raise result
        if result is None:
            worker.results.put(None)  # and for any later call
            raise RuntimeError(f"the PDF worker stopped (exit code {worker.process.wait()})")
        status, data = result
        if status != OK:
            raise PageFailed(data.decode("utf-8"))
        pdfs.append(data)
    return pdfs


def finish(worker: Worker) -> None:
    """Tell the worker no more pages come, and wait for it to end."""
    pipe(worker.process.stdin).close()
    if worker.process.wait() != 0:
        raise RuntimeError(f"the PDF worker failed with exit code {worker.process.returncode}")


def _drain(stdin: IO[bytes], pages: queue.SimpleQueue[str | None]) -> None:
    """Read pages as they come, so that the sender never waits on a full pipe."""
    while (data := read_message(stdin)) is not None:
        pages.put(data.decode("utf-8"))
    pages.put(None)  # stdin has closed: no more pages


def main() -> int:
    import weasyprint  # noqa: F401  (imported before the pages come: the slow part of starting)

    from pipeline.domain.publishing.pdf import html_to_pdf

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    pages: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    threading.Thread(target=_drain, args=(stdin, pages), daemon=True).start()
    while (html := pages.get()) is not None:
        try:
            result, status = html_to_pdf(html), OK
        except Exception as error:  # the caller gets the error, with its type
            result, status = f"{type(error).__name__}: {error}".encode(), FAILED
        stdout.write(status)
        write_message(stdout, result)
        stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
