"""PDFs kept by what they were rendered from: the page's HTML, the print stylesheet, the
rendering's settings (WeasyPrint's options, such as tagged PDF/UA, and what ``pdf`` adds to
them) and the renderer's version. A PDF is a pure function of these (the rendering is
reproducible to the byte, see ``pdf``), so a page rendered before is not rendered again: a
re-run on unchanged data writes the same PDF in milliseconds instead of seconds. No Dagster, no
DuckDB."""

from __future__ import annotations

import json
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

from pipeline.domain.publishing.kept_files import KeptFiles, key_of

# Entries kept: a few years of every edition (24 a year: two national, twenty regional); the
# oldest go first.
KEPT = 120


class PdfCache:
    def __init__(
        self, directory: Path, print_css: Path, rendering: Mapping[str, object] | None = None
    ) -> None:
        self.directory = directory
        self._files = KeptFiles(directory, ".pdf", KEPT)
        self._renderer = [
            print_css.read_bytes(),
            # Other settings give other PDFs from the same HTML (an untagged one, say).
            json.dumps(rendering or {}, sort_keys=True).encode(),
            version("weasyprint").encode(),
            version("pydyf").encode(),
        ]

    def key(self, html: str) -> str:
        return key_of(*self._renderer, html.encode("utf-8"))

    def get(self, key: str) -> bytes | None:
        return self._files.get(key)

    def put(self, key: str, pdf: bytes) -> None:
        """Keep ``pdf``; the oldest entries beyond ``KEPT`` are removed."""
        self._files.put(key, pdf)
