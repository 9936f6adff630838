"""The PDF is tagged PDF/UA-1: a chart's alternative text is its ``aria-label``, a header cell's
scope is its HTML ``scope``, and the cache keeps PDFs made with other settings apart."""

from __future__ import annotations

import io

import pikepdf
import pytest
from pdfua import validate

from pipeline.domain.publishing.pdf import RENDERING, html_to_pdf

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60">'
    '{}<rect width="90" height="30"/></svg>'
)
# Three charts as the report inlines them (labelled; with a title of its own; without either)
# and a table with column and row headers.
PAGE = f"""<!doctype html><html lang="nl"><head><title>Grafieken</title></head><body>
<h1>Grafieken</h1>
<div role="img" aria-label="Staafdiagram van de schade per regio">{SVG.format("")}</div>
<div role="img" aria-label="Niet gebruikt">{SVG.format("<title>Eigen titel</title>")}</div>
<div>{SVG.format("")}</div>
<table><caption>Schade</caption>
<thead><tr><th scope="col">Regio</th><th scope="col">Schade</th></tr></thead>
<tbody><tr><th scope="row">Noord</th><td>12</td></tr>
<tr><th scope="row">Zuid</th><td>7</td></tr></tbody>
</table></body></html>"""


@pytest.fixture(scope="module")
def pdf_bytes() -> bytes:
    return html_to_pdf(PAGE)


def elements(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    kids = node.get("/K") if isinstance(node, pikepdf.Dictionary) else None
    found = []
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found += [kid, *elements(kid)]
    return found


def tagged(pdf: pikepdf.Pdf, role: str) -> list[pikepdf.Dictionary]:
    return [e for e in elements(pdf.Root.StructTreeRoot) if str(e.S) == role]


def test_a_chart_s_alt_text_is_its_aria_label_or_its_own_title(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        alts = [str(f.Alt) if "/Alt" in f else None for f in tagged(pdf, "/Figure")]
    assert alts == ["Staafdiagram van de schade per regio", "Eigen titel", None]


def test_pdfua_finds_the_chart_without_alt_text_and_nothing_else(pdf_bytes, tmp_path):
    path = tmp_path / "grafieken.pdf"
    path.write_bytes(pdf_bytes)
    report = validate(str(path))
    assert [(f.rule_id, f.location.page) for f in report.findings] == [("UA-13-004", 1)]


def test_header_cells_carry_their_scope(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        scopes = [str(cell.A.Scope) for cell in tagged(pdf, "/TH")]
    assert scopes == ["/Column", "/Column", "/Row", "/Row"]


def test_tagged_pdf_ua_1_with_the_page_s_title_and_language(pdf_bytes):
    with pikepdf.open(io.BytesIO(pdf_bytes)) as pdf:
        assert pdf.Root.MarkInfo.Marked is True
        assert str(pdf.Root.Lang) == "nl"
        assert str(pdf.docinfo.Title) == "Grafieken"
        with pdf.open_metadata() as xmp:
            assert xmp.get("pdfuaid:part") == "1"
        assert [item.title for item in pdf.open_outline().root] == ["Grafieken"]


def test_the_cache_key_changes_with_the_rendering_settings(tmp_path):
    from pipeline.domain.publishing.pdf_cache import PdfCache

    css = tmp_path / "print.css"
    css.write_text("@page { size: A4 }")
    tagged = PdfCache(tmp_path, css, RENDERING).key(PAGE)
    assert PdfCache(tmp_path, css, dict(RENDERING)).key(PAGE) == tagged
    untagged = {**RENDERING, "options": {"pdf_identifier": True}}
    assert PdfCache(tmp_path, css, untagged).key(PAGE) != tagged
    assert PdfCache(tmp_path, css).key(PAGE) != tagged
