"""Rendered charts kept by their spec: an unchanged chart is read back, not drawn again, and a
changed spec or another locale is drawn anew."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.domain.publishing import chart_cache

SPEC = {"mark": "point", "data": {"values": [{"x": 1}]}, "encoding": {"x": {"field": "x"}}}


@pytest.fixture
def drawn(tmp_path: Path):
    calls: list[tuple[dict, str]] = []

    def draw(spec: dict, language: str) -> str:
        calls.append((spec, language))
        return f"<svg>{len(calls)}</svg>"

    chart_cache.keep_charts_in(tmp_path)
    yield calls, draw
    chart_cache.keep_charts_in(None)


def test_an_unchanged_chart_is_read_back(drawn) -> None:
    calls, draw = drawn
    first = chart_cache.kept_or_drawn(SPEC, "nl", draw)
    again = chart_cache.kept_or_drawn(dict(SPEC), "nl", draw)
    assert first == again == "<svg>1</svg>" and len(calls) == 1


def test_another_spec_or_locale_is_drawn_anew(drawn) -> None:
    calls, draw = drawn
    chart_cache.kept_or_drawn(SPEC, "nl", draw)
    chart_cache.kept_or_drawn(SPEC, "en", draw)
    chart_cache.kept_or_drawn({**SPEC, "mark": "bar"}, "nl", draw)
    assert len(calls) == 3


def test_without_a_folder_every_chart_is_drawn(tmp_path: Path) -> None:
    calls = []
    chart_cache.keep_charts_in(None)
    for _ in range(2):
        chart_cache.kept_or_drawn(SPEC, "nl", lambda s, lang: calls.append(s) or "<svg/>")
    assert len(calls) == 2 and not list(tmp_path.iterdir())
