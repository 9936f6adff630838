"""The report section on policy measures. Pure functions, no Dagster."""

from __future__ import annotations

from typing import Any

import polars as pl

from pipeline.domain.publishing import charts
from pipeline.domain.publishing.numbers import (
    format_count,
    format_rate,
)
from pipeline.domain.publishing.report_common import svg
from pipeline.domain.publishing.report_data import ReportData


def policy_section(data: ReportData, texts, language, labels) -> dict[str, Any]:
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
        chart_svg = svg(
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
