"""The report's sentences, chosen and filled from the data in either language. No Dagster.

Likelihood words follow one fixed yardstick (explained in the report's method section): the
probability that a change has the direction of its estimate, read from the exact two-sided test
as 1 - p/2. At least 97.5% (the 95% interval excludes no change): "almost certainly"; 90-97.5%:
"very likely"; 75-90%: "likely"; below 75%: "no clear change".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import polars as pl

from pipeline.domain.publishing.numbers import (
    format_change,
    format_count,
    format_euros,
    format_rate,
    format_share,
)
from pipeline.domain.publishing.report_data import ReportData, Row
from pipeline.domain.statistics.trends import rate_ratio

YARDSTICK = ((0.975, "almost_certain"), (0.90, "very_likely"), (0.75, "likely"))
# An edition's wording by key (reports/i18n/<language>.json).
Texts = Mapping[str, str]


def likelihood(p_value: float | None) -> str:
    """The yardstick word's key for a change with this two-sided p-value."""
    if p_value is None:
        return "unclear"
    probability = 1 - p_value / 2
    for threshold, word in YARDSTICK:
        if probability >= threshold:
            return word
    return "unclear"


def change_phrase(
    change: float,
    lower: float | None,
    upper: float | None,
    p_value: float | None,
    texts: Texts,
    language: str,
) -> str:
    """'+1.9% (95% interval +1.3% to +2.5%): almost certainly a rise', in either language."""
    word = likelihood(p_value)
    if word == "unclear":
        verdict = texts["likelihood_unclear"]
    else:
        direction = texts["direction_rise"] if change > 0 else texts["direction_fall"]
        verdict = texts[f"likelihood_{word}"].format(direction=direction)
    return texts["change_with_interval"].format(
        change=format_change(change, language),
        lower=format_change(lower, language),
        upper=format_change(upper, language),
        verdict=verdict,
    )


def weight_set_name(weight_set: str, texts: Texts) -> str:
    """A weight set's name for readers; a set an analyst added is shown by its own key."""
    return texts.get(f"weight_set_{weight_set}", weight_set)


@dataclass(frozen=True)
class Finding:
    text: str
    datasets: tuple[str, ...]  # where its figures come from (for the manifest)


def _label(row: Row, language: str) -> str:
    return str(row[f"label_{language}"])


def key_findings(data: ReportData, texts: Texts, language: str) -> list[Finding]:
    """The findings that open the report, in reading order; each only where its figures exist."""
    found = [
        _registered_crimes(data, texts, language),
        *_priority_findings(data, texts, language),
        _top_region(data, texts, language),
        _street_value(data, texts, language),
        _gaps(data, texts, language),
        _provisional_years(data, texts),
    ]
    return [finding for finding in found if finding is not None]


def _registered_crimes(data: ReportData, texts: Texts, language: str) -> Finding | None:
    """This year's registered crimes, and their change on last year where it can be told."""
    figures = data.key_figures
    year, previous = data.year, data.year - 1
    count, before = figures["registered_crimes"], figures["registered_crimes_previous"]
    if count is None:
        return None
    change = None
    if before:
        change = rate_ratio(count, figures["population"], before, figures["population_previous"])
    if change is None:
        text = texts["finding_registered_crimes_no_previous"].format(
            year=year, count=format_count(count, language), previous_year=previous
        )
        return Finding(text, ("key_figures",))
    phrase = change_phrase(
        change.rate_ratio - 1, change.lower - 1, change.upper - 1, change.p_value, texts, language
    )
    text = texts["finding_registered_crimes"].format(
        year=year, count=format_count(count, language), previous_year=previous, change=phrase
    )
    return Finding(text, ("key_figures",))


def _priority_findings(data: ReportData, texts: Texts, language: str) -> list[Finding]:
    """The most harmful phenomenon, whether the weight sets agree on it, and the steepest rise."""
    priorities = data["priorities"].filter(pl.col("harm_score").is_not_null())
    if not priorities.height:
        return []
    top = priorities.row(0, named=True)
    text = texts["finding_top_phenomenon"].format(
        phenomenon=_label(top, language).lower(),
        share=format_share(top["harm_share"], language),
        weight_set=weight_set_name(top["harm_weight_set"], texts),
    )
    return [
        Finding(text, ("priorities",)),
        _weight_set_agreement(data, texts, language),
        _top_rise(priorities, data.year - 1, texts, language),
    ]


def _top_rise(priorities: pl.DataFrame, previous: int, texts: Texts, language: str) -> Finding:
    """The phenomenon that rose most on last year, among clear changes; or that none did."""
    rising = priorities.filter(
        pl.col("change_on_previous_year").is_not_null() & (pl.col("change_p_value") < 0.05)
    ).sort("change_on_previous_year", descending=True)
    if not (rising.height and rising.row(0, named=True)["change_on_previous_year"] > 0):
        text = texts["finding_no_clear_rise"].format(previous_year=previous)
        return Finding(text, ("priorities",))
    top_rise = rising.row(0, named=True)
    phrase = change_phrase(
        top_rise["change_on_previous_year"],
        top_rise["change_lower"],
        top_rise["change_upper"],
        top_rise["change_p_value"],
        texts,
        language,
    )
    text = texts["finding_top_rise"].format(
        previous_year=previous, phenomenon=_label(top_rise, language).lower(), change=phrase
    )
    return Finding(text, ("priorities",))


def _measured(data: ReportData, dataset: str, kind: tuple[str, str], measure: str) -> pl.DataFrame:
    """The rows of ``dataset`` of one kind (a column and its value) with a ``measure``."""
    column, value = kind
    return data[dataset].filter((pl.col(column) == value) & pl.col(measure).is_not_null())


def _top_region(data: ReportData, texts: Texts, language: str) -> Finding | None:
    """The RIEC region with the most harm per inhabitant (with its rank range) and the least."""
    regions = _measured(data, "regions", ("region_level", "riec_region"), "harm_per_100k")
    if not regions.height:
        return None
    highest, lowest = regions.row(0, named=True), regions.row(-1, named=True)
    rank_lower = highest["weight_rank_lower"] or highest["harm_rank"]
    rank_upper = highest["weight_rank_upper"] or highest["harm_rank"]
    key = "finding_top_region_fixed" if rank_lower == rank_upper else "finding_top_region"
    text = texts[key].format(
        region=highest["region_name"],
        value=format_rate(highest["harm_per_100k"], language, 0),
        lowest=lowest["region_name"],
        lowest_value=format_rate(lowest["harm_per_100k"], language, 0),
        rank_lower=rank_lower,
        rank_upper=rank_upper,
    )
    return Finding(text, ("regions",))


def _street_value(data: ReportData, texts: Texts, language: str) -> Finding | None:
    """The street value of the drugs seized, with its range."""
    impact = _measured(data, "impact", ("component", "seizure_street_value"), "impact_eur")
    if not impact.height:
        return None
    text = texts["finding_street_value"].format(
        value=format_euros(float(impact["impact_eur"].sum()), language),
        low=format_euros(float(impact["impact_low_eur"].sum()), language),
        high=format_euros(float(impact["impact_high_eur"].sum()), language),
    )
    return Finding(text, ("impact",))


def _gaps(data: ReportData, texts: Texts, language: str) -> Finding | None:
    """The phenomena no source measures."""
    gaps = [
        _label(r, language).lower() for r in data["priorities"].iter_rows(named=True) if r["is_gap"]
    ]
    if not gaps:
        return None
    return Finding(texts["finding_gaps"].format(phenomena=", ".join(gaps)), ("priorities",))


def _provisional_years(data: ReportData, texts: Texts) -> Finding | None:
    if not data.provisional_years:
        return None
    years = ", ".join(str(y) for y in data.provisional_years)
    return Finding(texts["finding_provisional"].format(years=years), ("provisional_years",))


def _weight_set_agreement(data: ReportData, texts: Texts, language: str) -> Finding:
    """Whether every weight set puts the same phenomenon first; if not, which sets differ."""
    by_set = data["harm_by_weight_set"].filter(pl.col("harm_rank") == 1)
    labels = {
        r["phenomenon_code"]: _label(r, language).lower()
        for r in data["priorities"].iter_rows(named=True)
    }
    tops = {r["weight_set"]: r["phenomenon_code"] for r in by_set.iter_rows(named=True)}
    if len(set(tops.values())) <= 1:
        return Finding(
            texts["finding_weight_sets_agree"].format(
                sets=", ".join(weight_set_name(name, texts) for name in sorted(tops)),
                phenomenon=labels.get(next(iter(tops.values()), ""), ""),
            ),
            ("harm_by_weight_set",),
        )
    parts = [
        texts["weight_set_top"].format(
            weight_set=weight_set_name(name, texts), phenomenon=labels[code]
        )
        for name, code in sorted(tops.items())
    ]
    return Finding(
        texts["finding_weight_sets_differ"].format(details="; ".join(parts)),
        ("harm_by_weight_set",),
    )
