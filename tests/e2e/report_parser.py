"""Reading the report's HTML for the end-to-end tests (test_report_end_to_end.py): one walk
over the document collects its key figures, findings, RIEC rows, charts, tags and the URLs of
its attributes; ``dutch_number`` writes a number as the report should print it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

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
