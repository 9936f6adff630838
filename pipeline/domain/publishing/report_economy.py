"""The report sections on sectors, seizure flows and financial figures. Pure functions, no
Dagster."""

from __future__ import annotations

import polars as pl
from babel import Locale

from pipeline.domain.publishing import charts
from pipeline.domain.publishing.numbers import (
    format_count,
    format_euros,
    format_rate,
)
from pipeline.domain.publishing.report_common import DASH, Context, svg
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_text import Texts


def sectors_section(data: ReportData, texts: Texts, language: str) -> Context:
    exposure = data["sector_exposure"]
    label = f"sector_label_{language}"
    phenomenon = f"phenomenon_label_{language}"
    heat = charts.heat_map(exposure, label, phenomenon, "per_1000_establishments", DASH, ",.1f")
    columns = sorted(exposure[phenomenon].unique().to_list())
    table: list[Context] = []
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
        "sectors_svg": svg(heat, language),
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


def flows_section(data: ReportData, texts: Texts, language: str) -> Context:
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
        "flows_svg": svg(chart, language),
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


def financial_section(data: ReportData, texts: Texts, language: str) -> Context:
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
