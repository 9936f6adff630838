"""The data-quality section ("things you need to know"): every check's outcome, the rows set
aside, and how CBS's own totals compare with the sum of their municipalities. No Dagster."""

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


def quality_rows(data: ReportData, texts: Texts, language: str) -> list[Context]:
    """Each check's outcome in the edition's language. The checks' own summaries are not
    printed: they are English and a warning's names municipal values, which may be small."""
    rows: list[Context] = []
    for q in data["data_quality"].iter_rows(named=True):
        if q["passed"] and q["rows_checked"] == 0:
            outcome = texts["quality_no_rows"]
        elif q["passed"]:
            outcome = texts["quality_passed"].format(
                rules=format_count(q["rules_checked"], language),
                rows=format_count(q["rows_checked"], language),
            )
        elif q["severity"] == "warning":
            outcome = texts[f"quality_warning_{q['check_name']}"].format(
                cells=format_count(q["rows_checked"], language)
            )
        else:
            outcome = texts["quality_failed"].format(
                values=format_count(q["failed_values"], language)
            )
        rows.append(
            {
                "asset": _dataset_label(q["asset_key"], texts),
                "check": _check_label(q["check_name"], texts),
                "severity": q["severity"],
                "passed": q["passed"],
                "outcome": outcome,
            }
        )
    return rows


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
