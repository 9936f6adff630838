"""Browser fixtures: Debian's headless Chromium driven by Playwright, and the report's editions.

Every test here that takes ``lang`` runs once per edition language. ``open_page`` opens a file
from disk (a file:// URL) and records what the page asks of the network and what it logs, so a
test can check afterwards that the page made no request but its own file and had no errors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.browser.pages import (
    CHROMIUM,
    CHROMIUM_ARGS,
    EDITIONS,
    PROJECT_ROOT,
    REPORT_YEAR,
    VIEWPORT,
    OpenedPage,
    PageLog,
    axe_core_version,
    edition_path,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

    from tests.conftest import Workspace


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium (never a browser build of Playwright's own), headless."""
    if not CHROMIUM.exists():
        pytest.skip(f"Debian's chromium is not installed at {CHROMIUM} (.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(params=EDITIONS)
def lang(request: pytest.FixtureRequest) -> str:
    """An edition language of the report; a test taking it runs for each."""
    return request.param


@pytest.fixture
def edition_file(demo_build: Workspace, lang: str) -> Path:
    """The demo build's report of ``REPORT_YEAR`` in ``lang`` (it may not exist: see open_page)."""
    return edition_path(demo_build, REPORT_YEAR, lang)


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Callable[[Path], OpenedPage]]:
    """Factory: ``open_page(path)`` loads the file in a fresh page with ``VIEWPORT``.

    A missing file fails the test (it does not skip): the pipeline must have written it.
    """
    contexts: list[BrowserContext] = []

    def _open(path: Path) -> OpenedPage:
        if not path.exists():
            pytest.fail(f"{path.name} was not written: no such file {path}", pytrace=False)
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        page = context.new_page()
        log = PageLog()
        page.on(
            "console",
            lambda m: log.console_errors.append(m.text) if m.type == "error" else None,
        )
        page.on("pageerror", lambda e: log.console_errors.append(str(e)))
        page.on("request", lambda r: log.requests.append(r.url))
        page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        page.wait_for_load_state("networkidle")
        return OpenedPage(page=page, path=path, log=log)

    yield _open
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_core_script() -> Path:
    """Where ``make test`` puts axe.min.js; the test checks that it is there."""
    return PROJECT_ROOT / ".tools" / "axe-core" / axe_core_version() / "axe.min.js"
