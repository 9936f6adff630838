"""The demo's population: CBS 03759NED as one OData v4 extract of every year. No Dagster here.

2019-2026 are the real CBS figures (data/reference/population_03759NED.csv); 2015-2018 are
synthetic, each in its own division. The extract lists NL01, the provinces and every
municipality that existed in any of its years, for every year: a municipality in a year when it
did not exist is an 'Impossible' cell, as in the real extract (cbs_formats.md section 2). Two
pages, saved as a JSON array, the first with an ``@odata.nextLink``; the table's MeasureCodes
and PeriodenCodes beside it.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.domain.demo.common import write_text
from pipeline.domain.demo.geography import RealPopulation
from pipeline.domain.demo.regions import RegionSet

BASE = "https://datasets.cbs.nl/odata/v1/CBS/03759ned"
TOTALS = {"BurgerlijkeStaat": "T001019", "Geslacht": "T001038", "Leeftijd": "10000"}
MEASURES = (("M000352", "on_1_january"), ("M000365", "average"))
# The two measures as the real MeasureCodes give them (Stefan7168/checkdecijfers,
# tests/fixtures/cbs/03759ned/measure-codes.json; descriptions shortened to their first line).
MEASURE_CODES: list[dict[str, object]] = [
    {
        "Identifier": "M000352", "Index": 5, "Title": "Bevolking op 1 januari",
        "Description": "Bevolking:\r\nDe inwoners van een bepaald gebied.",
        "MeasureGroupId": None, "DataType": "Long", "Unit": "aantal", "Decimals": 0,
        "PresentationType": "Absolute",
    },
    {
        "Identifier": "M000365", "Index": 6, "Title": "Gemiddelde bevolking ",
        "Description": "De helft van een bevolking op 1 januari van een bepaald jaar plus de "
        "helft van die bevolking op 31 december van dat jaar.",
        "MeasureGroupId": None, "DataType": "Double", "Unit": "aantal", "Decimals": 1,
        "PresentationType": "Absolute",
    },
]  # fmt: skip


def _value(value: float | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else float(value)


def population_values(
    year_regions: dict[int, RegionSet],
    synthetic: dict[int, dict[str, int]],
    real: RealPopulation,
) -> dict[tuple[int, str], tuple[float | None, float | None]]:
    """(year, region) -> (on 1 January, average) for every region existing that year."""
    values: dict[tuple[int, str], tuple[float | None, float | None]] = {}
    years = sorted(year_regions)
    with_aggregates: dict[int, dict[str, int]] = {}
    for year, own in synthetic.items():
        regions = year_regions[year]
        with_aggregates[year] = dict(own)
        for aggregate in regions.aggregates:
            if aggregate.level in ("country", "province"):
                members = regions.members(aggregate)
                with_aggregates[year][aggregate.code] = sum(own[c] for c in members)
    for year in years:
        if year in with_aggregates:
            following = with_aggregates.get(year + 1)
            for code, value in with_aggregates[year].items():
                later = (
                    following.get(code) if following else real.on_1_january.get((year + 1, code))
                )
                average = value if later is None else (value + later) / 2
                values[(year, code)] = (value, average)
        else:
            for (real_year, code), value in real.on_1_january.items():
                if real_year == year:
                    values[(year, code)] = (value, real.average.get((year, code)))
    return values


def write_population_v4(
    out_dir: Path,
    values: dict[tuple[int, str], tuple[float | None, float | None]],
    order: list[str],
    years: list[int],
) -> list[Path]:
    observations: list[dict[str, object]] = []
    for region_index, region in enumerate(order):
        for period_index, year in enumerate(years):
            cell = values.get((year, region))
            for measure_index, (measure, _) in enumerate(MEASURES):
                value = None if cell is None else cell[measure_index]
                observations.append(
                    {
                        "Id": (region_index * len(years) + period_index) * 2 + measure_index,
                        "Measure": measure,
                        "ValueAttribute": "None" if value is not None else "Impossible",
                        "Value": _value(value),
                        "StringValue": None,
                        **TOTALS,
                        "RegioS": region,
                        "Perioden": f"{year}JJ00",
                    }
                )
    half = len(observations) // 2
    context = f"{BASE}/$metadata#Observations"
    pages = [
        {"@odata.context": context, "value": observations[:half],
         "@odata.nextLink": f"{BASE}/Observations?$skip={half}"},
        {"@odata.context": context, "value": observations[half:]},
    ]  # fmt: skip
    folder = out_dir / "population"
    periods = [
        {"Identifier": f"{y}JJ00", "Index": i, "Title": str(y), "Description": "",
         "DimensionGroupId": "0", "Status": "Definitief"}
        for i, y in enumerate(years, start=1)
    ]  # fmt: skip
    return [
        _json(folder / "03759NED.json", pages),
        _json(folder / "03759NED_MeasureCodes.json", _page("MeasureCodes", MEASURE_CODES)),
        _json(folder / "03759NED_PeriodenCodes.json", _page("PeriodenCodes", periods)),
    ]


def _page(name: str, entries: list[dict[str, object]]) -> dict[str, object]:
    return {"@odata.context": f"{BASE}/$metadata#{name}", "value": entries}


def _json(path: Path, document: object) -> Path:
    return write_text(path, json.dumps(document, ensure_ascii=False, indent=1).split("\n"))
