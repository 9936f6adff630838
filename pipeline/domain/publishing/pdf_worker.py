"""A process that renders pages to PDF for ``pdf.pdf_renderer``: pages in on stdin, PDFs out on
stdout, each as an 8-byte length and its bytes. It imports WeasyPrint and this package's pdf
module only, so it is ready in about a second, and it imports them before its pages come.

    python -m pipeline.domain.publishing.pdf_worker    # reads a count, then that many pages
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

_LENGTH = 8


def _write(stream: IO[bytes], data: bytes) -> None:
    stream.write(len(data).to_bytes(_LENGTH, "big"))
    stream.write(data)


def _read(stream: IO[bytes]) -> bytes:
    length = int.from_bytes(stream.read(_LENGTH), "big")
    data = stream.read(length)
    if len(data) != length:
        raise EOFError("the PDF worker stopped before it was done")
    return data


@contextmanager
def started_workers(count: int) -> Iterator[list[subprocess.Popen[bytes]]]:
    """Start ``count`` worker processes now: each imports WeasyPrint, then waits for its pages
    (``send``), so the import overlaps whatever the caller does meanwhile. Workers still
    running at the end are stopped."""
    workers = []
    try:
        for _ in range(count):
            # The worker runs this project's own module with the same interpreter: no shell, no
            # input from outside the process.
            workers.append(
                subprocess.Popen(
                    [sys.executable, "-m", "pipeline.domain.publishing.pdf_worker"],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    # where ``pipeline`` is importable, whatever folder the caller runs in
                    cwd=Path(__file__).resolve().parents[3],
                )
            )
        yield workers
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def send(worker: subprocess.Popen[bytes], pages: list[str]) -> None:
    """Hand a worker all its pages (a worker renders one batch, then ends). It reads every page
    before it writes a PDF, so the pipes cannot both fill up."""
    _write(_pipe(worker.stdin), str(len(pages)).encode())
    for html in pages:
        _write(_pipe(worker.stdin), html.encode("utf-8"))
    _pipe(worker.stdin).close()


def receive(worker: subprocess.Popen[bytes], count: int) -> list[bytes]:
    """The worker's ``count`` PDFs, once it has rendered them."""
    pdfs = [_read(_pipe(worker.stdout)) for _ in range(count)]
    if worker.wait() != 0:
        raise RuntimeError(f"the PDF worker failed with exit code {worker.returncode}")
    return pdfs


def _pipe(stream: IO[bytes] | None) -> IO[bytes]:
    if stream is None:  # Popen with PIPE always has it
        raise RuntimeError("the PDF worker has no pipe")
    return stream


def main() -> int:
    import weasyprint  # noqa: F401  (imported before the pages come: the slow part of starting)

    from pipeline.domain.publishing.pdf import html_to_pdf

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    pages = [_read(stdin).decode("utf-8") for _ in range(int(_read(stdin).decode()))]
    for html in pages:
        _write(stdout, html_to_pdf(html))
    stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
