"""Findings sentences, likelihood words and the report HTML in both languages, generated from a
small hand-made ReportData (tests/samples/)."""

import json
import re
from string import Formatter

import pytest
from markupsafe import escape

from pipeline.domain.publishing.report_builder import build_edition
from pipeline.domain.publishing.report_templates import LANGUAGES, REPORTS_DIR, load_texts
from pipeline.domain.publishing.report_text import key_findings, likelihood
from tests.samples import small_frames, small_report_data
from tests.samples.editions import small_edition_html


@pytest.mark.parametrize(
    ("p_value", "word"),
    [
        (0.0001, "almost_certain"),
        (0.05, "almost_certain"),  # 1 - 0.05 / 2 = 97.5%
        (0.1, "very_likely"),  # 95%
        (0.25, "likely"),  # 87.5%
        (0.5, "likely"),  # 75%
        (0.6, "unclear"),  # 70%
        (None, "unclear"),
    ],
)
def test_the_likelihood_yardstick(p_value, word):
    assert likelihood(p_value) == word


def texts_of(language: str) -> list[str]:
    return [f.text for f in key_findings(small_report_data(), load_texts(language), language)]


def test_findings_are_filled_from_the_data_in_dutch():
    findings = texts_of("nl")
    # 1500 against 1330 in equal populations: +12.8%, far beyond chance.
    assert findings[0].startswith(
        "In 2025 registreerde de politie 1.500 misdrijven die met ondermijning samenhangen; "
        "per inwoner is dat ten opzichte van 2024 +12,8% (95%-interval +"
    )
    assert findings[0].endswith("): vrijwel zeker een stijging.")
    # fraud has 4800 of 7480 harm points: 64%
    assert findings[1] == (
        "De grootste schade komt van fraude: 64% van de totale schadescore (standaardschaal)."
    )
    # alt_v1 has no name in the texts: it is shown by its own key, as a set an analyst adds.
    assert findings[2] == (
        "De gewichtensets zijn het niet eens over de grootste schade: alt_v1 zet geweld "
        "bovenaan; standaardschaal zet fraude bovenaan."
    )
    assert findings[3] == (
        "Van de stijgingen die vrijwel zeker geen toeval zijn, was die van fraude per inwoner "
        "de grootste ten opzichte van 2024: +20,0% (95%-interval +10,0% tot +31,0%): vrijwel "
        "zeker een stijging."
    )
    assert findings[4].startswith(
        "RIEC <script>alert(1)</script> heeft de hoogste schadescore per 100.000 inwoners (7.500)"
    )
    assert "Bij elke geteste variatie van de gewichten blijft" in findings[4]
    # 1500.5 kg cocaine x EUR 50,000 (40,000-75,000); synthetic drugs have no price.
    assert findings[5] == (
        "De in beslag genomen drugs met een bekende prijs hebben een straatwaarde van naar "
        "schatting € 75,0 miljoen (bandbreedte € 60,0 miljoen tot € 112,5 miljoen)."
    )
    assert findings[6].startswith("Voor corruptie en infiltratie is geen bron geladen")


def test_findings_in_english_use_english_numbers():
    findings = texts_of("en")
    assert findings[0].startswith(
        "In 2025 the police registered 1,500 crimes linked to undermining; per inhabitant, "
        "compared with 2024, that is +12.8% (95% interval +"
    )
    assert findings[0].endswith("): almost certainly a rise.")
    assert "€75.0 million (range €60.0 million to €112.5 million)" in findings[5]


def test_no_previous_year_is_said_plainly():
    frames = small_frames()
    key = frames["key_figures"].with_columns(registered_crimes_previous=None)
    findings = key_findings(small_report_data(key_figures=key), load_texts("nl"), "nl")
    assert "voor 2024 zijn geen cijfers geladen" in findings[0].text


def test_no_clear_rise_is_said_when_no_change_passes_the_test():
    frames = small_frames()
    calm = frames["priorities"].with_columns(change_p_value=0.5)
    findings = [
        f.text for f in key_findings(small_report_data(priorities=calm), load_texts("en"), "en")
    ]
    assert (
        "No phenomenon rose per inhabitant compared with 2024 by more than chance can explain."
        in findings
    )


def test_both_editions_have_every_key_and_the_same_placeholders():
    nl, en = (load_texts(language) for language in LANGUAGES)
    assert sorted(nl) == sorted(en)

    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(text) if name}

    assert {k: fields(v) for k, v in nl.items()} == {k: fields(v) for k, v in en.items()}
    # The files are sorted and stored as written (so that diffs stay small).
    for language in LANGUAGES:
        raw = (REPORTS_DIR / "i18n" / f"{language}.json").read_text(encoding="utf-8")
        assert list(json.loads(raw)) == sorted(json.loads(raw))


@pytest.mark.parametrize("language", LANGUAGES)
def test_html_escapes_text_from_data(language):
    html = small_edition_html(language)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert f'<html lang="{language}">' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_chart_has_alt_text_and_a_table(language):
    html = small_edition_html(language)
    charts = re.findall(r'<div class="chart" role="img" aria-label="([^"]+)">\s*<svg', html)
    # headline, maps of provinces, RIEC regions and municipalities, heat map, trend, flows, policy
    assert len(charts) == 8 and all(len(alt) > 40 for alt in charts)
    # Each measured phenomenon's trend and top regions, described.
    small = re.findall(r'<div class="chart small" role="img" aria-label="([^"]+)"', html)
    assert small and all(len(alt) > 40 for alt in small)
    tables = set(re.findall(r'data-table="([a-z_]+)"', html))
    assert {"riec_regions", "province_regions", "sector_exposure", "trend", "seizure_flows"} <= (
        tables
    )
    # A gap is a gap: the phenomenon without a source has no rank and says so.
    assert 'class="gap-row"' in html


def test_both_editions_have_the_same_structure():
    nl, en = (small_edition_html(language) for language in LANGUAGES)

    def skeleton(html: str) -> list[str]:
        return re.findall(r'(?:id|data-table|data-figure)="([^"]+)"', html)

    assert skeleton(nl) == skeleton(en)


def test_every_key_figure_is_printed_with_its_value():
    html = small_edition_html("nl")
    pairs = re.findall(r'<data value="([^"]*)" data-figure="([a-z_0-9]+)">', html)
    figures = {key: value for value, key in pairs}
    assert len(figures) == 7
    assert figures["registered_crimes"] == "1500"
    assert (
        '<data value="12345678" data-figure="suspicious_amount_eur">€ 12,3 miljoen</data>' in html
    )


def test_every_source_has_a_name_in_the_report_texts():
    from pipeline.domain.files.sources import SOURCES

    for language in LANGUAGES:
        texts = load_texts(language)
        assert [name for name in SOURCES if f"source_{name}" not in texts] == []


def test_the_stylesheet_is_not_escaped():
    html = small_edition_html("nl")
    style = html[html.index("<style>") : html.index("</style>")]
    assert 'font-family: "DejaVu Sans"' in style and "&#34;" not in style


def test_provisional_years_are_said_and_marked_in_the_trend_table():
    import polars as pl

    data = small_report_data(provisional_years=pl.DataFrame({"year": [2025]}))
    findings = [f.text for f in key_findings(data, load_texts("nl"), "nl")]
    assert "De cijfers over 2025 zijn voorlopig" in findings[-1]
    html = build_edition(data, "nl").html
    assert '<th scope="col" class="num">2025*</th>' in html
    assert "* voorlopig cijfer (CBS)" in html
    final = small_edition_html("nl")
    assert "2025*" not in final and "voorlopig" not in final


def test_a_synthetic_policy_selection_is_said_in_both_editions():
    for language in LANGUAGES:
        html = small_edition_html(language)
        assert load_texts(language)["policy_synthetic"] in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_data_quality_is_told_in_the_edition_language_without_municipal_values(language):
    html = small_edition_html(language)
    texts = load_texts(language)
    assert "GM0999" not in html and "2 -&gt; 13" not in html
    # In sentences: the checks passed, the warning with the one jump that may be named.
    passed = texts["need_checks_passed"].format(checks="1", rows="40", year=2025)
    assert str(escape(passed)) in html
    item = "Theft" if language == "en" else "Diefstal"
    case = texts["need_jump_case"].format(
        municipality="Voorbeeldstad", item=item, previous="15", value="60"
    )
    assert str(escape(texts["need_jump_largest"].format(cases=case))) in html
    assert str(escape(texts["need_quarantine_none"].format(year=2025))) in html
    # Every check's outcome: in the annex, linked.
    assert 'href="annex/data_quality.csv"' in html
    # CBS's own totals against their municipalities, with the rule of its rounding.
    assert str(escape(texts["aggregates_intro"])) in html
    item = "Human trafficking" if language == "en" else "3.6 Mensenhandel"
    gap = texts["aggregates_largest_gap"].format(gap="125", region="Nederland", item=item)
    assert str(escape(gap)) in html
    assert str(escape(texts["method_rounding"])) in html
