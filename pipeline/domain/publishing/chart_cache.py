"""Rendered charts kept by their spec: a chart is a pure function of its Vega-Lite spec, the
locale and vl-convert's version, so an unchanged chart of a re-run is read back instead of drawn
again. Set per process with ``keep_charts_in`` (light: no Altair, no vl-convert imported).
No Dagster."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from pipeline.domain.publishing.kept_files import KeptFiles, key_of

KEPT = 2000  # a few years of every edition's charts (about a hundred a year)
_KEPT: dict[str, KeptFiles] = {}


def keep_charts_in(directory: Path | None) -> None:
    """Keep rendered charts in ``directory`` from now on (None: keep none)."""
    _KEPT.clear()
    if directory is not None:
        _KEPT["charts"] = KeptFiles(directory, ".svg", KEPT)


def kept_or_drawn(
    spec: dict[str, Any], language: str, draw: Callable[[dict[str, Any], str], str]
) -> str:
    """The chart of ``spec`` as kept, or ``draw(spec, language)`` (then kept)."""
    kept = _KEPT.get("charts")
    if kept is None:
        return draw(spec, language)
    text = json.dumps(spec, sort_keys=True, separators=(",", ":"), default=str)
    key = key_of(text.encode(), language.encode(), version("vl-convert-python").encode())
    found = kept.get(key)
    if found is not None:
        return found.decode("utf-8")
    svg = draw(spec, language)
    kept.put(key, svg.encode("utf-8"))
    return svg
