"""The small report's editions, built once per process: building one renders its charts (most of
a second), and many tests only read the same HTML."""

import functools
from collections.abc import Mapping
from types import MappingProxyType

from pipeline.domain.publishing.report_builder import build_edition
from pipeline.domain.publishing.report_region import build_region_editions
from tests.samples import small_report_data


@functools.cache
def small_edition_html(language: str) -> str:
    """The national edition of ``small_report_data()``."""
    return build_edition(small_report_data(), language).html


@functools.cache
def small_region_editions_html(language: str) -> Mapping[str, str]:
    """Each RIEC region's edition of ``small_report_data()``, by region code."""
    return MappingProxyType(
        {code: e.html for code, e in build_region_editions(small_report_data(), language)}
    )
