"""The report sections on priorities, weight sets, phenomena and regions. Pure functions, no
Dagster."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl

from pipeline.domain.publishing.charts_findings import harm_interval_chart, phenomenon_chart
from pipeline.domain.publishing.numbers import (
    format_count,
    format_rate,
    format_share,
)
from pipeline.domain.publishing.report_common import DASH, Context, phrase, svg
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_text import Texts, weight_set_name


def priorities_section(
    data: ReportData, texts: Texts, language: str, labels: Mapping[str, str]
) -> list[Context]:
    rows: list[Context] = []
    for rank, r in enumerate(data["priorities"].iter_rows(named=True), start=1):
        gap = r["is_gap"] or r["harm_score"] is None
        rows.append(
            {
                "code": r["phenomenon_code"],
                "rank": rank if not gap else None,
                "label": labels[r["phenomenon_code"]],
                "source": texts[f"measured_by_{r['source']}"]
                if r["source"]
                else texts["no_source"],
                "events": format_count(r["event_count"], language),
                "harm": format_count(r["harm_score"], language),
                "harm_interval": texts["interval"].format(
                    lower=format_count(r["harm_score_lower"], language),
                    upper=format_count(r["harm_score_upper"], language),
                )
                if not gap
                else "",
                "harm_share": format_share(r["harm_share"], language),
                "change": phrase(r, "change", texts, language) if not gap else "",
                "trend": phrase(r, "trend", texts, language) if not gap else "",
                "gap": gap,
            }
        )
    return rows


def weight_set_table(
    data: ReportData, labels: Mapping[str, str]
) -> tuple[list[str], list[Context]]:
    """The weight sets, and per phenomenon the rank each set gives it."""
    frame = data["harm_by_weight_set"]
    sets = sorted(frame["weight_set"].unique().to_list())
    ranks = {
        (r["weight_set"], r["phenomenon_code"]): r["harm_rank"] for r in frame.iter_rows(named=True)
    }
    order = [r["phenomenon_code"] for r in data["priorities"].iter_rows(named=True)]
    rows: list[Context] = [
        {"label": labels[code], "ranks": [ranks.get((s, code)) for s in sets]}
        for code in order
        if any((s, code) in ranks for s in sets)
    ]
    return sets, rows


def weights_table(
    data: ReportData, labels: Mapping[str, str], language: str, texts: Texts
) -> Context:
    frame = data["weight_sets"]
    sets = sorted(frame["weight_set"].unique().to_list())
    weights = {
        (r["weight_set"], r["phenomenon_code"]): r["weight"] for r in frame.iter_rows(named=True)
    }
    return {
        "sets": [weight_set_name(name, texts) for name in sets],
        "rows": [
            {
                "label": labels.get(code, code),
                "values": [format_rate(weights.get((s, code)), language, 1) for s in sets],
            }
            for code in sorted(labels, key=lambda c: labels[c])
        ],
    }


def phenomenon_sections(
    data: ReportData, texts: Texts, language: str, labels: Mapping[str, str]
) -> list[Context]:
    regional = data["phenomenon_regions"]
    sections: list[Context] = []
    for r in data["priorities"].iter_rows(named=True):
        code = r["phenomenon_code"]
        regions = regional.filter(pl.col("phenomenon_code") == code).head(3)
        top = [
            texts["region_rate"].format(
                region=g["region_name"].removeprefix("RIEC "),
                rate=format_rate(g["rate_per_100k"], language),
                lower=format_rate(g["rate_per_100k_lower"], language),
                upper=format_rate(g["rate_per_100k_upper"], language),
            )
            for g in regions.iter_rows(named=True)
        ]
        if r["is_gap"] or r["event_count"] is None:
            summary = texts["phenomenon_gap"]
        else:
            summary = texts["phenomenon_summary"].format(
                events=format_count(r["event_count"], language),
                measure=texts[f"measure_{r['source']}"],
                rate=format_rate(r["rate_per_100k"], language),
                change=phrase(r, "change", texts, language),
                trend=phrase(r, "trend", texts, language),
            )
        series = data["national_series"].filter(pl.col("phenomenon_code") == code)
        chart = phenomenon_chart(series, regions, texts["small_trend_y"], texts["small_regions_x"])
        alt_key = "phenomenon_chart_alt" if series.height else "phenomenon_regions_alt"
        sections.append(
            {
                "code": code,
                "label": labels[code],
                "summary": summary,
                "top_regions": top,
                "chart": svg(chart, language) if chart is not None else None,
                "chart_alt": texts[alt_key].format(
                    label=labels[code].lower() if language == "nl" else labels[code],
                    first_year=series["year"].min() if series.height else data.year,
                    year=data.year,
                ),
            }
        )
    return sections


def headline_section(
    data: ReportData, texts: Texts, language: str, labels: Mapping[str, str]
) -> Context:
    """The chart beside the key findings: harm per phenomenon with its interval; the
    phenomena without a measure are named under it."""
    priorities = data["priorities"]
    measured = priorities.filter(pl.col("harm_score").is_not_null() & ~pl.col("is_gap"))
    gaps = priorities.filter(pl.col("harm_score").is_null() | pl.col("is_gap"))
    ranking = ", ".join(
        f"{labels[r['phenomenon_code']]} {format_count(r['harm_score'], language)}"
        for r in measured.sort("harm_score", descending=True).iter_rows(named=True)
    )
    return {
        "headline_svg": svg(
            harm_interval_chart(priorities, dict(labels), texts["headline_x"]), language
        )
        if measured.height
        else None,
        "headline_alt": texts["headline_alt"].format(year=data.year, ranking=ranking),
        "headline_gaps": ", ".join(labels[code] for code in gaps["phenomenon_code"]),
    }


def region_rows(frame: pl.DataFrame, language: str) -> list[Context]:
    return [
        {
            "name": r["region_name"],
            "population": format_count(r["population"], language),
            "registered_crimes": format_count(r["registered_crimes"], language),
            "registered_crimes_per_100k": format_rate(r["registered_crimes_per_100k"], language),
            "harm_per_100k": format_rate(r["harm_per_100k"], language, 0),
            "harm_per_100k_value": r["harm_per_100k"],
            "drug_sites": format_count(r["drug_sites"], language),
            "rank": r["harm_rank"],
            "count_ranks": f"{r['count_rank_lower']}{DASH}{r['count_rank_upper']}"
            if r["count_rank_lower"] is not None
            else "",
            "weight_ranks": f"{r['weight_rank_lower']}{DASH}{r['weight_rank_upper']}"
            if r["weight_rank_lower"] is not None
            else "",
        }
        for r in frame.iter_rows(named=True)
    ]
