"""Build one edition of the yearly report (Dutch or English) from the report data: the
template's context, the charts and the HTML. Pure functions, no Dagster.

Every number in the text comes from the data; the i18n files decide only the wording. Every
figure that is printed or charted carries the dataset it comes from, so that the manifest can
name the SQL file and parameters behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

import polars as pl

from pipeline.domain.publishing import charts
from pipeline.domain.publishing.numbers import (
    format_count,
    format_euros,
    format_rate,
    format_share,
)
from pipeline.domain.publishing.report_common import DASH, Context, svg
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_economy import (
    financial_section,
    flows_section,
    sectors_section,
)
from pipeline.domain.publishing.report_findings import (
    headline_section,
    phenomenon_sections,
    priorities_section,
    region_rows,
    weight_set_table,
    weights_table,
)
from pipeline.domain.publishing.report_maps import municipal_map, region_maps
from pipeline.domain.publishing.report_policy import policy_section
from pipeline.domain.publishing.report_quality import (
    aggregate_rows,
    quality_sentences,
    quarantine_rows,
)
from pipeline.domain.publishing.report_region import build_region_editions
from pipeline.domain.publishing.report_templates import (
    LANGUAGES,
    Edition,
    css,
    environment,
    load_texts,
    other_language,
    phenomenon_labels,
)
from pipeline.domain.publishing.report_text import (
    YARDSTICK,
    Texts,
    key_findings,
    weight_set_name,
)

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


def build_context(data: ReportData, language: str) -> dict[str, Any]:
    """Everything the template reads for one edition."""
    texts = load_texts(language)
    labels = phenomenon_labels(data, language)
    weight_sets, weight_rows = weight_set_table(data, labels)
    findings = key_findings(data, texts, language)
    return {
        "lang": language,
        "other_lang": other_language(language),
        "t": texts,
        "sections": SECTIONS,
        "year": data.year,
        "previous_year": data.year - 1,
        "is_synthetic": data.is_synthetic,
        "harm_weight_set": weight_set_name(data.harm_weight_set, texts),
        "finding_records": findings,
        "findings": [f.text for f in findings],
        "key_figures": _key_figures(data, language),
        **headline_section(data, texts, language, labels),
        "priorities": priorities_section(data, texts, language, labels),
        "weight_sets": [weight_set_name(name, texts) for name in weight_sets],
        "weight_rows": weight_rows,
        "phenomena": phenomenon_sections(data, texts, language, labels),
        **_regions_section(data, texts, language),
        **municipal_map(data, texts, language, labels),
        **sectors_section(data, texts, language),
        **_trend_section(data, texts, language, labels),
        **flows_section(data, texts, language),
        **financial_section(data, texts, language),
        **policy_section(data, texts, language, labels),
        "need_to_know": quality_sentences(data, texts, language),
        "quarantine": quarantine_rows(data, texts, language),
        "aggregates": aggregate_rows(data, texts, language),
        **_method_section(data, texts, language, labels),
        "regional_editions": [
            {"code": r["region_code"], "name": r["region_name"]}
            for r in data["regions"]
            .filter(pl.col("region_level") == "riec_region")
            .sort("region_code")
            .iter_rows(named=True)
        ],
        "css": css(),
    }


# The key figures at the top, each with the format it is printed in.
KEY_FIGURES: tuple[tuple[str, Callable[[float | None, str], str]], ...] = (
    ("registered_crimes", format_count),
    ("registered_crimes_per_100k", format_rate),
    ("harm_score", format_count),
    ("drug_sites", format_count),
    ("suspicious_transactions", format_count),
    ("suspicious_amount_eur", format_euros),
    ("unusual_transactions", format_count),
)


def _key_figures(data: ReportData, language: str) -> list[Context]:
    figures = data.key_figures
    return [
        {"key": key, "value": figures[key], "text": fmt(figures[key], language)}
        for key, fmt in KEY_FIGURES
    ]


def _regions_section(data: ReportData, texts: Texts, language: str) -> Context:
    """The RIEC regions by harm and the provinces by threat index: maps and tables."""
    regions = data["regions"]
    riec = regions.filter(pl.col("region_level") == "riec_region")
    provinces = regions.filter(pl.col("region_level") == "province")
    return {
        **region_maps(riec, provinces, texts, language),
        "riec_rows": region_rows(riec, language),
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
    }


def _trend_section(
    data: ReportData, texts: Texts, language: str, labels: Mapping[str, str]
) -> Context:
    """Registered crimes per phenomenon over the years, provisional years marked."""
    series = data["national_series"].with_columns(
        pl.col("phenomenon_code").replace_strict(labels).alias("label")
    )
    earliest = series["year"].min() if series.height else None
    provisional = set(data.provisional_years)
    trend_years = sorted(series["year"].unique().to_list())
    trend_table = series.pivot(on="year", index="label", values="registered_crimes").sort("label")
    return {
        "first_year": earliest if isinstance(earliest, int) else data.year,
        "trend_svg": svg(charts.interval_trend_chart(series, "label", texts["trend_y"]), language),
        "trend_years": [f"{y}*" if y in provisional else str(y) for y in trend_years],
        "has_provisional_years": bool(provisional & set(trend_years)),
        "trend_rows": [
            {
                "label": row["label"],
                "values": [format_count(row[str(y)], language) for y in trend_years],
            }
            for row in trend_table.iter_rows(named=True)
        ],
    }


def _method_section(
    data: ReportData, texts: Texts, language: str, labels: Mapping[str, str]
) -> Context:
    """The harm weights, the likelihood yardstick and this year's input files."""
    return {
        "weights": weights_table(data, labels, language, texts),
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
            for f in data["input_files"].filter(pl.col("year") == data.year).iter_rows(named=True)
        ],
    }


def render_html(context: Mapping[str, Any]) -> str:
    return environment().get_template("report.html.j2").render(**context)


def build_edition(data: ReportData, language: str) -> Edition:
    context = build_context(data, language)
    return Edition(language, render_html(context), context["finding_records"])


def build_report_html(data: ReportData, language: str) -> str:
    return build_edition(data, language).html


def year_editions(data: ReportData, regional_dir: str) -> Iterator[tuple[str, Edition]]:
    """Every edition of the year, one by one, by its file's path in the year's folder without
    suffix: the national editions first (their PDFs are the ones most awaited), then each
    region's in ``regional_dir``."""
    for language in LANGUAGES:
        yield f"dreigingsbeeld-{data.year}.{language}", build_edition(data, language)
    for language in LANGUAGES:
        for code, edition in build_region_editions(data, language):
            yield f"{regional_dir}/{code}.{language}", edition
