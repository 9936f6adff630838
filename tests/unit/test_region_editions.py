"""The regional editions, from the sample ReportData (two RIEC regions)."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from pipeline.domain.publishing.report_templates import LANGUAGES, load_texts
from tests.samples.editions import small_edition_html, small_region_editions_html


def editions(language: str) -> dict[str, str]:
    return dict(small_region_editions_html(language))


def rows_of(html: str, table: str) -> list[list[str]]:
    """The cells of a table's body rows, tags stripped."""
    body = html.split(f'data-table="{table}"', 1)[1].split("<tbody>", 1)[1].split("</tbody>")[0]
    return [
        [re.sub(r"<[^>]+>", " ", cell).split()[0] if cell.strip() else "" for cell in
         re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body)
    ]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_region_has_an_edition_linked_to_the_national_one(language: str) -> None:
    found = editions(language)
    assert sorted(found) == ["RIEC01", "RIEC02"]
    other = "en" if language == "nl" else "nl"
    for code, html in found.items():
        assert f'<html lang="{language}">' in html
        assert f'href="../dreigingsbeeld-2025.{language}.html"' in html
        assert f'href="{code}.{other}.html"' in html
    # A region's name from the data is text, never markup.
    assert "<script>alert(1)</script>" not in found["RIEC01"]
    assert str(escape("RIEC <script>alert(1)</script>")) in found["RIEC01"]
    # And the national edition links every regional one.
    national = small_edition_html(language)
    assert all(f'href="riec/{code}.{language}.html"' in national for code in found)


def test_a_region_lists_only_its_own_municipalities_with_hidden_counts_unpublished() -> None:
    html = editions("en")["RIEC01"]
    municipalities = rows_of(html, "region_municipalities")
    assert [row[0] for row in municipalities] == ["Groningen", "Stadskanaal"]
    # Fraud is the first phenomenon column: Groningen's count shown, Stadskanaal's hidden.
    assert municipalities[0][2] == "2,400" and municipalities[1][2] == "\u2013"
    assert "Almere" not in html


def test_the_region_stands_beside_the_country() -> None:
    html = editions("en")["RIEC01"]
    texts = load_texts("en")
    comparison = {row[0]: row[1:] for row in rows_of(html, "region_comparison")}
    # The region's 60,000 inhabitants beside the country's 100,000 (the sample's key figures);
    # its harm per 100,000 (7,500) beside the country's 7,200 (harm 7,200 per 100,000 people).
    assert comparison["Inhabitants"] == ["60,000", "100,000"]
    assert comparison["Harm"] == ["7,500", "7,200"]
    # Its rank of the ten, with the interval of ranks: 1 (1-2).
    assert comparison["Rank"][0] == "1"
    # Fraud: 1,200 per 100,000 in the region (1,110 to 1,290), 1,200 in the country.
    (fraud,) = [row for row in rows_of(html, "region_phenomena") if row[0] == "Fraud"]
    assert fraud[1:4] == ["720", "1,200.0", "1,200.0"]
    assert str(escape(texts["region_position_like"])) in html


def test_what_is_missing_is_said() -> None:
    html = editions("en")["RIEC01"]
    texts = load_texts("en")
    assert str(escape(texts["region_gap_sectors"].format(sectors="Hospitality"))) in html
    hidden = texts["region_gap_municipal"].format(hidden="1", cells="2")
    assert str(escape(hidden)) in html
    assert "Corruption" in html.split('id="region-gaps"', 1)[1]


def test_a_hidden_regional_year_is_left_out_of_its_trend() -> None:
    html = editions("nl")["RIEC02"]
    texts = load_texts("nl")
    assert texts["region_trend_note"] in html
    title = texts["region_trend_title"].format(region="RIEC Zuid", first_year=2016, year=2025)
    assert str(escape(title)) in html
