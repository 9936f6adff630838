"""The data-quality section ("things you need to know"): in a few sentences what failed, what
was warned about (with the largest cases), what was set aside, CBS's rounding and the
provisional year; the rows set aside and CBS's totals against their municipalities as tables;
every check's outcome in the annex. No Dagster."""

from __future__ import annotations

import polars as pl

from pipeline.domain.publishing.numbers import format_count
from pipeline.domain.publishing.report_common import Context
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_text import Texts


def _dataset_label(asset_key: str, texts: Texts) -> str:
    """'raw/incidents' or 'staging/stg_incidents__crimes' as the source's name."""
    stage, _, name = asset_key.partition("/")
    source = name.removeprefix("stg_").split("__")[0]
    label = texts.get(f"source_{source}", name)
    return texts["dataset_label"].format(source=label, stage=texts[f"stage_{stage}"])


def _check_label(check_name: str, texts: Texts) -> str:
    key = "file_is_valid" if check_name.endswith("_file_is_valid") else check_name
    return texts.get(f"check_{key}", check_name)


def quarantine_rows(data: ReportData, texts: Texts, language: str) -> list[Context]:
    return [
        {
            "asset": _dataset_label(q["asset_key"], texts),
            "check": _check_label(q["check_name"], texts),
            "rows": format_count(q["rows_set_aside"], language),
        }
        for q in data["quarantine"]
        .group_by(["asset_key", "check_name"], maintain_order=True)
        .agg(pl.col("rows_set_aside").sum())
        .iter_rows(named=True)
    ]


def aggregate_rows(data: ReportData, texts: Texts, language: str) -> list[Context]:
    """Per CBS source and level: totals compared, within rounding, the largest gap and where."""
    rows: list[Context] = []
    for r in data["aggregate_reconciliation"].iter_rows(named=True):
        largest = ""
        if r["largest_gap"]:
            largest = texts["aggregates_largest_gap"].format(
                gap=format_count(r["largest_gap"], language),
                region=r["largest_gap_region"],
                item=r[f"largest_gap_item_{language}"] or texts["aggregates_inhabitants"],
            )
        rows.append(
            {
                "source": texts[f"source_{r['source']}"],
                "level": texts[f"aggregates_level_{r['region_level']}"],
                "compared": format_count(r["compared"], language),
                "within": format_count(r["within_rounding"], language),
                "largest": largest or texts["aggregates_no_gap"],
            }
        )
    return rows


def quality_sentences(data: ReportData, texts: Texts, language: str) -> list[str]:
    """What a reader needs to know about the year's data, in sentences."""
    checks = data["data_quality"]
    blocking = checks.filter(pl.col("severity") == "error")
    failed = blocking.filter(~pl.col("passed"))
    sentences = []
    if failed.height:
        sentences.append(
            texts["need_checks_failed"].format(
                failed=format_count(failed.height, language),
                checks=format_count(blocking.height, language),
                which="; ".join(
                    f"{_dataset_label(q['asset_key'], texts)}: "
                    f"{_check_label(q['check_name'], texts)}"
                    for q in failed.iter_rows(named=True)
                ),
            )
        )
    else:
        sentences.append(
            texts["need_checks_passed"].format(
                checks=format_count(blocking.height, language),
                rows=format_count(
                    max(blocking["rows_checked"].cast(pl.Int64).to_list(), default=0), language
                ),
                year=data.year,
            )
        )
    sentences += _warning_sentences(data, texts, language)
    quarantined = quarantine_rows(data, texts, language)
    if quarantined:
        listed = "; ".join(f"{q['asset']}: {q['rows']}" for q in quarantined)
        sentences.append(texts["need_quarantine"].format(listed=listed))
    else:
        sentences.append(texts["need_quarantine_none"].format(year=data.year))
    reconciled = data["aggregate_reconciliation"]
    if reconciled.height:
        sentences.append(
            texts["need_rounding"].format(
                compared=format_count(int(reconciled["compared"].cast(pl.Int64).sum()), language),
                within=format_count(
                    int(reconciled["within_rounding"].cast(pl.Int64).sum()), language
                ),
            )
        )
    if data.year in data.provisional_years:
        sentences.append(texts["need_provisional"].format(year=data.year))
    return sentences


def _warning_sentences(data: ReportData, texts: Texts, language: str) -> list[str]:
    """One sentence per warning: how many cells, and the largest that may be named."""
    warnings = data["data_quality"].filter((pl.col("severity") == "warning") & ~pl.col("passed"))
    if not warnings.height:
        return [texts["need_warnings_none"]]
    largest = data["largest_jumps"]
    sentences = []
    for w in warnings.iter_rows(named=True):
        cases = [
            texts["need_jump_case"].format(
                municipality=j["municipality_name"],
                item=j[f"item_{language}"],
                previous=format_count(j["previous_value"], language),
                value=format_count(j["value"], language),
            )
            for j in largest.filter(pl.col("asset_key") == w["asset_key"]).iter_rows(named=True)
        ]
        what = texts.get(f"need_warning_{w['check_name']}", texts["need_warning"])
        sentence = what.format(
            dataset=_dataset_label(w["asset_key"], texts),
            cells=format_count(w["rows_checked"], language),
            previous_year=data.year - 1,
        )
        if w["check_name"] == "no_implausible_jumps":
            sentence += " " + (
                texts["need_jump_largest"].format(cases="; ".join(cases))
                if cases
                else texts["need_jump_small"]
            )
        sentences.append(sentence)
    if "no_implausible_jumps" in warnings["check_name"]:
        sentences.append(texts["need_jump_meaning"])
    return sentences
