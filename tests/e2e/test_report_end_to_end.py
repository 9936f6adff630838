"""The Dutch report of the latest demo year, checked against independent SQL on the warehouse.

The session fixture ``demo_build`` materialises 2024 and then 2025 into one warehouse, so the
year-on-year figures exist. Every key figure the report prints is recomputed here with its own
query and compared with both the ``value`` attribute and the Dutch-formatted text.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass, field
from html.parser import HTMLParser

import polars as pl
import pytest
from dagster import AssetCheckSeverity

from pipeline.domain.files.cbs_files import read_cbs_file
from pipeline.domain.files.cbs_labels import load_code_lists
from pipeline.domain.files.cbs_tables import INCIDENTS_TABLE
from tests.conftest import LATEST_DEMO_YEAR, REFERENCE_DIR, Workspace

YEAR = LATEST_DEMO_YEAR
URL_ATTRIBUTES = {"src", "href", "xlink:href", "srcset", "action", "data", "poster", "cite"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID_ELEMENTS |= {"source", "track", "wbr"}


@dataclass
class ParsedReport:
    html_lang: str | None = None
    figures: dict[str, tuple[str | None, str]] = field(default_factory=dict)
    synthetic_banners: int = 0
    url_attributes: list[tuple[str, str, str]] = field(default_factory=list)
    riec_rows: list[str] = field(default_factory=list)
    charts: list[dict] = field(default_factory=list)
    tags: set[str] = field(default_factory=set)
    findings: list[str] = field(default_factory=list)


class ReportParser(HTMLParser):
    """Collects what the tests need while walking the document once."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.report = ParsedReport()
        self._stack: list[tuple[str, dict[str, str | None]]] = []
        self._figure: tuple[str, str | None] | None = None
        self._figure_text: list[str] = []
        self._region_text: list[str] | None = None
        self._chart_depth: int | None = None
        self._finding_text: list[str] | None = None

    def _inside(self, tag: str, **attrs: str) -> bool:
        return any(
            t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
            for t, a in self._stack
        )

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        report = self.report
        report.tags.add(tag)
        if tag == "html":
            report.html_lang = attributes.get("lang")
        if attributes.get("data-synthetic") == "true":
            report.synthetic_banners += 1
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                report.url_attributes.append((tag, name, value))
        if tag == "data" and "data-figure" in attributes:
            self._figure = (attributes["data-figure"], attributes.get("value"))
            self._figure_text = []
        if (
            tag == "th"
            and "data-region" in attributes
            and self._inside("table", data_table="riec_regions")
        ):
            self._region_text = []
        if tag == "li" and self._inside("ul", **{"class": "findings"}):
            self._finding_text = []
        if self._chart_depth is not None and tag == "svg" and not report.charts[-1]["svg"]:
            # True only for an <svg> element directly inside the chart's <div>.
            report.charts[-1]["svg"] = len(self._stack) == self._chart_depth + 1
        if tag == "div" and attributes.get("class") == "chart":
            report.charts.append({"label": attributes.get("aria-label"), "svg": False, "text": ""})
            self._chart_depth = len(self._stack)
        if tag not in VOID_ELEMENTS:
            self._stack.append((tag, attributes))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID_ELEMENTS:
            return
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if tag == "data" and self._figure is not None:
            key, value = self._figure
            self.report.figures[key] = (value, "".join(self._figure_text).strip())
            self._figure = None
        if tag == "th" and self._region_text is not None:
            self.report.riec_rows.append("".join(self._region_text).strip())
            self._region_text = None
        if tag == "li" and self._finding_text is not None:
            self.report.findings.append(" ".join("".join(self._finding_text).split()))
            self._finding_text = None
        if self._chart_depth is not None and len(self._stack) == self._chart_depth:
            self._chart_depth = None

    def handle_data(self, data: str) -> None:
        if self._figure is not None:
            self._figure_text.append(data)
        if self._region_text is not None:
            self._region_text.append(data)
        if self._finding_text is not None:
            self._finding_text.append(data)
        if self._chart_depth is not None:
            self.report.charts[-1]["text"] += data


def parse_report(html: str) -> ParsedReport:
    parser = ReportParser()
    parser.feed(html)
    parser.close()
    return parser.report


def dutch_number(value: float, decimals: int = 0) -> str:
    """Dutch notation written out by hand: '.' groups thousands, ',' marks decimals."""
    text = f"{round(value):,}" if decimals == 0 else f"{value:,.{decimals}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


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


def test_report_has_six_charts(report: ParsedReport) -> None:
    # RIEC and province tile maps, sector heat map, trends, seizure flows, policy measures
    assert len(report.charts) == 6
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


def test_harm_rankings_cover_every_weight_set_and_match_the_report(demo_build: Workspace) -> None:
    from pipeline.plumbing.sql_runner import query

    with demo_build.connect() as conn:
        per_set = conn.execute(
            "select weight_set, count(*) from indicators.harm_rankings "
            "where year = ? and region_level = 'riec_region' group by 1 order by 1",
            [YEAR],
        ).fetchall()
        ranked = dict(
            conn.execute(
                "select region_code, harm_per_100k from indicators.harm_rankings "
                "where year = ? and region_level = 'riec_region' and weight_set = 'default_v0'",
                [YEAR],
            ).fetchall()
        )
        columns, rows = query(conn, "report/regions", {"year": YEAR})
        intervals = conn.execute(
            "select count(*) from indicators.harm_rankings where year = ? and not ("
            "count_rank_lower <= count_rank_median and count_rank_median <= count_rank_upper "
            "and weight_rank_lower <= weight_rank_median "
            "and weight_rank_median <= weight_rank_upper)",
            [YEAR],
        ).fetchall()
        correlations = conn.execute(
            "select region_level, weight_set_a, weight_set_b, spearman_rho "
            "from indicators.harm_rank_correlations where year = ? order by all",
            [YEAR],
        ).fetchall()
    assert per_set == [
        ("default_v0", 10),
        ("paoli_greenfield_v1", 10),
        ("statutory_maximum_v1", 10),
    ]
    # The report's RIEC table (built with default_v0) shows the same harm per 100,000.
    reported = {
        row[columns.index("region_code")]: row[columns.index("harm_per_100k")]
        for row in rows
        if row[columns.index("region_level")] == "riec_region"
    }
    assert ranked == pytest.approx(reported, rel=1e-9)
    assert intervals == [(0,)]
    # Three sets: three pairs, for the RIEC regions and for the provinces.
    assert [(level, a, b) for level, a, b, _ in correlations] == [
        (level, a, b)
        for level in ("province", "riec_region")
        for a, b in (
            ("default_v0", "paoli_greenfield_v1"),
            ("default_v0", "statutory_maximum_v1"),
            ("paoli_greenfield_v1", "statutory_maximum_v1"),
        )
    ]
    assert all(-1 <= rho <= 1 for *_, rho in correlations)


def test_published_counts_hide_small_counts_and_pass_their_check(demo_build: Workspace) -> None:
    result = demo_build.results[str(YEAR)]
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert evaluations["no_published_count_can_be_disclosed"].passed
    with demo_build.connect() as conn:
        shown_small = conn.execute(
            "select count(*) from indicators.published_municipal_counts "
            "where year = ? and registered_crimes < threshold",
            [YEAR],
        ).fetchall()
        kinds = dict(
            conn.execute(
                "select coalesce(suppression, 'shown'), count(*) "
                "from indicators.published_municipal_counts where year = ? group by 1",
                [YEAR],
            ).fetchall()
        )
        national = conn.execute(
            "select p.phenomenon_code, p.registered_crimes, i.event_count "
            "from indicators.published_region_counts as p "
            "join indicators.phenomenon_indicators as i on i.year = p.year "
            "and i.region_level = 'national' and i.source = 'incidents' "
            "and i.phenomenon_code = p.phenomenon_code "
            "where p.year = ? and p.region_level = 'national'",
            [YEAR],
        ).fetchall()
    assert shown_small == [(0,)]
    # The demo has small municipalities: some counts are hidden, and some to protect others.
    assert kinds["primary"] > 0 and kinds["secondary"] > 0 and kinds["shown"] > 0
    assert national and all(published == true for _, published, true in national)


def test_phenomenon_trends_compare_with_last_year(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        rows = conn.execute(
            "select t.phenomenon_code, t.event_count, t.event_count_previous, "
            "t.change_on_previous_year, t.change_lower, t.change_upper, t.trend_years, "
            "i.event_count, p.event_count "
            "from indicators.phenomenon_trends as t "
            "join indicators.phenomenon_indicators as i using (year, region_level, region_code, "
            "phenomenon_code, source) "
            "join indicators.phenomenon_indicators as p on p.year = t.year - 1 "
            "and p.region_level = t.region_level and p.region_code = t.region_code "
            "and p.phenomenon_code = t.phenomenon_code and p.source = t.source "
            "where t.year = ? and t.region_level = 'national' and t.source = 'incidents'",
            [YEAR],
        ).fetchall()
    assert rows
    for _, count, before, change, low, high, trend_years, indicator, previous in rows:
        assert (count, before) == (indicator, previous)
        assert low < change < high
        # Only 2024 and 2025 are built here: too few years for a trend.
        assert trend_years is None


def test_threat_index_ranks_the_regions_with_a_rank_range(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        levels = conn.execute(
            "select region_level, count(*), min(index_rank), max(variants) "
            "from indicators.threat_index where year = ? group by 1 order by 1",
            [YEAR],
        ).fetchall()
        outside = conn.execute(
            "select count(*) from indicators.threat_index where year = ? "
            "and not (rank_min <= index_rank and index_rank <= rank_max)",
            [YEAR],
        ).fetchall()
        settings = conn.execute(
            "select distinct normalisation, aggregation, weights from indicators.threat_index "
            "where year = ?",
            [YEAR],
        ).fetchall()
    # 12 provinces and 10 RIEC regions; 4 indicators: 5 combinations x 5 indicator sets.
    assert levels == [("province", 12, 1, 25), ("riec_region", 10, 1, 25)]
    assert outside == [(0,)]
    assert settings == [("min_max", "arithmetic", "{}")]


def test_sector_indicators_mark_sectors_without_a_source(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        national = conn.execute(
            "select sector_code, has_source, suspicious_per_1000_establishments "
            "from indicators.sector_indicators "
            "where year = ? and region_level = 'national' order by 1",
            [YEAR],
        ).fetchall()
    assert len(national) == 10
    without = {sector for sector, has_source, _ in national if not has_source}
    # No FIU-Nederland reporting group belongs to these: a gap, not zero.
    assert without == {
        "agriculture_rural",
        "hospitality",
        "logistics",
        "public_administration",
        "recreation_parks",
    }
    assert all(rate is None for sector, _, rate in national if sector in without)
    assert all(rate > 0 for sector, _, rate in national if sector not in without)


def test_tips_per_region_and_their_change(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        regions = conn.execute(
            "select count(distinct region_code) from indicators.signal_indicators "
            "where year = ? and region_level = 'riec_region'",
            [YEAR],
        ).fetchall()
        national = conn.execute(
            "select sum(tips) from indicators.signal_indicators "
            "where year = ? and region_level = 'national'",
            [YEAR],
        ).fetchall()
        staged = conn.execute(
            "select sum(tips) from staging.stg_signals__tips where year = ?", [YEAR]
        ).fetchall()
        changes = conn.execute(
            "select count(*) from indicators.phenomenon_trends "
            "where year = ? and source = 'signals' and change_on_previous_year is not null",
            [YEAR],
        ).fetchall()
    assert regions == [(10,)]
    assert national == staged
    assert changes[0][0] > 0


def test_harm_under_every_weight_set_adds_up_and_matches_the_main_mart(
    demo_build: Workspace,
) -> None:
    with demo_build.connect() as conn:
        sets = conn.execute(
            "select weight_set, count(distinct phenomenon_code) from indicators.harm_indicators "
            "where year = ? and region_level = 'national' group by 1 order by 1",
            [YEAR],
        ).fetchall()
        not_adding_up = conn.execute(
            "select count(*) from (select weight_set, phenomenon_code, source, "
            "sum(harm_score) filter (where region_level = 'municipality') as m, "
            "sum(harm_score) filter (where region_level = 'national') as n "
            "from indicators.harm_indicators where year = ? group by all) "
            "where abs(m - n) > 1e-6 * n",
            [YEAR],
        ).fetchall()
        headline_differs = conn.execute(
            "select count(*) from indicators.harm_indicators as h "
            "join indicators.phenomenon_indicators as i using (year, region_level, region_code, "
            "phenomenon_code, source) where h.weight_set = i.harm_weight_set and h.year = ? "
            "and h.harm_score <> i.harm_score",
            [YEAR],
        ).fetchall()
    assert [name for name, _ in sets] == [
        "default_v0",
        "paoli_greenfield_v1",
        "statutory_maximum_v1",
    ]
    assert all(phenomena >= 7 for _, phenomena in sets)
    assert not_adding_up == [(0,)]
    assert headline_differs == [(0,)]


def test_phenomenon_by_sector_cells_equal_staging(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        cell = conn.execute(
            "select event_count from indicators.phenomenon_sector_indicators where year = ? "
            "and region_level = 'national' and phenomenon_code = 'drug_production' "
            "and sector_code = 'agriculture_rural' and source = 'drug_sites'",
            [YEAR],
        ).fetchall()
        staged = conn.execute(
            "select count(*) from staging.stg_drug_sites__sites where year = ? "
            "and setting = 'rural' and site_type in ('dump', 'grow', 'production')",
            [YEAR],
        ).fetchall()
        laundering = conn.execute(
            "select event_count from indicators.phenomenon_sector_indicators where year = ? "
            "and region_level = 'national' and phenomenon_code = 'money_laundering' "
            "and sector_code = 'financial_services' and source = 'fiu_suspicious'",
            [YEAR],
        ).fetchall()
        fiu = conn.execute(
            "select sum(suspicious_transactions) from staging.stg_financial__fiu_transactions "
            "where year = ? and reporting_sector_code in "
            "('banken', 'betaaldienstverleners', 'trustkantoren')",
            [YEAR],
        ).fetchall()
        uncovered = conn.execute(
            "select count(*), count(*) filter (where event_count is null and is_intelligence_gap) "
            "from indicators.phenomenon_sector_indicators where year = ? and source is null",
            [YEAR],
        ).fetchall()
    assert cell == staged and cell[0][0] > 0
    assert laundering == fiu
    assert uncovered[0][0] > 0 and uncovered[0][0] == uncovered[0][1]


def test_impact_in_euros_is_quantity_times_the_sourced_unit_value(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        cocaine = conn.execute(
            "select quantity, impact_eur, impact_low_eur, impact_high_eur, unit_value_basis "
            "from indicators.impact_indicators where year = ? and region_level = 'national' "
            "and component = 'seizure_street_value' and item = 'cocaine'",
            [YEAR],
        ).fetchall()
        kilograms = conn.execute(
            "select sum(weight_kg) from staging.stg_seizures__seizures "
            "where year = ? and drug = 'cocaine'",
            [YEAR],
        ).fetchall()[0][0]
        unpriced = conn.execute(
            "select count(*) from indicators.impact_indicators where year = ? "
            "and unit_value_basis = 'none' and impact_eur is not null",
            [YEAR],
        ).fetchall()
    [(quantity, euros, low, high, basis)] = cocaine
    assert quantity == pytest.approx(float(kilograms))
    assert (euros, low, high) == pytest.approx(
        (quantity * 50000, quantity * 40000, quantity * 75000)
    )
    assert basis == "sourced"
    assert unpriced == [(0,)]


def test_policy_effects_need_years_before_the_start(demo_build: Workspace) -> None:
    # The demo build holds 2024 and 2025; the synthetic programme starts in 2022, so there is
    # no year before the start to compare with: no estimate, but the rates after are there.
    with demo_build.connect() as conn:
        rows = conn.execute(
            "select outcome, treated_municipalities, rate_ratio, treated_rate_after, "
            "is_synthetic_selection from indicators.policy_effects where year = ? order by 1",
            [YEAR],
        ).fetchall()
    assert len(rows) == 8  # 7 phenomena with registered crimes + all crimes; all tips
    assert {treated for _, treated, *_ in rows} == {27}
    assert all(ratio is None and after > 0 and synthetic for _, _, ratio, after, synthetic in rows)


def test_sector_threat_index_leaves_unmeasured_sectors_unranked(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        rows = conn.execute(
            "select sector_code, index_rank, indicators_used, rank_min, rank_max, index_value "
            "from indicators.sector_threat_index where year = ? order by 1",
            [YEAR],
        ).fetchall()
    assert len(rows) == 10
    unranked = {sector for sector, rank, *_ in rows if rank is None}
    assert unranked == {sector for sector, _, used, *_ in rows if used == 0}
    assert unranked == {"hospitality", "public_administration", "recreation_parks"}
    values = {sector: value for sector, _, _, _, _, value in rows if value is not None}
    assert len(values) == 7
    for sector, rank, _, low, high, value in rows:
        if rank is not None:
            # Rank 1 is the highest index; ties share the best rank.
            assert rank == 1 + sum(other > value for other in values.values()), sector
            assert low <= rank <= high


def test_trends_reach_municipalities_and_sector_series(demo_build: Workspace) -> None:
    with demo_build.connect() as conn:
        levels = conn.execute(
            "select region_level, count(*) filter (where sector_code is null), "
            "count(*) filter (where sector_code is not null) from indicators.phenomenon_trends "
            "where year = ? group by 1 order by 1",
            [YEAR],
        ).fetchall()
        municipal_change = conn.execute(
            "select t.event_count, t.event_count_previous, i.event_count "
            "from indicators.phenomenon_trends as t join indicators.phenomenon_indicators as i "
            "using (year, region_level, region_code, phenomenon_code, source) "
            "where t.year = ? and t.region_code = 'GM0363' and t.source = 'incidents' "
            "and t.phenomenon_code = 'violence'",
            [YEAR],
        ).fetchall()
    counts = {level: (plain, sector) for level, plain, sector in levels}
    assert counts["municipality"][0] >= 342 * 7 and counts["municipality"][1] == 0
    assert all(counts[level][1] > 0 for level in ("national", "riec_region", "province"))
    [(count, before, indicator)] = municipal_change
    assert count == indicator and before > 0


# The tables other tools may read (README, "The tables other tools may read"): their names and
# leading columns are a promise.
WAREHOUSE_CONTRACT = {
    "staging.stg_incidents__crimes": [
        "year", "municipality_code", "crime_type_code", "registered_crimes",
    ],
    "staging.stg_population__inhabitants": ["year", "municipality_code", "inhabitants"],
    "indicators.phenomenon_indicators": [
        "year", "region_level", "region_code", "region_name", "phenomenon_code", "source",
        "event_count",
    ],
}  # fmt: skip


@pytest.mark.parametrize("table", sorted(WAREHOUSE_CONTRACT))
def test_the_tables_other_tools_read_keep_their_columns(demo_build: Workspace, table: str) -> None:
    schema, name = table.split(".")
    with demo_build.connect() as conn:
        columns = [
            row[0]
            for row in conn.execute(
                "select column_name from information_schema.columns "
                "where table_schema = ? and table_name = ? order by ordinal_position",
                [schema, name],
            ).fetchall()
        ]
        rows = conn.execute(
            "select count(*) from query_table(?) where year = ?", [table, YEAR]
        ).fetchall()[0][0]
    promised = WAREHOUSE_CONTRACT[table]
    assert columns[: len(promised)] == promised
    assert rows > 0
