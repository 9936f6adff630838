"""The report's manifest: what went in (every input file's SHA-256), which code and run made it,
and for every figure in the text, a chart or a table, the SQL file and parameters that produced
it. Plain functions, no Dagster."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypedDict

from pipeline.domain.publishing.report_data import ReportData

# Every chart and table of the report (its data-table name or chart id) and the datasets
# (sql/report/<dataset>.sql) it shows.
ELEMENT_DATASETS: dict[str, tuple[str, ...]] = {
    "table/priorities": ("priorities",),
    "table/harm_by_weight_set": ("harm_by_weight_set", "priorities"),
    "chart/headline": ("priorities",),
    "section/phenomena": ("priorities", "phenomenon_regions", "national_series"),
    "chart/riec_tiles": ("regions",),
    "chart/province_tiles": ("regions",),
    "table/riec_regions": ("regions",),
    "table/province_regions": ("regions",),
    "chart/sector_heat_map": ("sector_exposure",),
    "table/sector_exposure": ("sector_exposure",),
    "table/sector_index": ("sector_exposure",),
    "chart/trend": ("national_series",),
    "table/trend": ("national_series", "provisional_years"),
    "chart/seizure_flows": ("seizure_flows",),
    "table/seizure_flows": ("seizure_flows",),
    "table/financial": ("financial",),
    "table/impact": ("impact",),
    "chart/policy": ("policy_series", "policy_effects"),
    "table/policy_effects": ("policy_effects",),
    "table/policy_series": ("policy_series",),
    "table/signals": ("signals",),
    "list/need_to_know": (
        "data_quality",
        "largest_jumps",
        "quarantine",
        "aggregate_reconciliation",
        "provisional_years",
    ),
    "table/quarantine": ("quarantine",),
    "table/weight_sets": ("weight_sets",),
    "table/input_files": ("input_files",),
}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class QueryRecord(TypedDict):
    """Where a dataset came from: enough to run its query again."""

    sql_file: str
    params: dict[str, Any]
    sql_sha256: str


def build_manifest(
    data: ReportData,
    findings: Mapping[str, list[tuple[str, tuple[str, ...]]]],
    *,
    run_id: str,
    code_version: Mapping[str, Any],
    reference_files: Iterable[Path],
    outputs: Iterable[Path],
    root: Path,
) -> dict[str, Any]:
    """``findings``: per language, each finding's text and the datasets its figures come from."""
    return {
        "year": data.year,
        "synthetic": data.is_synthetic,
        "harm_weight_set": data.harm_weight_set,
        "code_version": dict(code_version),
        "dagster_run_id": run_id,
        "inputs": _inputs(data, reference_files),
        "datasets": {
            name: {**_query(data, name), "rows": q.rows} for name, q in sorted(data.queries.items())
        },
        "figures": _figures(data, findings),
        "outputs": [
            {"file": path.relative_to(root).as_posix(), "sha256": sha256_of(path)}
            for path in sorted(outputs)
        ],
    }


def _query(data: ReportData, dataset: str) -> QueryRecord:
    q = data.queries[dataset]
    return {"sql_file": q.sql_file, "params": q.params, "sql_sha256": q.sql_sha256}


def _figures(
    data: ReportData, findings: Mapping[str, list[tuple[str, tuple[str, ...]]]]
) -> list[dict[str, object]]:
    """Every key figure, finding, chart and table, with the queries behind it."""
    figures: list[dict[str, object]] = [
        {"id": f"key_figure/{key}", "value": value, "queries": [_query(data, "key_figures")]}
        for key, value in sorted(data.key_figures.items())
    ]
    for language, texts in sorted(findings.items()):
        for number, (text, datasets) in enumerate(texts, start=1):
            figures.append(
                {
                    "id": f"finding/{language}/{number}",
                    "text": text,
                    "queries": [_query(data, d) for d in datasets],
                }
            )
    figures += [
        {"id": element, "queries": [_query(data, d) for d in datasets]}
        for element, datasets in ELEMENT_DATASETS.items()
    ]
    return figures


def _inputs(data: ReportData, reference_files: Iterable[Path]) -> list[dict[str, object]]:
    """Every input file of every year behind the report, and the reference files."""
    inputs: list[dict[str, object]] = [
        {
            "year": f["year"],
            "source": f["source"],
            "file": f["source_file"],
            "sha256": f["source_sha256"],
            "synthetic": f["is_synthetic"],
        }
        for f in data["input_files"].iter_rows(named=True)
    ]
    inputs += [
        {"source": "reference", "file": path.name, "sha256": sha256_of(path)}
        for path in sorted(reference_files)
    ]
    return inputs


def write_manifest(manifest: Mapping[str, Any], path: Path) -> Path:
    path.write_text(
        json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n",
        encoding="utf-8",
    )
    return path
