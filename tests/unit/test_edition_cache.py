"""A year's editions kept by their data and the files they are made with: read back when
nothing changed, built anew when the data or a template, text or module changed."""

from __future__ import annotations

from pathlib import Path

import polars as pl

from pipeline.domain.publishing import edition_cache
from pipeline.domain.publishing.edition_cache import EditionCache
from pipeline.domain.publishing.report_templates import Edition
from pipeline.domain.publishing.report_text import Finding
from tests.samples import small_report_data


def counting_build():
    calls = []

    def build(data):
        calls.append(data.year)
        yield "dreigingsbeeld-2025.nl", Edition("nl", "<html>nl</html>", [Finding("f", ("a",))])
        yield "riec/RIEC01.en", Edition("en", "<html>en</html>", [])

    return calls, build


def test_unchanged_editions_are_read_back_with_their_findings(tmp_path: Path) -> None:
    cache = EditionCache(tmp_path)
    calls, build = counting_build()
    first = list(cache.editions(small_report_data(), build))
    again = list(cache.editions(small_report_data(), build))
    assert calls == [2025]
    assert again == first
    assert again[0][1].findings == [Finding("f", ("a",))]


def test_changed_data_builds_anew(tmp_path: Path) -> None:
    cache = EditionCache(tmp_path)
    calls, build = counting_build()
    list(cache.editions(small_report_data(), build))
    changed = small_report_data(key_figures=pl.DataFrame({"population": [1]}))
    list(cache.editions(changed, build))
    assert calls == [2025, 2025]


def test_a_changed_template_or_module_builds_anew(tmp_path: Path, monkeypatch) -> None:
    template = tmp_path / "region.html.j2"
    template.write_text("one", encoding="utf-8")
    monkeypatch.setattr(edition_cache, "made_from", lambda: [template])
    monkeypatch.setattr(edition_cache, "PUBLISHING_DIR", tmp_path / "a" / "b")
    cache = EditionCache(tmp_path / "kept")
    calls, build = counting_build()
    list(cache.editions(small_report_data(), build))
    template.write_text("two", encoding="utf-8")
    list(cache.editions(small_report_data(), build))
    assert calls == [2025, 2025]


def test_what_the_pages_are_made_with_includes_code_templates_texts_and_boundaries() -> None:
    names = {path.name for path in edition_cache.made_from()}
    assert {
        "report_builder.py",
        "report.html.j2",
        "region.html.j2",
        "nl.json",
        "print.css",
    } <= names
    assert "boundaries_2025.topojson" in names
