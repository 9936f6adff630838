"""The regional editions: one per RIEC region and language, from the same data as the national
edition. The region against the country, its phenomena, its municipalities on the map and in a
table (disclosure-controlled), its trends, its sectors and its data gaps. No Dagster."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import polars as pl

from pipeline.domain.publishing import charts, charts_maps
from pipeline.domain.publishing.charts_findings import region_vs_national_chart
from pipeline.domain.publishing.numbers import format_count, format_rate
from pipeline.domain.publishing.report_common import DASH, Context, svg
from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_maps import municipal_map
from pipeline.domain.publishing.report_templates import (
    Edition,
    css,
    environment,
    load_texts,
    other_language,
    phenomenon_labels,
)
from pipeline.domain.publishing.report_text import Texts

# Reading order: what is missing comes right after the key figures, before it is missed.
REGION_SECTIONS = ("region-figures", "region-gaps", "region-phenomena", "region-municipalities",
                   "region-trends", "region-sectors")  # fmt: skip


def riec_codes(data: ReportData) -> list[str]:
    """The RIEC regions of the year's data, in code order."""
    regions = data["regions"].filter(pl.col("region_level") == "riec_region")
    return sorted(regions["region_code"].to_list())


def region_context(
    data: ReportData, texts: Texts, language: str, labels: Mapping[str, str], code: str
) -> dict[str, Any]:
    """What the regional template reads for the region ``code``."""
    (region,) = data["regions"].filter(pl.col("region_code") == code).iter_rows(named=True)
    name = str(region["region_name"])
    municipalities = data["municipal_rates"].filter(pl.col("riec_code") == code)
    own = sorted(set(municipalities["code"].to_list()))
    return {
        "region_code": code,
        "region_name": name,
        "region_sections": REGION_SECTIONS,
        "comparison": _comparison(data, region, texts, language),
        **_phenomena(data, texts, language, labels, code, name),
        **municipal_map(data, texts, language, labels, only_codes=own, width=380),
        "municipal_columns": [labels[c] for c in _phenomenon_order(data)],
        "municipal_counts": _municipal_counts(data, municipalities, texts, language),
        **_trends(data, texts, language, labels, code),
        "sectors": _sectors(data, texts, language, code),
        "gaps": _gaps(data, texts, language, labels, code, municipalities),
    }


def _comparison(
    data: ReportData, region: Mapping[str, Any], texts: Texts, language: str
) -> list[Context]:
    """The region's key figures beside the country's."""
    national = data.key_figures
    population = national["population"] or 0
    national_harm = national["harm_score"] * 100000 / population if population else None
    rank = region["harm_rank"]
    return [
        {
            "label": texts["figure_population"],
            "region": format_count(region["population"], language),
            "national": format_count(national["population"], language),
        },
        {
            "label": texts["region_crimes_per_100k"],
            "region": format_rate(region["registered_crimes_per_100k"], language),
            "national": format_rate(national["registered_crimes_per_100k"], language),
        },
        {
            "label": texts["col_harm_per_100k"],
            "region": format_rate(region["harm_per_100k"], language, 0),
            "national": format_rate(national_harm, language, 0),
        },
        {
            "label": texts["region_rank"],
            "region": texts["region_rank_value"].format(
                rank=rank,
                lower=region["count_rank_lower"],
                upper=region["count_rank_upper"],
            )
            if rank is not None and region["count_rank_lower"] is not None
            else DASH,
            "national": DASH,
        },
        {
            "label": texts["figure_drug_sites"],
            "region": format_count(region["drug_sites"], language),
            "national": format_count(national["drug_sites"], language),
        },
    ]


def _phenomenon_order(data: ReportData) -> list[str]:
    """The phenomena measured by registered crimes, in the order of the priorities."""
    priorities = data["priorities"].filter(pl.col("source") == "incidents")
    return [str(code) for code in priorities["phenomenon_code"]]


def _phenomena(
    data: ReportData,
    texts: Texts,
    language: str,
    labels: Mapping[str, str],
    code: str,
    name: str,
) -> Context:
    """Each phenomenon's rate in the region (with its interval) against the national rate."""
    own = data["phenomenon_regions"].filter(pl.col("region_code") == code)
    national = dict(
        zip(data["priorities"]["phenomenon_code"], data["priorities"]["rate_per_100k"], strict=True)
    )
    rows = []
    for phenomenon in _phenomenon_order(data):
        found = own.filter(pl.col("phenomenon_code") == phenomenon)
        if not found.height:
            continue
        (r,) = found.iter_rows(named=True)
        lower, upper, nl = r["rate_per_100k_lower"], r["rate_per_100k_upper"], national[phenomenon]
        position = "above" if lower > nl else "below" if upper < nl else "like"
        rows.append(
            {
                "code": phenomenon,
                "label": labels[phenomenon],
                "count": format_count(r["registered_crimes"], language),
                "rate": format_rate(r["rate_per_100k"], language),
                "interval": texts["interval"].format(
                    lower=format_rate(lower, language), upper=format_rate(upper, language)
                ),
                "national": format_rate(nl, language),
                "position": texts[f"region_position_{position}"],
                "values": (r["rate_per_100k"], lower, upper, nl),
            }
        )
    frame = pl.DataFrame(
        [(row["label"], *row["values"]) for row in rows],
        schema=["label", "rate", "lower", "upper", "national"],
        orient="row",
    )
    chart = region_vs_national_chart(
        frame, texts["small_regions_x"], name, texts["region_national"]
    )
    return {
        "phenomena_rows": rows,
        "phenomena_svg": svg(chart, language) if rows else None,
        "phenomena_alt": texts["region_phenomena_alt"].format(region=name, year=data.year),
    }


def _municipal_counts(
    data: ReportData, municipalities: pl.DataFrame, texts: Texts, language: str
) -> list[Context]:
    """Per municipality of the region its published count of each phenomenon ("not
    published" where the disclosure control hides it)."""
    order = _phenomenon_order(data)
    rows = []
    for (name,), group in municipalities.sort("name").group_by(["name"], maintain_order=True):
        counts = dict(zip(group["phenomenon_code"], group["registered_crimes"], strict=True))
        population = group["population"][0]
        rows.append(
            {
                "name": name,
                "population": format_count(population, language),
                "counts": [
                    format_count(counts[c], language) if counts.get(c) is not None else DASH
                    for c in order
                ],
            }
        )
    return rows


def _trends(
    data: ReportData, texts: Texts, language: str, labels: Mapping[str, str], code: str
) -> Context:
    series = data["region_series"].filter(pl.col("region_code") == code)
    if not series.height:
        return {"trend_svg": None}
    labelled = series.with_columns(pl.col("phenomenon_code").replace_strict(labels).alias("label"))
    first = min(series["year"].cast(pl.Int64).to_list())
    return {
        "trend_svg": svg(
            charts.interval_trend_chart(labelled, "label", texts["trend_y"]), language
        ),
        "trend_alt": texts["trend_alt"].format(first_year=first, year=data.year),
        "trend_first_year": first,
    }


def _sectors(data: ReportData, texts: Texts, language: str, code: str) -> list[Context]:
    sectors = data["region_sectors"].filter(pl.col("region_code") == code)
    return [
        {
            "label": r[f"label_{language}"],
            "value": format_rate(r["per_1000"], language)
            if r["has_source"]
            else texts["no_source"],
            "interval": texts["interval"].format(
                lower=format_rate(r["per_1000_lower"], language),
                upper=format_rate(r["per_1000_upper"], language),
            )
            if r["has_source"] and r["per_1000_lower"] is not None
            else "",
            "national": format_rate(r["national_per_1000"], language) if r["has_source"] else DASH,
            "gap": not r["has_source"],
        }
        for r in sectors.iter_rows(named=True)
    ]


def _gaps(
    data: ReportData,
    texts: Texts,
    language: str,
    labels: Mapping[str, str],
    code: str,
    municipalities: pl.DataFrame,
) -> list[str]:
    """What the region's picture lacks, in sentences."""
    gaps = []
    unmeasured = data["priorities"].filter(pl.col("is_gap") | pl.col("harm_score").is_null())
    if unmeasured.height:
        names = ", ".join(labels[c] for c in unmeasured["phenomenon_code"])
        gaps.append(texts["region_gap_unmeasured"].format(phenomena=names))
    shown = set(data["phenomenon_regions"].filter(pl.col("region_code") == code)["phenomenon_code"])
    hidden = [labels[c] for c in _phenomenon_order(data) if c not in shown]
    if hidden:
        gaps.append(texts["region_gap_hidden_total"].format(phenomena=", ".join(hidden)))
    cells = municipalities.height
    suppressed = municipalities.filter(pl.col("registered_crimes").is_null()).height
    if cells:
        gaps.append(
            texts["region_gap_municipal"].format(
                hidden=format_count(suppressed, language), cells=format_count(cells, language)
            )
        )
    no_source = data["region_sectors"].filter(
        (pl.col("region_code") == code) & ~pl.col("has_source")
    )
    if no_source.height:
        names = ", ".join(no_source[f"label_{language}"].to_list())
        gaps.append(texts["region_gap_sectors"].format(sectors=names))
    return gaps


def build_region_editions(data: ReportData, language: str) -> list[tuple[str, Edition]]:
    """The edition of every RIEC region (its code and its edition) in ``language``."""
    texts = load_texts(language)
    labels = phenomenon_labels(data, language)
    shared = {
        "lang": language,
        "other_lang": other_language(language),
        "t": texts,
        "year": data.year,
        "is_synthetic": data.is_synthetic,
        "map_credit": charts_maps.credit(language),
        "css": css(),
    }
    template = environment().get_template("region.html.j2")
    editions = []
    for code in riec_codes(data):
        context = region_context(data, texts, language, labels, code)
        editions.append((code, Edition(language, template.render(**shared, **context), [])))
    return editions
