"""Every chart the report draws is a valid Vega-Lite specification. The report renders charts
without Altair's schema check (it costs a quarter of a chart's time), so the check is here."""

import pytest

from pipeline.domain.publishing import charts
from pipeline.domain.publishing.report_builder import build_edition
from pipeline.domain.publishing.report_region import build_region_editions
from pipeline.domain.publishing.report_templates import LANGUAGES
from tests.samples import small_report_data


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_chart_of_an_edition_meets_the_vega_lite_schema(monkeypatch, language):
    drawn: list[charts.Chart] = []
    render = charts.render_svg

    def recording(chart: charts.Chart, lang: str) -> str:
        drawn.append(chart)
        return render(chart, lang)

    monkeypatch.setattr(charts, "render_svg", recording)
    build_edition(small_report_data(), language)
    # the headline, phenomena, maps, heat map, trends, policy and flows charts
    assert len(drawn) >= 10
    national = len(drawn)
    build_region_editions(small_report_data(), language)
    assert len(drawn) > national  # and every regional edition's
    for chart in drawn:
        chart.to_dict(validate=True)  # raises on a spec outside the schema


def test_a_chart_outside_the_schema_is_caught():
    import altair as alt

    chart = alt.Chart(alt.Data(values=[{"x": 1}])).mark_bar().encode(x="x:Q")
    chart.mark = "no such mark"
    with pytest.raises(alt.utils.schemapi.SchemaValidationError):
        chart.to_dict(validate=True)
