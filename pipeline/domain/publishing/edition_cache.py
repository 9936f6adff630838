"""A year's editions kept by everything they are made from: the report data, and the code,
templates, texts, stylesheets and boundaries that turn it into pages. Building the 24 editions
of a year (national and regional, two languages) takes seconds of chart building; a re-run on
unchanged data reads them back instead. No Dagster, no DuckDB."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from importlib.metadata import version
from pathlib import Path

from pipeline.domain.publishing.kept_files import KeptFiles, key_of
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_templates import BOUNDARIES, REPORTS_DIR, Edition
from pipeline.domain.publishing.report_text import Finding

PUBLISHING_DIR = Path(__file__).resolve().parent
KEPT = 40  # years of editions (each file holds a year's 24)
# The libraries that draw the charts and fill the templates.
LIBRARIES = ("altair", "vl-convert-python", "jinja2", "polars")

Editions = Iterator[tuple[str, Edition]]


def made_from() -> list[Path]:
    """Every file the pages are made with besides the data (a change in any makes new pages)."""
    return sorted(
        [
            *PUBLISHING_DIR.parent.rglob("*.py"),
            *(REPORTS_DIR / "templates").glob("*"),
            *(REPORTS_DIR / "i18n").glob("*"),
            *(REPORTS_DIR / "static").glob("*"),
            BOUNDARIES,
        ]
    )


def inputs_key(data: ReportData) -> str:
    parts = [str(data.year).encode()]
    for name in sorted(data.frames):
        parts += [name.encode(), data.frames[name].write_csv().encode()]
    for path in made_from():
        parts += [str(path.relative_to(PUBLISHING_DIR.parents[2])).encode(), path.read_bytes()]
    parts += [version(package).encode() for package in LIBRARIES]
    return key_of(*parts)


class EditionCache:
    def __init__(self, directory: Path) -> None:
        self._files = KeptFiles(directory, ".json", KEPT)

    def editions(self, data: ReportData, build: Callable[[ReportData], Editions]) -> Editions:
        """The year's editions (by their file's name), as kept, or as ``build`` makes them one
        by one (then kept)."""
        key = inputs_key(data)
        found = self._files.get(key)
        if found is not None:
            yield from _decoded(found)
            return
        made = []
        for name, edition in build(data):
            made.append((name, edition))
            yield name, edition
        self._files.put(key, _encoded(made))


def _encoded(editions: list[tuple[str, Edition]]) -> bytes:
    return json.dumps(
        [
            [name, e.language, e.html, [[f.text, list(f.datasets)] for f in e.findings]]
            for name, e in editions
        ]
    ).encode("utf-8")


def _decoded(content: bytes) -> Editions:
    for name, language, html, findings in json.loads(content):
        yield name, Edition(language, html, [Finding(text, tuple(sets)) for text, sets in findings])
