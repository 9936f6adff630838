"""Build one edition of the yearly report (Dutch or English) from the report data: the
template's context, the charts and the HTML. Pure functions, no Dagster.

Every number in the text comes from the data; the i18n files decide only the wording. Every
figure that is printed or charted carries the dataset it comes from, so that the manifest can
name the SQL file and parameters behind it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
from babel import Locale
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from pipeline.domain.publishing import charts
from pipeline.domain.publishing.numbers import (
    format_count,
    format_euros,
    format_rate,
    format_share,
)
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_quality import aggregate_rows, quality_rows, quarantine_rows
from pipeline.domain.publishing.report_text import (
    YARDSTICK,
    Finding,
    change_phrase,
    key_findings,
    weight_set_name,
)

# Ranges of ranks are written with an en dash; "no value" too (as numbers.MISSING).
DASH = "\u2013"
REPORTS_DIR = Path(__file__).resolve().parents[3] / "reports"
LANGUAGES = ("nl", "en")
# Section ids, in reading order: the same in both editions (links and the manifest use them).
SECTIONS = (
    "findings",
    "priorities",
    "phenomena",
    "regions",
    "sectors",
    "trends",
    "flows",
    "financial",
    "policy",
    "quality",
    "method",
    "sources",
)


def load_texts(language: str) -> dict[str, str]:
    return json.loads((REPORTS_DIR / "i18n" / f"{language}.json").read_text(encoding="utf-8"))


def _svg(chart, language: str) -> Markup:
    # vl-convert writes the SVG and escapes the data's text inside it; safe to inline.
    return Markup(charts.render_svg(chart, language))  # noqa: S704


def _phrase(row: dict, prefix: str, texts: dict[str, str], language: str) -> str:
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


def _priorities(data: ReportData, texts, language, labels) -> list[dict]:
    rows = []
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
                "change": _phrase(r, "change", texts, language) if not gap else "",
                "trend": _phrase(r, "trend", texts, language) if not gap else "",
                "gap": gap,
            }
        )
    return rows


def _weight_sets(data: ReportData, labels) -> tuple[list[str], list[dict]]:
    frame = data["harm_by_weight_set"]
    sets = sorted(frame["weight_set"].unique().to_list())
    ranks = {
        (r["weight_set"], r["phenomenon_code"]): r["harm_rank"] for r in frame.iter_rows(named=True)
    }
    order = [r["phenomenon_code"] for r in data["priorities"].iter_rows(named=True)]
    rows = [
        {"label": labels[code], "ranks": [ranks.get((s, code)) for s in sets]}
        for code in order
        if any((s, code) in ranks for s in sets)
    ]
    return sets, rows


def _phenomenon_sections(data: ReportData, texts, language, labels) -> list[dict]:
    regional = data["phenomenon_regions"]
    sections = []
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
                change=_phrase(r, "change", texts, language),
                trend=_phrase(r, "trend", texts, language),
            )
        sections.append(
            {"code": code, "label": labels[code], "summary": summary, "top_regions": top}
        )
    return sections


def _region_rows(frame: pl.DataFrame, language: str) -> list[dict]:
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


def _sectors(data: ReportData, texts, language) -> dict[str, Any]:
    exposure = data["sector_exposure"]
    label = f"sector_label_{language}"
    phenomenon = f"phenomenon_label_{language}"
    heat = charts.heat_map(exposure, label, phenomenon, "per_1000_establishments", DASH, ",.1f")
    columns = sorted(exposure[phenomenon].unique().to_list())
    table = []
    for (sector,), rows in exposure.sort(label).group_by([label], maintain_order=True):
        cells = {r[phenomenon]: r for r in rows.iter_rows(named=True)}
        table.append(
            {
                "sector": sector,
                "cells": [
                    format_rate(cells[c]["per_1000_establishments"], language, 1)
                    if cells[c]["has_source"]
                    else texts["no_source_short"]
                    for c in columns
                ],
            }
        )
    index = (
        exposure.group_by(
            label, "index_value", "index_rank", "rank_min", "rank_max", "indicators_used"
        )
        .agg()
        .sort(["index_rank", label], nulls_last=True)
    )
    return {
        "sectors_svg": _svg(heat, language),
        "sector_columns": columns,
        "sector_rows": table,
        "sector_index": [
            {
                "sector": r[label],
                "rank": r["index_rank"],
                "range": f"{r['rank_min']}{DASH}{r['rank_max']}"
                if r["rank_min"] is not None
                else "",
                "value": format_rate(r["index_value"], language, 1),
                "used": r["indicators_used"],
            }
            for r in index.iter_rows(named=True)
        ],
    }


def _flows(data: ReportData, texts, language) -> dict[str, Any]:
    names = Locale.parse(language).territories
    flows = (
        data["seizure_flows"]
        .group_by("departure_country")
        .agg(
            pl.col("seizures").sum(), pl.col("weight_kg").sum(), pl.col("weight_kg_previous").sum()
        )
        .with_columns(
            pl.col("departure_country")
            .map_elements(lambda code: names.get(code, code), return_dtype=pl.String)
            .alias("country")
        )
        .sort(["weight_kg", "departure_country"], descending=[True, False])
    )
    top = flows.head(10)
    chart = charts.ranked_bar_chart(top, "country", "weight_kg", texts["flows_x"], ",.0f")
    return {
        "flows_svg": _svg(chart, language),
        "flows": [
            {
                "country": r["country"],
                "code": r["departure_country"],
                "seizures": format_count(r["seizures"], language),
                "kg": format_rate(r["weight_kg"], language, 0),
                "kg_previous": format_rate(r["weight_kg_previous"], language, 0),
            }
            for r in flows.iter_rows(named=True)
        ],
    }


def _financial(data: ReportData, texts, language) -> dict[str, Any]:
    label = f"label_{language}"
    impact = data["impact"]
    return {
        "financial": [
            {
                "sector": r[label],
                "unusual": format_count(r["unusual_transactions"], language),
                "suspicious": format_count(r["suspicious_transactions"], language),
                "amount": format_euros(r["suspicious_amount_eur"], language),
                "freezes": format_count(r["emergency_freezes"], language),
                "frozen": format_euros(r["frozen_amount_eur"], language),
            }
            for r in data["financial"].iter_rows(named=True)
        ],
        "impact": [
            {
                "component": texts[f"impact_{r['component']}"],
                "item": texts[f"item_{r['item']}"],
                "quantity": format_rate(r["quantity"], language, 0)
                + (
                    "" if r["quantity_unit"] == "eur" else " " + texts[f"unit_{r['quantity_unit']}"]
                ),
                "unit_value": format_euros(r["unit_value_eur"], language)
                if r["quantity_unit"] != "eur"
                else "",
                "basis": texts[f"basis_{r['unit_value_basis']}"],
                "impact": format_euros(r["impact_eur"], language),
                "range": texts["interval"].format(
                    lower=format_euros(r["impact_low_eur"], language),
                    upper=format_euros(r["impact_high_eur"], language),
                )
                if r["impact_eur"] is not None and r["impact_low_eur"] != r["impact_high_eur"]
                else "",
            }
            for r in impact.iter_rows(named=True)
        ],
    }


def _policy(data: ReportData, texts, language, labels) -> dict[str, Any]:
    effects = data["policy_effects"]
    rows = []
    for r in effects.iter_rows(named=True):
        outcome = (
            texts["outcome_tips"]
            if r["source"] == "signals"
            else texts["outcome_all"]
            if r["outcome"] == "all"
            else labels.get(r["outcome"], r["outcome"])
        )
        rows.append(
            {
                "programme": texts[f"programme_{r['programme']}"],
                "outcome": outcome,
                "before": texts["rates_pair"].format(
                    treated=format_rate(r["treated_rate_before"], language),
                    control=format_rate(r["control_rate_before"], language),
                ),
                "after": texts["rates_pair"].format(
                    treated=format_rate(r["treated_rate_after"], language),
                    control=format_rate(r["control_rate_after"], language),
                ),
                "effect": texts["ratio_with_interval"].format(
                    ratio=format_rate(r["rate_ratio"], language, 2),
                    lower=format_rate(r["rate_ratio_lower"], language, 2),
                    upper=format_rate(r["rate_ratio_upper"], language, 2),
                )
                if r["rate_ratio"] is not None
                else texts["policy_not_estimable"].format(start_year=r["start_year"]),
                "pre_trend": format_rate(r["pre_trend_p_value"], language, 2),
                "pre_trend_warning": texts["policy_pre_trend_warning"].format(
                    p=format_rate(r["pre_trend_p_value"], language, 2)
                )
                if r["pre_trend_p_value"] is not None and r["pre_trend_p_value"] < 0.05
                else "",
            }
        )
    series = data["policy_series"]
    chart_svg = None
    if series.height and effects.height:
        start = int(effects["start_year"][0])
        group_labels = {"taking_part": texts["group_taking_part"], "others": texts["group_others"]}
        chart_svg = _svg(
            charts.two_group_chart(series, group_labels, start, texts["policy_y"]), language
        )
    first = effects.row(0, named=True) if effects.height else None
    group_names = {"taking_part": texts["group_taking_part"], "others": texts["group_others"]}
    series_years = sorted(series["data_year"].unique().to_list()) if series.height else []
    series_rows = [
        {
            "group": group_names[group],
            "values": [
                format_rate(
                    rows_of.filter(pl.col("data_year") == y)["rate_per_100k"].sum(), language
                )
                for y in series_years
            ],
        }
        for (group,), rows_of in series.group_by(["group"], maintain_order=True)
    ]
    return {
        "policy_rows": rows,
        "policy_series_years": series_years,
        "policy_series_rows": series_rows,
        "policy_svg": chart_svg,
        "policy_synthetic": data.synthetic_policy_selection,
        "policy_intro": texts["policy_intro"].format(
            members=first["treated_municipalities"],
            start_year=first["start_year"],
            first_year=first["first_year"],
            last_year=first["last_year"],
        )
        if first
        else texts["policy_no_list"],
        "signals": [
            {
                "region": r["region_name"].removeprefix("RIEC "),
                "tips": format_count(r["tips"], language),
                "previous": format_count(r["tips_previous"], language),
                "per_100k": format_rate(r["tips_per_100k"], language),
            }
            for r in data["signals"].iter_rows(named=True)
        ],
    }


def build_context(data: ReportData, language: str) -> dict[str, Any]:
    texts = load_texts(language)
    year = data.year
    label = f"label_{language}"
    labels = {r["phenomenon_code"]: r[label] for r in data["priorities"].iter_rows(named=True)}
    figures = data.key_figures
    series = data["national_series"].with_columns(
        pl.col("phenomenon_code").replace_strict(labels).alias("label")
    )
    first_year = int(series["year"].min()) if series.height else year
    provisional = {y for y in data.provisional_years}
    trend_years = sorted(series["year"].unique().to_list())
    trend_table = series.pivot(on="year", index="label", values="registered_crimes").sort("label")
    regions = data["regions"]
    riec = regions.filter(pl.col("region_level") == "riec_region")
    provinces = regions.filter(pl.col("region_level") == "province")
    weight_sets, weight_rows = _weight_sets(data, labels)
    weight_sets = [weight_set_name(name, texts) for name in weight_sets]

    return {
        "lang": language,
        "other_lang": "en" if language == "nl" else "nl",
        "t": texts,
        "sections": SECTIONS,
        "year": year,
        "previous_year": year - 1,
        "first_year": first_year,
        "is_synthetic": data.is_synthetic,
        "harm_weight_set": weight_set_name(data.harm_weight_set, texts),
        "finding_records": (findings := key_findings(data, texts, language)),
        "findings": [f.text for f in findings],
        "key_figures": [
            {"key": key, "value": figures[key], "text": fmt(figures[key], language)}
            for key, fmt in (
                ("registered_crimes", format_count),
                ("registered_crimes_per_100k", format_rate),
                ("harm_score", format_count),
                ("drug_sites", format_count),
                ("suspicious_transactions", format_count),
                ("suspicious_amount_eur", format_euros),
                ("unusual_transactions", format_count),
            )
        ],
        "priorities": _priorities(data, texts, language, labels),
        "weight_sets": weight_sets,
        "weight_rows": weight_rows,
        "phenomena": _phenomenon_sections(data, texts, language, labels),
        "riec_svg": _svg(
            charts.tile_map(riec, charts.RIEC_TILES, "harm_per_100k", ",.0f"), language
        ),
        "provinces_svg": _svg(
            charts.tile_map(provinces, charts.PROVINCE_TILES, "threat_index", ",.0f"), language
        ),
        "riec_rows": _region_rows(riec, language),
        "province_rows": [
            {
                "name": r["region_name"],
                "population": format_count(r["population"], language),
                "drug_sites": format_count(r["drug_sites"], language),
                "index": format_rate(r["threat_index"], language, 0),
                "rank": r["threat_index_rank"],
                "range": f"{r['threat_index_rank_min']}{DASH}{r['threat_index_rank_max']}"
                if r["threat_index_rank_min"] is not None
                else "",
            }
            for r in provinces.iter_rows(named=True)
        ],
        **_sectors(data, texts, language),
        "trend_svg": _svg(charts.interval_trend_chart(series, "label", texts["trend_y"]), language),
        "trend_years": [f"{y}*" if y in provisional else str(y) for y in trend_years],
        "has_provisional_years": bool(provisional & set(trend_years)),
        "trend_rows": [
            {
                "label": row["label"],
                "values": [format_count(row[str(y)], language) for y in trend_years],
            }
            for row in trend_table.iter_rows(named=True)
        ],
        **_flows(data, texts, language),
        **_financial(data, texts, language),
        **_policy(data, texts, language, labels),
        "quality": quality_rows(data, texts, language),
        "quarantine": quarantine_rows(data, texts, language),
        "aggregates": aggregate_rows(data, texts, language),
        "weights": _weights_table(data, labels, language, texts),
        "yardstick": [
            {
                "word": texts[f"likelihood_{word}"].format(direction=texts["direction_rise"]),
                "threshold": format_share(threshold, language, 1),
            }
            for threshold, word in YARDSTICK
        ],
        "input_files": [
            {
                "year": f["year"],
                "source": texts[f"source_{f['source']}"],
                "file": f["source_file"],
                "sha256": f["source_sha256"],
                "synthetic": f["is_synthetic"],
            }
            # This year's files; the manifest lists those of every year behind the report.
            for f in data["input_files"].filter(pl.col("year") == year).iter_rows(named=True)
        ],
        # The project's own stylesheet: escaping would break its quotes inside <style>.
        "css": Markup((REPORTS_DIR / "static" / "report.css").read_text(encoding="utf-8")),  # noqa: S704
    }


def _weights_table(data: ReportData, labels, language: str, texts) -> dict[str, Any]:
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


def render_html(context: dict[str, Any]) -> str:
    environment = Environment(
        loader=FileSystemLoader(REPORTS_DIR / "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template("report.html.j2").render(**context)


@dataclass(frozen=True)
class Edition:
    language: str
    html: str
    findings: list[Finding]


def build_edition(data: ReportData, language: str) -> Edition:
    context = build_context(data, language)
    return Edition(language, render_html(context), context["finding_records"])


def build_report_html(data: ReportData, language: str) -> str:
    return build_edition(data, language).html
