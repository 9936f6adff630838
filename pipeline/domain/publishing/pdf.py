"""Render the report's HTML to PDF with WeasyPrint, for the PDF editions.

Pure functions, no Dagster. The PDF comes from the very HTML the web edition publishes; the
print layout (A4, page numbers, table of contents, page breaks) is the extra stylesheet
``reports/static/print.css``, so the HTML is not edited for print.

Offline: only ``data:`` URLs are resolved. Any other resource the HTML asks for (http, https,
file, ...) makes ``html_to_pdf`` raise ``ExternalResourceError``; nothing is fetched.

Reproducible: the same HTML gives the same PDF bytes at any time. WeasyPrint writes no
creation or modification date unless the HTML declares one (``<meta name="dcterms.created">``,
so the date then comes from the HTML), font subsets are named from a hash of the font, the
subsets keep a date that is not the clock's (HarfBuzz keeps the font's own ``head.modified``;
fontTools, WeasyPrint's fallback without HarfBuzz-subset, stamps the render's time unless
SOURCE_DATE_EPOCH is set, so it is set for the render), and the PDF file identifier (/ID) is
the MD5 of the PDF's own objects instead of a random one.

Accessible: the PDF is tagged PDF/UA-1 (WeasyPrint's ``pdf/ua-1`` variant): a structure tree
in the HTML's order, the title and language of the HTML, bookmarks from the headings, the
PDF/UA identification in XMP (which for PDF/UA-1 holds no date and no random id). WeasyPrint
reads a chart's alternative text only from the SVG's own ``<title>`` and a header cell's
direction not at all, so ``html_to_pdf`` adds both from the HTML's own markup.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, Protocol, cast
from xml.etree import ElementTree

from pipeline.domain.publishing import pdf_worker
from pipeline.domain.publishing.pdf_cache import PdfCache

PRINT_CSS = Path(__file__).resolve().parents[3] / "reports" / "static" / "print.css"
# The font subsets' modification date: 2000-01-01 (any fixed date would do; a PDF viewer shows
# the document's date, not this one).
FONT_SUBSET_EPOCH = "946684800"
# WeasyPrint's options for every PDF: tagged PDF/UA-1, and /ID from the MD5 of the PDF's
# objects (present, the same for the same HTML).
PDF_OPTIONS: dict[str, object] = {"pdf_variant": "pdf/ua-1", "pdf_identifier": True}
# What html_to_pdf adds to WeasyPrint's tags (charts' alt text, header cells' scope): raise it
# when that changes. The PDF cache keys on it and on PDF_OPTIONS, so that no PDF made the old
# way is served.
TAGGING_REVISION = 1
RENDERING: dict[str, object] = {"options": PDF_OPTIONS, "tagging": TAGGING_REVISION}
SVG = "{http://www.w3.org/2000/svg}"


class ExternalResourceError(RuntimeError):
    """The HTML refers to a resource outside itself; PDFs are rendered without fetching any."""


class _Fetcher(Protocol):
    refused: list[str]  # the URLs it would not fetch


@cache
def _offline_fetcher_class() -> Callable[[], _Fetcher]:
    # WeasyPrint is imported on first use: importing it reads its own stylesheets, and
    # importing the project's definitions must read no file.
    from weasyprint.urls import URLFetcher

    class OfflineFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no type hints
        """Resolves ``data:`` URLs and refuses everything else, remembering what it refused.

        WeasyPrint turns a failing fetch into a warning and renders without the resource,
        unless the fetcher fails on errors: then the render stops. Inline SVG catches even that
        while drawing, so the refused URLs are also kept and checked after the render.
        """

        def __init__(self) -> None:
            super().__init__(
                allowed_protocols=("data",), allow_redirects=False, fail_on_errors=True
            )
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> object:
            if not url.strip().lower().startswith("data:"):
                self.refused.append(url)
                raise ExternalResourceError(
                    f"the PDF is rendered offline, refused to fetch {url!r}"
                )
            return super().fetch(url, headers)

    return OfflineFetcher


def html_to_pdf(html: str) -> bytes:
    """The report's ``html`` as PDF bytes, laid out for print by ``print.css``.

    Raises ``ExternalResourceError`` if the HTML (or a stylesheet) refers to anything but
    ``data:`` URLs.
    """
    from weasyprint import CSS, HTML
    from weasyprint.urls import FatalURLFetchingError

    fetcher = _offline_fetcher_class()()
    try:
        with _fixed_font_dates():
            page = HTML(string=html, url_fetcher=fetcher)
            _title_charts(page.etree_element)
            # Without a target, write_pdf returns the PDF's bytes (WeasyPrint has no type hints).
            pdf = cast(
                bytes,
                page.write_pdf(
                    stylesheets=[CSS(filename=PRINT_CSS, url_fetcher=fetcher)],
                    finisher=_scope_header_cells,
                    **PDF_OPTIONS,
                ),
            )
    except FatalURLFetchingError as error:
        cause = error.__cause__
        if isinstance(cause, ExternalResourceError):
            raise cause from None
        raise ExternalResourceError(str(error)) from cause
    if fetcher.refused:
        raise ExternalResourceError(
            f"the PDF is rendered offline, refused to fetch {', '.join(map(repr, fetcher.refused))}"
        )
    return pdf


def _title_charts(root: ElementTree.Element) -> None:
    """Give each chart's SVG a ``<title>``: the ``aria-label`` of its ``role="img"`` container,
    the chart's alternative text on the web. WeasyPrint makes an inline SVG a tagged figure
    whose alternative text (``/Alt``) is the SVG's ``<title>``, and reads no ARIA. Only the
    parsed page is changed, not the published HTML; an SVG that has a title keeps it."""
    for container in root.iter():
        label = (container.get("aria-label") or "").strip()
        if container.get("role") != "img" or not label:
            continue
        for svg in container.iter(f"{SVG}svg"):
            if svg.find(f"{SVG}title") is None:
                title = ElementTree.Element(f"{SVG}title")
                title.text = label
                svg.insert(0, title)


def _scope_header_cells(document: Any, pdf: Any) -> None:
    """WeasyPrint's finisher: ``/Scope`` on the tag of every header cell (``/Row`` for
    ``scope="row"``, else ``/Column``, as WeasyPrint itself links cells to headers), so that a
    reader that looks at the headers, not only at the cells' ``/Headers``, knows what they head.
    WeasyPrint keeps each cell's tag on its box (``mark``); ``pdf`` is written after this."""
    for page in document.pages:
        boxes = [page._page_box]
        while boxes:
            box = boxes.pop()
            boxes.extend(getattr(box, "children", ()))
            tag = getattr(box, "mark", None)
            if tag is not None and box.element_tag == "th":
                tag["A"]["Scope"] = "/Row" if box.element.get("scope") == "row" else "/Column"


@contextmanager
def _fixed_font_dates() -> Iterator[None]:
    """SOURCE_DATE_EPOCH set for the render (fontTools reads it when it saves a subset), as it
    was after."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = before or FONT_SUBSET_EPOCH
    try:
        yield
    finally:
        if before is None:
            del os.environ["SOURCE_DATE_EPOCH"]


class PdfRenderer:
    """Renders pages to PDF in worker processes while the caller goes on: ``submit`` hands a
    page to a worker at once, ``results`` gives the PDFs in the order the pages came. With a
    cache, a page rendered before is taken from it instead, and each PDF is kept in it as soon
    as it is rendered (a run killed before its results are read keeps what was rendered). The
    workers start with the first page the cache does not hold."""

    def __init__(self, pool: pdf_worker.WorkerPool, cache: PdfCache | None = None) -> None:
        self._pool = pool
        self._cache = cache
        self._keeping = threading.Lock()  # each worker's results come in a thread of their own
        pool.on_pdf = self._keep
        # Per page submitted: its PDF when the cache had it, else the worker rendering it.
        self._pages: list[bytes | int] = []
        self._rendered = 0  # pages sent to a worker so far

    def submit(self, html: str) -> None:
        key = self._cache.key(html) if self._cache else None
        cached = self._cache.get(key) if self._cache and key else None
        if cached is not None:
            self._pages.append(cached)
            return
        workers = self._pool.started()
        worker = self._rendered % len(workers)
        pdf_worker.send(workers[worker], html, key)
        self._rendered += 1
        self._pages.append(worker)

    def _keep(self, key: str, pdf: bytes) -> None:
        if self._cache is not None:
            with self._keeping:
                self._cache.put(key, pdf)

    @property
    def pending(self) -> int:
        """Pages sent to a worker whose PDFs have not been read."""
        return sum(1 for page in self._pages if isinstance(page, int))

    def results(self) -> list[bytes]:
        """The PDFs of every page submitted since the last call, in order. Raises
        ``ExternalResourceError`` as ``html_to_pdf`` does."""
        workers = [page for page in self._pages if isinstance(page, int)]
        try:
            received = {
                index: iter(pdf_worker.receive(worker, workers.count(index)))
                for index, worker in enumerate(self._pool.workers)
            }
        except pdf_worker.PageFailed as failure:
            kind, _, message = str(failure).partition(": ")
            if kind == ExternalResourceError.__name__:
                raise ExternalResourceError(message) from None
            raise
        # A worker's PDFs went into the cache as they came (``_keep``).
        pdfs = [page if isinstance(page, bytes) else next(received[page]) for page in self._pages]
        self._pages = []
        return pdfs


@contextmanager
def pdf_renderer(
    processes: int | None = None, cache_dir: Path | None = None
) -> Iterator[PdfRenderer]:
    """Yield a renderer with ``processes`` workers (by default one per CPU), started at the
    first page to render. A page takes seconds, almost all of it in WeasyPrint's layout, which
    holds the GIL, so pages render in processes of their own. Each worker imports WeasyPrint as
    it starts (about a second), which overlaps the caller's building of the next pages. The
    renderer can be used for several batches of pages (``results`` after each). With
    ``cache_dir``, PDFs are kept there by what they were rendered from (``pdf_cache``)."""
    count = max(1, processes or os.cpu_count() or 1)
    with pdf_worker.worker_pool(count) as pool:
        renderer = PdfRenderer(
            pool, PdfCache(cache_dir, PRINT_CSS, RENDERING) if cache_dir else None
        )
        yield renderer
        if not renderer.pending:  # else the workers are stopped, their pages left unread
            for worker in pool.workers:
                pdf_worker.finish(worker)
