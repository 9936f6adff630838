"""What the browser tests share: Debian's Chromium, the editions, and what a page did."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from tests.conftest import Workspace

PROJECT_ROOT = Path(__file__).resolve().parents[2]
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
# The first screen of a laptop: screenshots show what a reader sees before scrolling.
VIEWPORT = {"width": 1280, "height": 800}

REPORT_YEAR = 2025
EDITIONS = ("nl", "en")


@dataclass
class PageLog:
    """What a page did while a test held it open."""

    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@dataclass
class OpenedPage:
    page: Page
    path: Path
    log: PageLog


def edition_path(workspace: Workspace, year: int, lang: str) -> Path:
    return workspace.reports / str(year) / f"dreigingsbeeld-{year}.{lang}.html"


def axe_core_version() -> str:
    """The axe-core version that the Makefile pins (and fetches into .tools/)."""
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    match = re.search(r"^AXE_CORE_VERSION\s*:?=\s*(\S+)\s*$", makefile, re.MULTILINE)
    if match is None:
        pytest.fail("The Makefile pins no AXE_CORE_VERSION", pytrace=False)
    return match.group(1)
