"""What every edition is made with: the templates' environment, the texts of each language, the
stylesheet and the phenomena's names. No Dagster."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import cast

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from pipeline.domain.publishing.report_data import ReportData
from pipeline.domain.publishing.report_text import Finding

REPORTS_DIR = Path(__file__).resolve().parents[3] / "reports"
# The real boundaries every map is drawn from (data/reference/README.md).
BOUNDARIES = REPORTS_DIR.parent / "data" / "reference" / "boundaries_2025.topojson"
LANGUAGES = ("nl", "en")


def load_texts(language: str) -> dict[str, str]:
    path = REPORTS_DIR / "i18n" / f"{language}.json"
    # A JSON object of strings, by key (json.loads is untyped).
    return cast(dict[str, str], json.loads(path.read_text(encoding="utf-8")))


def other_language(language: str) -> str:
    return "en" if language == "nl" else "nl"


@cache
def environment() -> Environment:
    """The templates' environment, made once: it keeps the compiled templates."""
    return Environment(
        loader=FileSystemLoader(REPORTS_DIR / "templates"),
        autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def css() -> Markup:
    # The project's own stylesheet: escaping would break its quotes inside <style>.
    return Markup((REPORTS_DIR / "static" / "report.css").read_text(encoding="utf-8"))  # noqa: S704


def phenomenon_labels(data: ReportData, language: str) -> dict[str, str]:
    """Each phenomenon's name in ``language``."""
    return {
        r["phenomenon_code"]: r[f"label_{language}"]
        for r in data["priorities"].iter_rows(named=True)
    }


@dataclass(frozen=True)
class Edition:
    """One edition's page, and the findings it states (for the manifest)."""

    language: str
    html: str
    findings: list[Finding]
