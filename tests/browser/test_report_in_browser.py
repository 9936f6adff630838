"""The report opened from disk in Debian's headless Chromium, driven by Playwright."""

import shutil
from pathlib import Path

import polars as pl
import pytest

from assets.report_builder import ReportData, build_report_html

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists() and shutil.which("chromium") is None,
    reason="Debian's chromium is not installed (.ci/run installs it)",
)


def small_report_data() -> ReportData:
    phenomena = pl.DataFrame(
        {
            "phenomenon_code": ["fraud", "violence", "drug_production", "corruption_infiltration"],
            "label_nl": ["Fraude", "Geweld", "Drugsproductie", "Corruptie en infiltratie"],
            "label_en": ["Fraud", "Violence", "Drug production", "Corruption and infiltration"],
            "registered_crimes": [1200, 300, None, None],
            "registered_crimes_previous": [1000, 330, None, None],
            "change_on_previous_year": [0.2, -30 / 330, None, None],
            "registered_crimes_per_100k": [12.0, 3.0, None, None],
            "harm_score": [4800.0, 2400.0, None, None],
            "harm_share": [4800 / 7200, 2400 / 7200, None, None],
            "drug_sites": [None, None, 40, None],
        }
    )
    trend = pl.DataFrame(
        {
            "year": [2024, 2025, 2024, 2025],
            "phenomenon_code": ["fraud", "fraud", "violence", "violence"],
            "label_nl": ["Fraude", "Fraude", "Geweld", "Geweld"],
            "label_en": ["Fraud", "Fraud", "Violence", "Violence"],
            "registered_crimes": [1000, 1200, 330, 300],
            "rate_per_100k": [10.0, 12.0, 3.3, 3.0],
            "harm_score": [4000.0, 4800.0, 2640.0, 2400.0],
        }
    )
    regions = pl.DataFrame(
        {
            "region_code": ["RIEC01", "RIEC02"],
            "region_name": ["RIEC <script>alert(1)</script>", "RIEC Zuid"],
            "population": [60000, 40000],
            "registered_crimes": [900, 600],
            "registered_crimes_per_100k": [1500.0, 1500.0],
            "harm_score": [4500.0, 2700.0],
            "harm_per_100k": [7500.0, 6750.0],
            "drug_sites": [30, 10],
        }
    )
    quality = pl.DataFrame(
        {
            "asset_key": ["raw/incidents"],
            "check_name": ["incidents_file_is_valid"],
            "passed": [True],
            "rows_checked": [40],
            "rules_checked": [10],
            "failed_values": [0],
            "summary": ["All rules hold."],
        }
    )
    files = pl.DataFrame(
        {
            "year": [2025],
            "source": ["incidents"],
            "source_file": ["83648NED_2025.csv"],
            "source_sha256": ["0" * 64],
            "is_synthetic": [True],
        }
    )
    key_figures = {
        "registered_crimes": 1500,
        "registered_crimes_previous": 1330,
        "registered_crimes_per_100k": 1500.0,
        "harm_score": 7200.0,
        "harm_score_previous": 6640.0,
        "population": 100000,
        "drug_sites": 40,
        "drug_sites_previous": 35,
        "unusual_transactions": 5000,
        "suspicious_transactions": 700,
        "suspicious_amount_eur": 12345678,
    }
    return ReportData(2025, key_figures, trend, regions, phenomena, quality, files, "default_v0")


def test_report_renders_offline_with_every_chart(tmp_path):
    from playwright.sync_api import sync_playwright

    page_path = tmp_path / "dreigingsbeeld-2025.nl.html"
    page_path.write_text(build_report_html(small_report_data(), "nl"), encoding="utf-8")
    console_errors, requests, dialogs = [], [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            page.on(
                "console", lambda m: console_errors.append(m.text) if m.type == "error" else None
            )
            page.on("pageerror", lambda e: console_errors.append(str(e)))
            page.on("request", lambda r: requests.append(r.url))
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.goto(page_path.as_uri())
            page.wait_for_load_state("load")

            charts = page.locator("div.chart svg")
            assert charts.count() == 3
            for index in range(3):
                box = charts.nth(index).bounding_box()
                assert box is not None and box["width"] > 200 and box["height"] > 50
            assert page.locator("html").get_attribute("lang") == "nl"
            assert page.locator("[data-synthetic=true]").is_visible()
            # A region name holding markup shows as text and runs nothing.
            assert page.get_by_text("RIEC <script>alert(1)</script>").first.is_visible()
            assert page.locator("[data-figure=registered_crimes]").inner_text() == "1.500"
            page.screenshot(path=str(tmp_path / "first-screen.png"))
        finally:
            browser.close()
    assert console_errors == []
    assert dialogs == []
    assert requests == [page_path.as_uri()]
    assert (tmp_path / "first-screen.png").stat().st_size > 10_000
