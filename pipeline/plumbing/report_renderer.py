"""The report's renderers as a resource: the PDF worker processes and the chart engine start
when a run that writes the report begins, so that their start (about a second of importing
WeasyPrint per worker) overlaps the run's data steps, which leave a core idle."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager

from dagster import ConfigurableResource, InitResourceContext
from pydantic import Field, PrivateAttr

from pipeline.domain.publishing.pdf import PdfRenderer, pdf_renderer


def _prepare_report_builder() -> None:
    from pipeline.domain.publishing import report_builder  # noqa: F401  (Altair, Jinja)
    from pipeline.domain.publishing.charts import start_renderer

    start_renderer()


class ReportRenderer(ConfigurableResource):
    """Renders the report's pages to PDF in worker processes started with the run."""

    pdf_processes: int = Field(
        default=0,
        description="Processes that render PDF pages side by side; 0 for one per CPU.",
    )
    _running: ExitStack | None = PrivateAttr(default=None)
    _renderer: PdfRenderer | None = PrivateAttr(default=None)

    def setup_for_execution(self, context: InitResourceContext) -> None:
        # The report's templates and charts are imported, and the charts' JavaScript engine
        # warms up, in a thread of this process meanwhile.
        threading.Thread(target=_prepare_report_builder, daemon=True).start()
        self._running = ExitStack()
        self._renderer = self._running.enter_context(pdf_renderer(self.pdf_processes or None))

    def teardown_after_execution(self, context: InitResourceContext) -> None:
        if self._running is not None:
            running, self._running, self._renderer = self._running, None, None
            running.close()

    @contextmanager
    def pdfs(self) -> Iterator[PdfRenderer]:
        """The run's renderer; outside a run, one started for the caller."""
        if self._renderer is not None:
            yield self._renderer
            return
        with pdf_renderer(self.pdf_processes or None) as renderer:
            yield renderer
