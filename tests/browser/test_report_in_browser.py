"""The report opened from disk in Debian's headless Chromium, driven by Playwright.

Each test runs for every edition language (the ``lang`` fixture of tests/browser/conftest.py).
"""

from __future__ import annotations

import pytest

from pipeline.domain.publishing.numbers import format_count
from pipeline.domain.publishing.report_builder import build_report_html
from pipeline.domain.publishing.report_templates import REPORTS_DIR
from tests.browser.pages import OpenedPage
from tests.samples import small_report_data

# A first screen with text, charts and colour is far larger than this; a blank one is smaller.
MIN_SCREENSHOT_BYTES = 10_000


def assert_offline_and_quiet(opened: OpenedPage) -> None:
    """The page asked for nothing but its own file, logged no error and opened no dialog."""
    log = opened.log
    assert log.requests == [opened.path.as_uri()], "requests other than the page itself"
    assert log.console_errors == [], "console errors"
    assert log.dialogs == [], "dialogs opened"


def assert_every_chart_drawn(opened: OpenedPage) -> int:
    """Each ``.chart`` holds an SVG that takes up room on the page; returns how many charts."""
    charts = opened.page.locator(".chart")
    count = charts.count()
    assert count > 0, "the page has no .chart element"
    for index in range(count):
        chart = charts.nth(index)
        name = chart.get_attribute("aria-label") or f"chart {index + 1}"
        svg = chart.locator("svg")
        assert svg.count() > 0, f"{name}: no svg"
        box = svg.first.bounding_box()
        assert box is not None, f"{name}: the svg is not rendered"
        assert box["width"] > 0 and box["height"] > 0, f"{name}: the svg is empty ({box})"
    return count


def test_edition_renders_offline_with_every_chart(lang, edition_file, open_page, tmp_path):
    opened = open_page(edition_file)
    page = opened.page

    assert page.locator("html").get_attribute("lang") == lang
    assert_every_chart_drawn(opened)

    # The first screen (the viewport, not the whole page), kept with the test: not in the
    # shared demo build, which the tests only read (others compare its report folder).
    screenshot = tmp_path / f"first-screen-{lang}.png"
    page.screenshot(path=str(screenshot))

    assert_offline_and_quiet(opened)
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert screenshot.stat().st_size > MIN_SCREENSHOT_BYTES, f"{screenshot} looks blank"


def test_sample_report_shows_markup_as_text(lang, open_page, tmp_path):
    """A small hand-made report: figures formatted per language, markup in data stays text."""
    if not (REPORTS_DIR / "i18n" / f"{lang}.json").exists():
        pytest.fail(f"no texts for the {lang!r} edition in reports/i18n/", pytrace=False)
    page_path = tmp_path / f"dreigingsbeeld-2025.{lang}.html"
    page_path.write_text(build_report_html(small_report_data(), lang), encoding="utf-8")
    opened = open_page(page_path)
    page = opened.page

    for index in range(assert_every_chart_drawn(opened)):
        box = page.locator(".chart").nth(index).locator("svg").first.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 50
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("[data-synthetic=true]").is_visible()
    # A region name holding markup shows as text and runs nothing.
    assert page.get_by_text("RIEC <script>alert(1)</script>").first.is_visible()
    figure = page.locator("[data-figure=registered_crimes]").inner_text()
    assert figure == format_count(1500, lang)
    page.screenshot(path=str(tmp_path / "first-screen.png"))

    assert_offline_and_quiet(opened)
    assert (tmp_path / "first-screen.png").stat().st_size > MIN_SCREENSHOT_BYTES
