"""The report's maps: classes with their bounds, the real boundaries drawn area by area, the
hatching of what is not published, and a region's own municipalities."""

from __future__ import annotations

import re

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.domain.publishing import charts_maps
from pipeline.domain.publishing.charts import render_svg
from pipeline.domain.publishing.report_maps import municipal_map
from tests.samples import small_report_data
from tests.samples.editions import small_edition_html

NOT_PUBLISHED = "not published"
MUNICIPALITIES = [
    g["properties"]["code"]
    for g in charts_maps.topology()["objects"]["municipalities"]["geometries"]
]


def render(chart) -> str:
    return render_svg(chart, "en")


def shapes(svg: str) -> list[str]:
    """The class each drawn area is labelled with (Vega labels each geoshape)."""
    return re.findall(r'<path aria-label="class: ([^"]*)" role="graphics-symbol" '
                      r'aria-roledescription="geoshape"', svg)  # fmt: skip


def test_the_map_draws_every_one_of_the_342_municipalities_once() -> None:
    assert len(MUNICIPALITIES) == len(set(MUNICIPALITIES)) == 342
    frame = pl.DataFrame({"code": ["GM0014", "GM0034"], "rate": [1000.0, None]})
    chart = charts_maps.choropleth(frame, "municipalities", "rate", "x", NOT_PUBLISHED, "en")
    drawn = shapes(render(chart))
    assert len(drawn) == 342
    # One published value; everything else (no row, or a hidden count) is not published.
    assert drawn.count(NOT_PUBLISHED) == 341


def test_regions_and_provinces_are_drawn_from_the_same_boundaries() -> None:
    for level, count in (("riec_regions", 10), ("provinces", 12)):
        codes = [
            g["properties"]["code"] for g in charts_maps.topology()["objects"][level]["geometries"]
        ]
        frame = pl.DataFrame({"code": codes, "v": [float(i) for i in range(len(codes))]})
        svg = render(charts_maps.choropleth(frame, level, "v", "x", NOT_PUBLISHED, "en"))
        drawn = shapes(svg)
        assert len(drawn) == count and NOT_PUBLISHED not in drawn


def test_a_region_map_draws_only_its_own_municipalities_in_the_national_classes() -> None:
    own = ["GM0014", "GM0037", "GM0047"]
    frame = pl.DataFrame({"code": [*own, "GM0034", "GM0363"], "rate": [1.0, 2.0, 3.0, 40.0, 50.0]})
    chart = charts_maps.choropleth(
        frame, "municipalities", "rate", "x", NOT_PUBLISHED, "en", only_codes=own
    )
    drawn = shapes(render(chart))
    assert len(drawn) == 3
    # Classed among all five: the region's three fall in the country's lower classes.
    national = charts_maps.classes([1.0, 2.0, 3.0, 40.0, 50.0], "en")
    assert set(drawn) <= {c.label for c in national[:3]}


def test_classes_have_their_bounds_and_the_darkest_is_the_highest() -> None:
    found = charts_maps.classes([float(v) for v in range(1, 101)], "nl")
    assert len(found) == 5
    assert found[0].label == "1\u201321" and found[-1].label == "81\u2013100"
    assert found[-1].colour == charts_maps.CLASS_COLOURS[-1]
    # Fewer distinct values than classes: fewer classes, the darkest still the highest.
    two = charts_maps.classes([5.0, 5.0, 9.0], "en")
    assert [c.label for c in two] == ["5\u20139"]
    assert [c.colour for c in two] == [charts_maps.CLASS_COLOURS[-1]]
    # Bounds that round alike get decimals, so no two classes read the same.
    assert [c.label for c in charts_maps.classes([0.0, 0.5, 1.0], "en")] == [
        "0.0\u20130.5",
        "0.5\u20131.0",
    ]


@given(st.lists(st.one_of(st.none(), st.floats(0, 1e6)), min_size=1, max_size=60))
def test_every_value_falls_in_a_class_whose_bounds_hold_it(values: list[float | None]) -> None:
    found = charts_maps.classes(values, "en")
    for value in values:
        label = charts_maps.class_of(value, found, NOT_PUBLISHED)
        if value is None:
            assert label == NOT_PUBLISHED
            continue
        (map_class,) = [c for c in found if c.label == label]
        assert map_class.lower is not None and map_class.upper is not None
        assert map_class.lower <= value <= map_class.upper


def test_not_published_areas_are_hatched_and_say_so_in_the_legend() -> None:
    frame = pl.DataFrame(
        {"code": ["GM0014"], "rate": [None]}, schema={"code": pl.String, "rate": pl.Float64}
    )
    chart = charts_maps.choropleth(frame, "municipalities", "rate", "x", NOT_PUBLISHED, "en")
    svg = charts_maps.with_hatching(render(chart))
    assert svg.count('<pattern id="not-published"') == 1
    assert 'fill="url(#not-published)"' in svg
    assert f">{NOT_PUBLISHED}</text>" in svg


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_map_carries_the_credit_line_of_its_boundaries(language: str) -> None:
    html = small_edition_html(language)
    maps = html.count('<figure class="map')
    assert maps == 3  # provinces, RIEC regions, municipalities
    assert html.count(f'<p class="map-credit">{charts_maps.credit(language)}</p>') == maps
    assert "Kadaster" in charts_maps.credit(language)


def test_the_municipal_map_counts_what_is_published() -> None:
    from pipeline.domain.publishing.report_templates import load_texts

    data = small_report_data()
    labels = {"fraud": "Fraud", "violence": "Violence"}
    context = municipal_map(data, load_texts("en"), "en", labels)
    # Of the sample's three municipalities, one count is hidden by the disclosure control.
    assert "2 of the 3 municipalities" in context["municipal_map_note"]
    assert [row["count"] for row in context["municipal_rows"]] == [
        "1,800",
        "2,400",
        "not published",
    ]
