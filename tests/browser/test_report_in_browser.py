"""The report opened from disk in Debian's headless Chromium, driven by Playwright."""

import shutil
from pathlib import Path

import pytest

from assets.report_builder import build_report_html
from tests.samples import small_report_data

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
