"""The Dutch report of the latest demo year, checked against independent SQL on the warehouse.

The session fixture ``demo_build`` materialises 2024 and then 2025 into one warehouse, so the
year-on-year figures exist. Every key figure the report prints is recomputed here with its own
query and compared with both the ``value`` attribute and the Dutch-formatted text (the HTML is
read by report_parser.py). The indicators behind it are checked in test_indicators_end_to_end.py
and test_sector_impact_policy_end_to_end.py.
"""

from __future__ import annotations

import csv
import math

import polars as pl
import pytest
from dagster import AssetCheckSeverity

from pipeline.domain.files.cbs_files import read_cbs_file
from pipeline.domain.files.cbs_labels import load_code_lists
from pipeline.domain.files.cbs_tables import INCIDENTS_TABLE
from tests.conftest import LATEST_DEMO_YEAR, REFERENCE_DIR, Workspace
from tests.e2e.report_parser import ParsedReport, dutch_number, parse_report

YEAR = LATEST_DEMO_YEAR

# Each key figure: the independent query (one row, one value) and its printed decimals.
INCIDENTS = (
    "from indicators.phenomenon_indicators "
    "where region_level = 'national' and source = 'incidents' and year = $year"
)
FINANCIAL = "from indicators.financial_indicators where region_level = 'national' and year = $year"
POPULATION = (
    "select sum(population) from (select distinct region_code, population "
    "from indicators.phenomenon_indicators where region_level = 'municipality' and year = $year)"
)
EXPECTED_FIGURES: dict[str, tuple[str, int]] = {
    "registered_crimes": (f"select sum(event_count) {INCIDENTS}", 0),
    "registered_crimes_per_100k": (
        f"select sum(event_count) * 100000.0 / ({POPULATION}) {INCIDENTS}",
        1,
    ),
    "harm_score": (f"select sum(harm_score) {INCIDENTS}", 0),
    "drug_sites": (
        "select sum(event_count) from indicators.phenomenon_indicators "
        "where region_level = 'national' and source = 'drug_sites' and year = $year",
        0,
    ),
    "suspicious_transactions": (f"select sum(suspicious_transactions) {FINANCIAL}", 0),
    "suspicious_amount_eur": (f"select sum(suspicious_amount_eur) {FINANCIAL}", 0),
    "unusual_transactions": (f"select sum(unusual_transactions) {FINANCIAL}", 0),
}


@pytest.fixture(scope="module")
def report(demo_build: Workspace) -> ParsedReport:
    path = demo_build.report_file(YEAR)
    assert path.is_file(), f"{path} was not written"
    return parse_report(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def html(demo_build: Workspace) -> str:
    return demo_build.report_file(YEAR).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def expected(demo_build: Workspace) -> dict[str, float]:
    values = {}
    with demo_build.connect() as conn:
        for key, (sql, _decimals) in EXPECTED_FIGURES.items():
            (value,) = conn.execute(sql, {"year": YEAR}).fetchone()
            assert value is not None, key
            values[key] = float(value)
    return values


def test_both_years_were_built(demo_build: Workspace) -> None:
    for year in (YEAR - 1, YEAR):
        result = demo_build.results[str(year)]
        assert result.success, year
        errors = [
            e.asset_check_key.name
            for e in result.get_asset_check_evaluations()
            if not e.passed and e.severity == AssetCheckSeverity.ERROR
        ]
        assert errors == [], year


def test_report_prints_the_known_key_figures(report: ParsedReport) -> None:
    assert set(report.figures) == set(EXPECTED_FIGURES)


@pytest.mark.parametrize("key", sorted(EXPECTED_FIGURES))
def test_key_figure_value_attribute_equals_sql(
    report: ParsedReport, expected: dict[str, float], key: str
) -> None:
    value, _text = report.figures[key]
    assert value not in (None, ""), key
    assert math.isclose(float(value), expected[key], rel_tol=1e-12, abs_tol=1e-9), key


@pytest.mark.parametrize("key", sorted(EXPECTED_FIGURES))
def test_key_figure_text_is_dutch_formatted_sql_value(
    report: ParsedReport, expected: dict[str, float], key: str
) -> None:
    _value, text = report.figures[key]
    decimals = EXPECTED_FIGURES[key][1]
    if key == "suspicious_amount_eur":
        # Euros in words: billions with two decimals, Dutch style.
        assert text == f"€ {dutch_number(expected[key] / 1e9, 2)} miljard"
    else:
        assert text == dutch_number(expected[key], decimals), key


def test_dutch_formatting_of_the_figures(report: ParsedReport) -> None:
    # Large counts carry '.' as thousands separator; the rate a ',' before its one decimal.
    assert report.figures["unusual_transactions"][1].count(".") >= 2
    rate = report.figures["registered_crimes_per_100k"][1]
    assert "," in rate
    assert len(rate.split(",")[1]) == 1


def test_national_total_equals_raw_demo_csv(
    report: ParsedReport, expected: dict[str, float], demo_build: Workspace
) -> None:
    crime_types = pl.read_csv(REFERENCE_DIR / "crime_types.csv", infer_schema=False)
    mapped = crime_types.filter(pl.col("phenomenon_code").is_not_null())["crime_type_code"]
    # The latest demo year is a StatLine download (labels): read as the loader reads it.
    delivered = read_cbs_file(
        demo_build.demo_file("incidents", YEAR), INCIDENTS_TABLE, load_code_lists(REFERENCE_DIR)
    )
    total = (
        delivered.filter(
            pl.col("SoortMisdrijf").is_in(mapped.to_list())
            & pl.col("RegioS").str.strip_chars().str.starts_with("GM")
        )
        .select(pl.col("TotaalGeregistreerdeMisdrijven_1").cast(pl.Int64, strict=False).sum())
        .item()
    )
    assert total > 0
    assert total == expected["registered_crimes"]
    assert report.figures["registered_crimes"][0] == str(total)


def test_previous_year_figures_reach_the_findings(
    report: ParsedReport, demo_build: Workspace
) -> None:
    with demo_build.connect() as conn:
        current, previous, population, population_previous = conn.execute(
            "select sum(event_count) filter (where year = $year), "
            "sum(event_count) filter (where year = $year - 1), "
            "max(population) filter (where year = $year), "
            "max(population) filter (where year = $year - 1) "
            "from indicators.phenomenon_indicators "
            "where region_level = 'national' and source = 'incidents'",
            {"year": YEAR},
        ).fetchall()[0]
    assert previous
    # The change is that of the rate: counts over inhabitants, this year against last.
    change = (current / population) / (previous / population_previous) - 1
    sign = "+" if change > 0 else ("\u2212" if change < 0 else "\u00b1")
    change_text = f"{sign}{dutch_number(abs(change) * 100, 1)}%"
    first = report.findings[0]
    assert dutch_number(current) in first
    assert change_text in first
    assert str(YEAR - 1) in first


def test_riec_table_lists_all_ten_regions(report: ParsedReport) -> None:
    with (REFERENCE_DIR / "riec_regions.csv").open(encoding="utf-8", newline="") as handle:
        names = [row["riec_name"] for row in csv.DictReader(handle)]
    assert len(names) == 10
    assert sorted(report.riec_rows) == sorted(names)


def test_synthetic_banner_is_shown(report: ParsedReport, html: str) -> None:
    assert report.synthetic_banners >= 1
    assert "synthetische demodata" in html


def test_html_is_dutch(report: ParsedReport) -> None:
    assert report.html_lang == "nl"


def test_no_external_references(report: ParsedReport, html: str) -> None:
    external = [
        (tag, name, value)
        for tag, name, value in report.url_attributes
        if value.strip().lower().startswith(("http://", "https://", "//"))
    ]
    assert external == []
    assert "script" not in report.tags
    assert "link" not in report.tags
    assert "@import" not in html
    assert "url(http" not in html.replace(" ", "").lower()


def test_report_has_its_eight_charts(report: ParsedReport) -> None:
    # the headline (harm per phenomenon), the maps of provinces, RIEC regions and
    # municipalities, sector heat map, trends, seizure flows, policy measures
    assert len(report.charts) == 8
    assert all(chart["label"] for chart in report.charts)


def test_each_chart_is_an_inline_svg(report: ParsedReport) -> None:
    problems = [
        f"{chart['label'][:40]}: text {chart['text'][:40]!r}"
        for chart in report.charts
        if not chart["svg"]
    ]
    assert problems == []
    assert all("<svg" not in chart["text"] for chart in report.charts)


def test_the_provisional_year_is_marked(demo_build: Workspace, html: str) -> None:
    # The demo marks its latest year provisional ("2025JJ00*"), as CBS does.
    with demo_build.connect() as conn:
        flags = conn.execute(
            "select year, bool_and(is_provisional) from staging.stg_incidents__crimes "
            "group by year order by year"
        ).fetchall()
    assert flags == [(YEAR - 1, False), (YEAR, True)]
    assert f"De cijfers over {YEAR} zijn voorlopig" in html
    assert f'<th scope="col" class="num">{YEAR}*</th>' in html
    assert f'<th scope="col" class="num">{YEAR - 1}</th>' in html
