"""The report section on policy measures. Pure functions, no Dagster."""

from __future__ import annotations

from collections.abc import Mapping

import polars as pl
from markupsafe import Markup

from pipeline.domain.publishing import charts
from pipeline.domain.publishing.numbers import (
    format_count,
    format_rate,
)
from pipeline.domain.publishing.report_common import Context, svg
from pipeline.domain.publishing.report_data import ReportData, Row
from pipeline.domain.publishing.report_text import Texts


def policy_section(
    data: ReportData, texts: Texts, language: str, labels: Mapping[str, str]
) -> Context:
    effects = data["policy_effects"]
    series = data["policy_series"]
    series_years, series_rows = _series_table(series, texts, language)
    first = effects.row(0, named=True) if effects.height else None
    return {
        "policy_rows": [
            _effect_row(r, texts, language, labels) for r in effects.iter_rows(named=True)
        ],
        "policy_series_years": series_years,
        "policy_series_rows": series_rows,
        "policy_svg": _chart(effects, series, texts, language),
        "policy_synthetic": data.synthetic_policy_selection,
        "policy_intro": _intro(first, texts) if first else texts["policy_no_list"],
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


def _effect_row(r: Row, texts: Texts, language: str, labels: Mapping[str, str]) -> Context:
    """One programme and outcome: both groups' rates before and after, and the estimate."""
    if r["source"] == "signals":
        outcome = texts["outcome_tips"]
    elif r["outcome"] == "all":
        outcome = texts["outcome_all"]
    else:
        outcome = labels.get(r["outcome"], r["outcome"])
    p_pre_trend = r["pre_trend_p_value"]
    return {
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
        "pre_trend": format_rate(p_pre_trend, language, 2),
        # Trends that already differed before the start make the estimate doubtful.
        "pre_trend_warning": texts["policy_pre_trend_warning"].format(
            p=format_rate(p_pre_trend, language, 2)
        )
        if p_pre_trend is not None and p_pre_trend < 0.05
        else "",
    }


def _group_names(texts: Texts) -> dict[str, str]:
    return {"taking_part": texts["group_taking_part"], "others": texts["group_others"]}


def _chart(
    effects: pl.DataFrame, series: pl.DataFrame, texts: Texts, language: str
) -> Markup | None:
    """The two groups' rates over the years, with the programme's start (None without data)."""
    if not (series.height and effects.height):
        return None
    start = int(effects["start_year"][0])
    chart = charts.two_group_chart(series, _group_names(texts), start, texts["policy_y"])
    return svg(chart, language)


def _series_table(
    series: pl.DataFrame, texts: Texts, language: str
) -> tuple[list[int], list[Context]]:
    """The chart's figures as a table: the years, and per group its rate in each."""
    group_names = _group_names(texts)
    years = sorted(series["data_year"].unique().to_list()) if series.height else []
    rows: list[Context] = [
        {
            "group": group_names[group],
            "values": [
                format_rate(
                    float(rows_of.filter(pl.col("data_year") == y)["rate_per_100k"].sum()), language
                )
                for y in years
            ],
        }
        for (group,), rows_of in series.group_by(["group"], maintain_order=True)
    ]
    return years, rows


def _intro(first: Row, texts: Texts) -> str:
    return texts["policy_intro"].format(
        members=first["treated_municipalities"],
        start_year=first["start_year"],
        first_year=first["first_year"],
        last_year=first["last_year"],
    )
