"""The report's renderers as a resource: how many PDF worker processes, and where rendered PDFs
are kept so that an unchanged edition is not rendered again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from dagster import ConfigurableResource, InitResourceContext
from pydantic import Field

from pipeline.domain.publishing.chart_cache import keep_charts_in
from pipeline.domain.publishing.pdf import PdfRenderer, pdf_renderer
from pipeline.plumbing.allowed_folders import check_allowed

if TYPE_CHECKING:
    from pipeline.domain.publishing.edition_cache import EditionCache


def _prepare_report_builder() -> None:
    from pipeline.domain.publishing import report_builder  # noqa: F401  (Altair, Jinja)
    from pipeline.domain.publishing.charts import start_renderer

    start_renderer()


class ReportRenderer(ConfigurableResource):
    """Renders the report's pages to PDF in worker processes."""

    pdf_processes: int = Field(
        default=0,
        description="Processes that render PDF pages side by side; 0 for one per CPU.",
    )
    pdf_cache_dir: str = Field(
        default="",
        description="Folder where PDFs are kept by what they were rendered from, so that an "
        "unchanged edition is not rendered again; empty for no cache.",
    )

    chart_cache_dir: str = Field(
        default="",
        description="Folder where rendered charts are kept by their spec, so that an unchanged "
        "chart is not drawn again; empty for no cache.",
    )

    edition_cache_dir: str = Field(
        default="",
        description="Folder where a year's editions (HTML) are kept by the data and the code "
        "they are made from, so that unchanged editions are not built again; empty for none.",
    )

    def setup_for_execution(self, context: InitResourceContext) -> None:
        for name in ("pdf_cache_dir", "chart_cache_dir", "edition_cache_dir"):
            if getattr(self, name):
                check_allowed(f"renderer.{name}", getattr(self, name))

    def edition_cache(self) -> EditionCache | None:
        # Imported here: it brings the templates' modules, which loading the definitions need not.
        from pipeline.domain.publishing.edition_cache import EditionCache

        return EditionCache(Path(self.edition_cache_dir)) if self.edition_cache_dir else None

    @contextmanager
    def pdfs(self) -> Iterator[PdfRenderer]:
        """A renderer whose workers start at the first page the PDF cache does not hold (a run
        whose editions did not change starts none). The report's templates and charts are
        imported, and the charts' JavaScript engine warms up, in a thread meanwhile. (Workers
        started with the run instead took the CPU from Great Expectations' start, which the run
        waits for.)"""
        keep_charts_in(Path(self.chart_cache_dir) if self.chart_cache_dir else None)
        threading.Thread(target=_prepare_report_builder, daemon=True).start()
        cache_dir = Path(self.pdf_cache_dir) if self.pdf_cache_dir else None
        with pdf_renderer(self.pdf_processes or None, cache_dir) as renderer:
            yield renderer
