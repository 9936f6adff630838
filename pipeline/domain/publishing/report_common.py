"""Helpers the report sections share: the dash, inline SVG, and changes in words. Pure functions,
no Dagster."""

from __future__ import annotations

from markupsafe import Markup

from pipeline.domain.publishing import charts
from pipeline.domain.publishing.report_data import Row
from pipeline.domain.publishing.report_text import Texts, change_phrase

# Ranges of ranks are written with an en dash; "no value" too (as numbers.MISSING).
DASH = "\u2013"
# What a section hands the report's template: the names it reads and their values.
Context = dict[str, object]


def svg(chart: charts.Chart, language: str) -> Markup:
    # vl-convert writes the SVG and escapes the data's text inside it; safe to inline.
    return Markup(charts.render_svg(chart, language))  # noqa: S704


def phrase(row: Row, prefix: str, texts: Texts, language: str) -> str:
    """The change or trend of a row in words, with its interval and likelihood."""
    if prefix == "change":
        value, low, high, p = (
            row["change_on_previous_year"],
            row["change_lower"],
            row["change_upper"],
            row["change_p_value"],
        )
    else:
        value, low, high, p = (
            row["trend_yearly_change"],
            row["trend_lower"],
            row["trend_upper"],
            row["trend_p_value"],
        )
    if value is None:
        return texts["no_estimate"]
    return change_phrase(value, low, high, p, texts, language)
