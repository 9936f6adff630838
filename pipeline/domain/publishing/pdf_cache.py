"""PDFs kept by what they were rendered from: the page's HTML, the print stylesheet, the
rendering's settings (WeasyPrint's options, such as tagged PDF/UA, and what ``pdf`` adds to
them) and the renderer's version. A PDF is a pure function of these (the rendering is
reproducible to the byte, see ``pdf``), so a page rendered before is not rendered again: a
re-run on unchanged data writes the same PDF in milliseconds instead of seconds. No Dagster, no
DuckDB."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

# Entries kept: a few years of every edition (24 a year: two national, twenty regional); the
# oldest go first.
KEPT = 120


class PdfCache:
    def __init__(
        self, directory: Path, print_css: Path, rendering: Mapping[str, object] | None = None
    ) -> None:
        self.directory = directory
        self._renderer = b"\0".join(
            [
                print_css.read_bytes(),
                # Other settings give other PDFs from the same HTML (an untagged one, say).
                json.dumps(rendering or {}, sort_keys=True).encode(),
                version("weasyprint").encode(),
                version("pydyf").encode(),
            ]
        )

    def key(self, html: str) -> str:
        return hashlib.sha256(self._renderer + b"\0" + html.encode("utf-8")).hexdigest()

    def get(self, key: str) -> bytes | None:
        try:
            return (self.directory / f"{key}.pdf").read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, pdf: bytes) -> None:
        """Keep ``pdf``: written under a temporary name and renamed, so a reader never finds
        half a file; the oldest entries beyond ``KEPT`` are removed."""
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".part")
        with os.fdopen(handle, "wb") as file:
            file.write(pdf)
        Path(temporary).replace(self.directory / f"{key}.pdf")
        entries = sorted(self.directory.glob("*.pdf"), key=lambda p: p.stat().st_mtime_ns)
        for old in entries[:-KEPT]:
            old.unlink(missing_ok=True)
