"""Findings sentences and the report HTML, generated from data."""

import re

from assets.report_builder import build_report_html, key_findings, load_texts
from tests.samples import small_report_data


def test_findings_are_filled_from_the_data():
    data = small_report_data()
    findings = key_findings(data, load_texts("nl"), "nl")
    # 1500 against 1330 the year before: (1500 - 1330) / 1330 = +12.8%
    assert findings[0] == (
        "In 2025 registreerde de politie 1.500 misdrijven die met ondermijning samenhangen, "
        "+12,8% ten opzichte van 2024."
    )
    # fraud has 4800 of 7200 harm points: 67%
    assert findings[1] == "De grootste schadescore komt van fraude: 67% van de totale schadescore."
    assert findings[2] == "De sterkste stijging ten opzichte van 2024 zag fraude: +20,0%."
    assert findings[3].startswith("RIEC <script>alert(1)</script> heeft de hoogste schadescore")
    assert "40 drugslocaties" in findings[4] and "2024: 35" in findings[4]


def test_no_previous_year_is_said_plainly():
    data = small_report_data()
    data.key_figures["registered_crimes_previous"] = None
    findings = key_findings(data, load_texts("nl"), "nl")
    assert "voor 2024 zijn geen cijfers geladen" in findings[0]


def test_html_escapes_text_from_data_and_marks_gaps():
    html = build_report_html(small_report_data(), "nl")
    assert "<script>alert(1)</script>" not in html
    assert "RIEC &lt;script&gt;alert(1)&lt;/script&gt;" in html
    # drug production is covered by drug sites, corruption by no source: only that one is a gap
    gap = re.search(r'<p class="gap">(.*?)</p>', html).group(1)
    assert "corruptie en infiltratie" in gap and "drugsproductie" not in gap
    assert html.count("<svg") == 3
    assert 'data-synthetic="true"' in html


def test_every_key_figure_is_printed_with_its_value():
    html = build_report_html(small_report_data(), "nl")
    pairs = re.findall(r'<data value="([^"]*)" data-figure="([a-z_0-9]+)">', html)
    figures = {key: value for value, key in pairs}
    assert len(figures) == 7
    assert figures["registered_crimes"] == "1500"
    assert figures["suspicious_amount_eur"] == "12345678"
    assert '<data value="12345678" data-figure="suspicious_amount_eur">12.345.678</data>' in html


def test_every_source_has_a_name_in_the_report_texts():
    from assets.sources import SOURCES

    texts = load_texts("nl")
    assert [name for name in SOURCES if f"source_{name}" not in texts] == []


def test_the_stylesheet_is_not_escaped():
    html = build_report_html(small_report_data(), "nl")
    style = html[html.index("<style>") : html.index("</style>")]
    assert 'font-family: "DejaVu Sans"' in style and "&#34;" not in style


def test_provisional_years_are_said_and_marked_in_the_trend_table():
    from dataclasses import replace

    data = replace(small_report_data(), provisional_years=(2025,))
    findings = key_findings(data, load_texts("nl"), "nl")
    assert "De cijfers over 2025 zijn voorlopig" in findings[-2]
    html = build_report_html(data, "nl")
    assert '<th scope="col" class="num">2025*</th>' in html
    assert "* voorlopig cijfer (CBS)" in html
    final = build_report_html(small_report_data(), "nl")
    assert "2025*" not in final and "voorlopig" not in final
