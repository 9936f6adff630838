"""Every chart the report draws is a valid Vega-Lite specification. The report renders charts
without Altair's schema check (it costs a quarter of a chart's time), and the maps get their
boundaries after Altair made their spec, so the check is here, on the specs as rendered."""

from typing import Any

import pytest
from altair.utils.schemapi import validate_jsonschema
from altair.vegalite.v6.schema import load_schema

from pipeline.domain.publishing import charts
from pipeline.domain.publishing.report_builder import build_edition
from pipeline.domain.publishing.report_region import build_region_editions
from pipeline.domain.publishing.report_templates import LANGUAGES
from tests.samples import small_report_data


def rendered_specs(monkeypatch) -> list[dict[str, Any]]:
    """The specs handed to the renderer from now on."""
    drawn: list[dict[str, Any]] = []
    render = charts.render_spec

    def recording(spec: dict[str, Any], lang: str) -> str:
        drawn.append(spec)
        return render(spec, lang)

    monkeypatch.setattr(charts, "render_spec", recording)
    return drawn


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_chart_of_an_edition_meets_the_vega_lite_schema(monkeypatch, language):
    drawn = rendered_specs(monkeypatch)
    build_edition(small_report_data(), language)
    # the headline, phenomena, maps, heat map, trends, policy and flows charts
    assert len(drawn) >= 10
    national = len(drawn)
    build_region_editions(small_report_data(), language)
    assert len(drawn) > national  # and every regional edition's
    schema = load_schema()
    for spec in drawn:
        validate_jsonschema(spec, schema)  # raises on a spec outside the schema


def test_a_chart_outside_the_schema_is_caught():
    spec = {"data": {"values": [{"x": 1}]}, "mark": "no such mark"}
    with pytest.raises(Exception, match="no such mark"):
        validate_jsonschema(spec, load_schema())
