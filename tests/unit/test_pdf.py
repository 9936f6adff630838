"""The PDF edition: WeasyPrint renders the report's HTML with the print stylesheet, offline."""

from __future__ import annotations

import io
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from pipeline.domain.publishing.pdf import FONT_SUBSET_EPOCH, ExternalResourceError, html_to_pdf

PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCREEN_CSS = (PROJECT_ROOT / "reports" / "static" / "report.css").read_text(encoding="utf-8")

SECTIONS = {
    "bevindingen": "Belangrijkste bevindingen",
    "gemeenten": "Schade per gemeente",
    "trend": "Ontwikkeling door de jaren",
}
BANNER = "Let op: dit rapport is gemaakt met synthetische demodata."
ROWS = 80

# A small chart as the report inlines them, and one as a data: URL (the only URLs allowed).
SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120">'
    '<rect x="10" y="20" width="300" height="30" fill="#0072B2"/>'
    '<rect x="10" y="70" width="180" height="30" fill="#0072B2"/>'
    '<text x="320" y="40" font-family="DejaVu Sans" font-size="12">Fraude</text>'
    "</svg>"
)
DATA_SVG = (
    "data:image/svg+xml;charset=utf-8,"
    "%3Csvg xmlns='http://www.w3.org/2000/svg' width='20' height='20'%3E"
    "%3Crect width='20' height='20' fill='%23D55E00'/%3E%3C/svg%3E"
)


def code(row: int) -> str:
    return f"GM{row:04d}"


# The page of reports/templates/report.html.j2 in miniature: ``str.format`` fills in the screen CSS,
# the navigation, the table's rows and what a test adds to <head> and the end of <body>.
REPORT_PAGE = """<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Dreigingsbeeld Ondermijning Nederland 2025</title>
<style>
{css}
</style>
{head}
</head>
<body>
<div class="synthetic-banner" role="note" data-synthetic="true"><strong>{banner}</strong></div>
<header>
<h1>Dreigingsbeeld Ondermijning Nederland 2025</h1>
<p class="subtitle">Maatschappelijke impact van ondermijnende criminaliteit</p>
<nav aria-label="Inhoud"><ol>{nav}</ol></nav>
</header>
<main>
<section id="bevindingen">
<h2>{sections[bevindingen]}</h2>
<ul class="findings">
<li>De geschatte schade bedraagt € 19.000.000; het café-circuit en de coördinatie met België
blijven aandachtspunten.</li>
<li>Naïeve schattingen van ideeën over drugsafval zijn weggelaten.</li>
</ul>
<details><summary>Toon toelichting</summary><p>Toelichting die in print altijd leesbaar is.</p>
</details>
</section>
<section id="gemeenten">
<h2>{sections[gemeenten]}</h2>
<details open>
<summary>Toon tabel</summary>
<table data-table="gemeenten">
<caption>Schade per gemeente, 2025</caption>
<thead><tr><th scope="col">Gemeentecode</th><th scope="col">Omschrijving</th>
<th scope="col" class="num">Schadebedrag</th></tr></thead>
<tbody>{rows}</tbody>
</table>
</details>
</section>
<section id="trend">
<h2>{sections[trend]}</h2>
<figure>
<figcaption>Schadescore per verschijnsel, 2016-2025</figcaption>
<div class="chart" role="img" aria-label="Staafdiagram">{svg}</div>
</figure>
<p><img src="{data_svg}" alt="legenda"> Oranje: voorlopige cijfers.</p>
</section>
</main>
<footer><p>Gemaakt met de dreigingsbeeld-pipeline.</p></footer>
{body_end}
</body>
</html>
"""


def report_html(head: str = "", body_end: str = "") -> str:
    """A report page in the shape of reports/templates/report.html.j2, with its screen CSS."""
    nav = "".join(f'<li><a href="#{id_}">{title}</a></li>' for id_, title in SECTIONS.items())
    rows = "".join(
        f'<tr><th scope="row">{code(r)}</th><td>Gemeente {r} (België-grens)</td>'
        f'<td class="num">€ {r * 1250:,}</td></tr>'.replace(",", ".")
        for r in range(1, ROWS + 1)
    )
    return REPORT_PAGE.format(
        css=SCREEN_CSS,
        head=head,
        banner=BANNER,
        nav=nav,
        sections=SECTIONS,
        rows=rows,
        svg=SVG,
        data_svg=DATA_SVG,
        body_end=body_end,
    )


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return html_to_pdf(report_html())


@pytest.fixture(scope="module")
def pages(pdf_bytes: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages]


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines()]


def test_every_page_is_a4_and_numbered_n_of_m(pdf_bytes, pages):
    assert len(pages) > 1
    for page in PdfReader(io.BytesIO(pdf_bytes)).pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    for number, text in enumerate(pages, start=1):
        assert re.search(rf"(?<!\d){number} / {len(pages)}(?!\d)", text), (number, text)


def test_table_of_contents_gives_the_page_each_section_starts_on(pages):
    toc = {}
    for line in lines(pages[0]):
        if match := re.fullmatch(r"(?:\d+\.\s*)?(.+?)\s*\.{3,}\s*(\d+)", line):
            toc[match[1]] = int(match[2])
    assert set(toc) == set(SECTIONS.values()), pages[0]

    # A heading is a line of its own; in the contents it is followed by dots and a number.
    landed = {
        title: next(n for n, text in enumerate(pages, start=1) if title in lines(text))
        for title in SECTIONS.values()
    }
    assert toc == landed
    # The long table pushes the last section onto a later page than the first.
    assert landed[SECTIONS["trend"]] > landed[SECTIONS["bevindingen"]]


def test_a_long_table_repeats_its_header_on_every_page_it_spans(pages):
    spanned = [text for text in pages if any(code(r) in text for r in range(1, ROWS + 1))]
    assert len(spanned) >= 2
    for text in spanned:
        assert "Gemeentecode" in text and "Schadebedrag" in text
    # Rows are not cut in two: every row's cells are on one page, and every row is there.
    for r in range(1, ROWS + 1):
        holding = [text for text in spanned if re.search(rf"{code(r)}\b", text)]
        assert len(holding) == 1, code(r)
        assert f"Gemeente {r} (België-grens)" in holding[0]


def test_text_survives_with_accents_and_euro_sign(pages):
    text = "\n".join(pages)
    assert BANNER in " ".join(lines(pages[0]))  # the synthetic-data warning is printed
    for word in ("café-circuit", "coördinatie", "België", "Naïeve", "ideeën", "€ 19.000.000"):
        assert word in text, word
    assert "€ 100.000" in text  # row 80's amount, from the table
    # details are printed open (even a closed one), without their summary toggle.
    assert "Toelichting die in print altijd leesbaar is." in text
    assert "Toon tabel" not in text and "Toon toelichting" not in text


def test_same_html_gives_identical_bytes(pdf_bytes):
    assert html_to_pdf(report_html()) == pdf_bytes
    reader = PdfReader(io.BytesIO(pdf_bytes))
    # No dates that change with the clock, and an /ID derived from the content.
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata
    first, second = reader.trailer["/ID"]
    assert first == second and len(first) == 32


def test_font_subsets_carry_a_fixed_date_not_the_clock(pdf_bytes):
    """Subsetting with fontTools (WeasyPrint's way without HarfBuzz-subset) stamps a subset's
    head.modified with the time of the render unless SOURCE_DATE_EPOCH is set."""
    from fontTools.ttLib import TTFont

    reader = PdfReader(io.BytesIO(pdf_bytes))
    subsets = [
        descriptor["/FontFile2"].get_object().get_data()
        for page in reader.pages
        for font in page["/Resources"]["/Font"].values()
        for descendant in font.get_object().get("/DescendantFonts", [])
        if "/FontFile2" in (descriptor := descendant.get_object()["/FontDescriptor"])
    ]
    assert subsets
    seconds_1904_to_1970 = 2_082_844_800
    for data in subsets:
        modified = TTFont(io.BytesIO(data))["head"].modified - seconds_1904_to_1970
        # The font's own date (HarfBuzz keeps it) or the fixed one (fontTools), never today.
        assert abs(modified - time.time()) > 86_400


def test_fonttools_subsets_are_dated_by_the_fixed_epoch(monkeypatch):
    """Without HarfBuzz-subset WeasyPrint subsets with fontTools: the date is then ours."""
    import weasyprint.pdf.fonts as pdf_fonts

    monkeypatch.setattr(pdf_fonts, "harfbuzz_subset", None)
    from fontTools.ttLib import TTFont

    reader = PdfReader(io.BytesIO(html_to_pdf(report_html())))
    font = next(iter(reader.pages[0]["/Resources"]["/Font"].values())).get_object()
    descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
    data = descriptor["/FontFile2"].get_object().get_data()
    assert TTFont(io.BytesIO(data))["head"].modified - 2_082_844_800 == int(FONT_SUBSET_EPOCH)


def test_same_bytes_in_another_process_with_another_hash_seed(pdf_bytes, tmp_path):
    """Set and dict orders vary with Python's hash seed; the PDF must not."""
    script = (
        "import sys; from pathlib import Path; "
        "from pipeline.domain.publishing.pdf import html_to_pdf; "
        "from tests.unit.test_pdf import report_html; "
        "Path(sys.argv[1]).write_bytes(html_to_pdf(report_html()))"
    )
    out = tmp_path / "other.pdf"
    seed = "1" if os.environ.get("PYTHONHASHSEED") != "1" else "2"
    env = {**os.environ, "PYTHONHASHSEED": seed}
    subprocess.run([sys.executable, "-c", script, str(out)], cwd=PROJECT_ROOT, env=env, check=True)
    assert out.read_bytes() == pdf_bytes


@pytest.fixture
def no_network(monkeypatch):
    """Any name lookup or connection fails the test: the renderer must not even try."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    return attempts


@pytest.mark.parametrize(
    ("head", "body_end"),
    [
        ("", '<img src="http://example.invalid/x.png" alt="">'),
        ('<link rel="stylesheet" href="http://example.invalid/print.css">', ""),
        ('<style>@import url("https://example.invalid/a.css");</style>', ""),
        (
            "<style>@font-face { font-family: X; src: url(https://example.invalid/x.woff2) }"
            "body { font-family: X, 'DejaVu Sans' }</style>",
            "",
        ),
        (
            "",
            '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
            '<image href="http://example.invalid/x.png" width="10" height="10"/></svg>',
        ),
        ("", '<img src="file:///etc/hostname" alt="">'),
    ],
    ids=["img", "stylesheet-link", "css-import", "font-face", "svg-image", "file-url"],
)
def test_remote_resources_make_the_render_fail_without_fetching(no_network, head, body_end):
    with pytest.raises(ExternalResourceError, match="refused to fetch"):
        html_to_pdf(report_html(head=head, body_end=body_end))
    assert no_network == []
