"""The PDF editions are accessible tagged PDFs (PDF/UA-1, what WCAG 2.1 AA asks of a PDF): pdfua's
machine-checkable rules find nothing, and pikepdf reads from the structure what the HTML says:
the title, the language, the headings as bookmarks and in order, the alternative text of every
chart, the scope of every header cell."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pikepdf
import pytest
from pdfua import default_registry, validate

from tests.conftest import LATEST_DEMO_YEAR, Workspace

YEAR = LATEST_DEMO_YEAR
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
LEVELS = tuple(heading.upper() for heading in HEADINGS)
# pdfua 0.1.3's empty-heading rule asks every heading's /K whether it is an integer; pikepdf
# answers that with a ValueError when /K is an array, as WeasyPrint writes it, so the rule
# cannot run. test_no_heading_is_empty checks the same thing.
RULES_THAT_CANNOT_RUN = {"UA-14-001"}


@dataclass
class Page:
    """What the PDF must carry over from the HTML."""

    lang: str | None = None
    title: str = ""
    headings: list[tuple[str, str]] = field(default_factory=list)  # (h1..h6, text)
    chart_labels: list[str] = field(default_factory=list)  # aria-label of role="img"
    svgs: int = 0


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._text: list[str] | None = None  # of the <title> or heading being read
        self._heading: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "html":
            self.page.lang = attributes.get("lang")
        elif tag in ("title", *HEADINGS):
            self._text, self._heading = [], tag
        elif tag == "svg":
            self.page.svgs += 1
        if attributes.get("role") == "img" and attributes.get("aria-label"):
            self.page.chart_labels.append(str(attributes["aria-label"]))

    def handle_endtag(self, tag: str) -> None:
        if self._text is not None and tag == self._heading:
            text = " ".join("".join(self._text).split())
            if tag == "title":
                self.page.title = text
            else:
                self.page.headings.append((tag, text))
            self._text = self._heading = None

    def handle_data(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)


@dataclass
class Edition:
    language: str
    pdf: Path
    html: Page

    @property
    def national(self) -> bool:
        return self.pdf.parent.name != "riec"


# Both national editions, and two regional editions (the largest region and the smallest).
EDITIONS = {
    "nl": f"dreigingsbeeld-{YEAR}.nl",
    "en": f"dreigingsbeeld-{YEAR}.en",
    "riec05-nl": "riec/RIEC05.nl",
    "riec10-en": "riec/RIEC10.en",
}


@pytest.fixture(scope="module", params=list(EDITIONS))
def edition(request: pytest.FixtureRequest, demo_build: Workspace) -> Edition:
    folder = demo_build.reports / str(YEAR)
    name = EDITIONS[request.param]
    parser = PageParser()
    parser.feed((folder / f"{name}.html").read_text("utf-8"))
    return Edition(name.rsplit(".", 1)[1], folder / f"{name}.pdf", parser.page)


@pytest.fixture
def pdf(edition: Edition) -> Iterator[pikepdf.Pdf]:
    with pikepdf.open(edition.pdf) as document:
        yield document


def elements(node: pikepdf.Object) -> Iterator[pikepdf.Dictionary]:
    """The structure elements below ``node``, in the tree's (the reading) order."""
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            yield kid
            yield from elements(kid)


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    return list(elements(pdf.Root.StructTreeRoot))


def tagged(pdf: pikepdf.Pdf, *roles: str) -> list[pikepdf.Dictionary]:
    """The structure elements of ``roles`` (H1, Figure, ...), in reading order."""
    return [e for e in structure(pdf) if str(e.S)[1:] in roles]


def marks_content(node: pikepdf.Object) -> bool:
    """``node`` or an element below it refers to page content (an MCID, or a marked-content
    reference)."""
    if isinstance(node, int):
        return True
    if isinstance(node, pikepdf.Array):
        return any(marks_content(kid) for kid in node)
    if isinstance(node, pikepdf.Dictionary):
        return node.get("/Type") == pikepdf.Name.MCR or marks_content(node.get("/K"))
    return False


def test_pdfua_finds_nothing(edition: Edition) -> None:
    report = validate(str(edition.pdf))
    findings = [f"{f.rule_id} {f.location.describe()}: {f.message}" for f in report.findings]
    assert findings == []
    # A rule that could not run passed nothing.
    skipped = {outcome.rule_id: outcome.skipped_reason for outcome in report.skipped}
    assert set(skipped) <= RULES_THAT_CANNOT_RUN, skipped
    ran = {outcome.rule_id for outcome in report.outcomes if not outcome.skipped}
    assert ran >= set(default_registry().ids()) - RULES_THAT_CANNOT_RUN


def test_the_pdf_is_tagged_and_declares_pdf_ua_1(pdf: pikepdf.Pdf) -> None:
    assert pdf.Root.MarkInfo.Marked is True  # pdfinfo: "Tagged: yes"
    assert str(structure(pdf)[0].S) == "/Document"
    with pdf.open_metadata() as xmp:
        assert xmp.get("pdfuaid:part") == "1"
    # Tab order follows the structure on every page.
    assert all(page.obj.get("/Tabs") == pikepdf.Name.S for page in pdf.pages)


def test_title_and_language_are_the_html_s(edition: Edition, pdf: pikepdf.Pdf) -> None:
    # National ("Threat Picture of ...") and regional ("Threat picture RIEC ...") titles.
    starts = {"nl": "dreigingsbeeld ", "en": "threat picture "}[edition.language]
    assert edition.html.title.lower().startswith(starts)
    assert str(pdf.docinfo.Title) == edition.html.title
    with pdf.open_metadata() as xmp:
        assert xmp.get("dc:title") == edition.html.title
    # A viewer shows the title, not the file name.
    assert pdf.Root.ViewerPreferences.DisplayDocTitle is True
    assert edition.html.lang == edition.language
    assert str(pdf.Root.Lang) == edition.language


def test_the_bookmarks_are_the_headings(edition: Edition, pdf: pikepdf.Pdf) -> None:
    def titles(items: list[pikepdf.OutlineItem]) -> Iterator[str]:
        for item in items:
            yield " ".join(item.title.split())
            yield from titles(item.children)

    with pdf.open_outline() as outline:
        bookmarks = list(titles(outline.root))
    assert len(bookmarks) > 10 if edition.national else len(bookmarks) >= 8
    assert bookmarks == [text for _, text in edition.html.headings]


def test_the_headings_are_tagged_in_reading_order(edition: Edition, pdf: pikepdf.Pdf) -> None:
    levels = [str(e.S)[1:] for e in tagged(pdf, *LEVELS)]
    assert levels == [level.upper() for level, _ in edition.html.headings]


def test_no_heading_is_empty(pdf: pikepdf.Pdf) -> None:
    headings = tagged(pdf, *LEVELS)
    assert headings
    assert all(marks_content(heading) for heading in headings)


def test_every_chart_is_a_figure_with_its_alt_text(edition: Edition, pdf: pikepdf.Pdf) -> None:
    figures = tagged(pdf, "Figure")
    assert len(figures) == edition.html.svgs >= (5 if edition.national else 3)
    assert all(str(figure.get("/Alt", "")).strip() for figure in figures)
    # The alternative text is the chart's on the web, chart by chart.
    assert [str(figure.Alt) for figure in figures] == edition.html.chart_labels


def test_every_header_cell_says_what_it_heads(edition: Edition, pdf: pikepdf.Pdf) -> None:
    assert len(tagged(pdf, "Table")) >= (10 if edition.national else 4)
    header_cells = tagged(pdf, "TH")
    scopes = [str(cell.get("/A", {}).get("/Scope")) for cell in header_cells]
    assert set(scopes) == {"/Column", "/Row"}
