"""Build the yearly report's HTML from query results: findings text, charts, tables.

Pure functions, no Dagster: the report asset queries the warehouse and hands the results here.
Every number in the text comes from the data; templates decide only the wording.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import polars as pl
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from assets import charts
from assets.numbers import format_change, format_count, format_rate, format_share

REPORTS_DIR = Path(__file__).resolve().parent.parent / "reports"


@dataclass(frozen=True)
class ReportData:
    year: int
    key_figures: dict[str, Any]
    trend: pl.DataFrame
    regions: pl.DataFrame
    phenomena: pl.DataFrame
    data_quality: pl.DataFrame
    input_files: pl.DataFrame
    harm_weight_set: str
    # Years whose CBS figures are still provisional (marked with * in tables).
    provisional_years: tuple[int, ...] = ()

    @property
    def is_synthetic(self) -> bool:
        return bool(self.input_files["is_synthetic"].any())


def load_texts(language: str) -> dict[str, str]:
    return json.loads((REPORTS_DIR / "i18n" / f"{language}.json").read_text(encoding="utf-8"))


def key_findings(data: ReportData, texts: dict[str, str], language: str) -> list[str]:
    """The findings sentences, each chosen and filled from the data."""
    year, previous = data.year, data.year - 1
    figures = data.key_figures
    findings = []

    count, before = figures["registered_crimes"], figures["registered_crimes_previous"]
    if before:
        change = (count - before) / before
        key = "finding_registered_crimes_up" if change >= 0 else "finding_registered_crimes_down"
        findings.append(
            texts[key].format(
                year=year,
                count=format_count(count, language),
                change=format_change(change, language),
                previous_year=previous,
            )
        )
    else:
        findings.append(
            texts["finding_registered_crimes_no_previous"].format(
                year=year, count=format_count(count, language), previous_year=previous
            )
        )

    label = f"label_{language}"
    reported = data.phenomena.filter(pl.col("harm_score").is_not_null())
    if reported.height:
        top = reported.sort("harm_score", descending=True).row(0, named=True)
        findings.append(
            texts["finding_top_phenomenon"].format(
                phenomenon=top[label].lower(), share=format_share(top["harm_share"], language)
            )
        )
    rising = data.phenomena.filter(pl.col("change_on_previous_year").is_not_null())
    if rising.height:
        top_rise = rising.sort("change_on_previous_year", descending=True).row(0, named=True)
        if top_rise["change_on_previous_year"] > 0:
            findings.append(
                texts["finding_top_rise"].format(
                    previous_year=previous,
                    phenomenon=top_rise[label].lower(),
                    change=format_change(top_rise["change_on_previous_year"], language),
                )
            )
    if data.regions.height:
        ranked = data.regions.sort("harm_per_100k", descending=True)
        highest, lowest = ranked.row(0, named=True), ranked.row(-1, named=True)
        findings.append(
            texts["finding_top_region"].format(
                region=highest["region_name"],
                value=format_rate(highest["harm_per_100k"], language, 0),
                lowest=lowest["region_name"],
                lowest_value=format_rate(lowest["harm_per_100k"], language, 0),
            )
        )
    if figures["drug_sites"] is not None:
        findings.append(
            texts["finding_drug_sites"].format(
                count=format_count(figures["drug_sites"], language),
                previous_year=previous,
                previous=format_count(figures["drug_sites_previous"], language),
            )
        )
    if data.provisional_years:
        findings.append(
            texts["finding_provisional"].format(
                years=", ".join(str(y) for y in data.provisional_years)
            )
        )
    findings.append(texts["finding_no_uncertainty"])
    return findings


def _figure(key: str, value: float | None, text: str, previous: float | None = None) -> dict:
    return {"key": key, "value": value, "text": text, "previous": previous}


def build_context(data: ReportData, language: str) -> dict[str, Any]:
    texts = load_texts(language)
    year = data.year
    label = f"label_{language}"
    figures = data.key_figures
    first_year = int(data.trend["year"].min()) if data.trend.height else year

    key_figures = [
        _figure(
            "registered_crimes",
            figures["registered_crimes"],
            format_count(figures["registered_crimes"], language),
        ),
        _figure(
            "registered_crimes_per_100k",
            figures["registered_crimes_per_100k"],
            format_rate(figures["registered_crimes_per_100k"], language),
        ),
        _figure("harm_score", figures["harm_score"], format_count(figures["harm_score"], language)),
        _figure("drug_sites", figures["drug_sites"], format_count(figures["drug_sites"], language)),
        _figure(
            "suspicious_transactions",
            figures["suspicious_transactions"],
            format_count(figures["suspicious_transactions"], language),
        ),
        _figure(
            "suspicious_amount_eur",
            figures["suspicious_amount_eur"],
            format_count(figures["suspicious_amount_eur"], language),
        ),
        _figure(
            "unusual_transactions",
            figures["unusual_transactions"],
            format_count(figures["unusual_transactions"], language),
        ),
    ]

    # A phenomenon is reported when any source covers it; one no source covers is a gap.
    covered = pl.col("registered_crimes").is_not_null() | pl.col("drug_sites").is_not_null()
    reported = data.phenomena.filter(covered)
    with_harm = data.phenomena.filter(pl.col("harm_score").is_not_null())
    gaps = data.phenomena.filter(~covered)[label].to_list()

    # vl-convert writes the SVG and escapes the data's text inside it; mark it safe to inline.
    trend_svg = charts.render_svg(charts.trend_chart(data.trend, label, texts["trend_y"]), language)
    regions_svg = charts.render_svg(
        charts.ranked_bar_chart(
            data.regions, "region_name", "harm_per_100k", texts["regions_x"], ",.0f"
        ),
        language,
    )
    phenomena_svg = charts.render_svg(
        charts.ranked_bar_chart(with_harm, label, "harm_score", texts["phenomena_x"], ",.0f"),
        language,
    )
    trend_table = data.trend.pivot(
        on="year", index=label, values="registered_crimes", sort_columns=True
    ).sort(label)
    trend_years = [c for c in trend_table.columns if c != label]
    provisional = {str(y) for y in data.provisional_years}

    return {
        "lang": language,
        "t": texts,
        "year": year,
        "previous_year": year - 1,
        "first_year": first_year,
        "is_synthetic": data.is_synthetic,
        "harm_weight_set": data.harm_weight_set,
        "findings": key_findings(data, texts, language),
        "key_figures": key_figures,
        "trend_svg": Markup(trend_svg),  # noqa: S704 -- SVG from vl-convert, data text escaped by Vega
        "trend_years": [f"{y}*" if y in provisional else y for y in trend_years],
        "has_provisional_years": bool(provisional & set(trend_years)),
        "trend_rows": [
            {"label": row[label], "values": [format_count(row[y], language) for y in trend_years]}
            for row in trend_table.iter_rows(named=True)
        ],
        "regions_svg": Markup(regions_svg),  # noqa: S704
        "regions": [
            {
                "name": r["region_name"],
                "population": format_count(r["population"], language),
                "registered_crimes": format_count(r["registered_crimes"], language),
                "registered_crimes_per_100k": format_rate(
                    r["registered_crimes_per_100k"], language
                ),
                "harm_score": format_count(r["harm_score"], language),
                "harm_per_100k": format_rate(r["harm_per_100k"], language, 0),
                "harm_per_100k_value": r["harm_per_100k"],
                "drug_sites": format_count(r["drug_sites"], language),
            }
            for r in data.regions.iter_rows(named=True)
        ],
        "phenomena_svg": Markup(phenomena_svg),  # noqa: S704
        "phenomena": [
            {
                "label": p[label],
                "registered_crimes": format_count(p["registered_crimes"], language),
                "registered_crimes_previous": format_count(
                    p["registered_crimes_previous"], language
                ),
                "change": format_change(p["change_on_previous_year"], language),
                "per_100k": format_rate(p["registered_crimes_per_100k"], language),
                "harm_score": format_count(p["harm_score"], language),
                "harm_share": format_share(p["harm_share"], language, 1),
                "drug_sites": format_count(p["drug_sites"], language),
            }
            for p in reported.iter_rows(named=True)
        ],
        "phenomena_gap": texts["phenomena_gap"].format(phenomena=", ".join(g.lower() for g in gaps))
        if gaps
        else "",
        "quality": [
            {
                "asset": q["asset_key"],
                "check": q["check_name"],
                "severity": q["severity"],
                "summary": q["summary"],
                "passed": q["passed"],
                "rows_checked": format_count(q["rows_checked"], language),
                "failed_values": format_count(q["failed_values"], language),
            }
            for q in data.data_quality.iter_rows(named=True)
        ],
        "input_files": [
            {
                "year": f["year"],
                "source": texts[f"source_{f['source']}"],
                "file": f["source_file"],
                "sha256": f["source_sha256"],
                "synthetic": f["is_synthetic"],
            }
            for f in data.input_files.iter_rows(named=True)
        ],
        # The project's own stylesheet: escaping would break its quotes inside <style>.
        "css": Markup((REPORTS_DIR / "static" / "report.css").read_text(encoding="utf-8")),  # noqa: S704
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


def build_report_html(data: ReportData, language: str) -> str:
    return render_html(build_context(data, language))
