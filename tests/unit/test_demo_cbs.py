"""The committed demo CBS tables look as CBS delivers them (pipeline/domain/demo/cbs_shapes.py says
how)."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from pipeline.domain.files.cbs_files import read_cbs_file
from pipeline.domain.files.cbs_frames import row_years
from pipeline.domain.files.cbs_labels import load_code_lists
from pipeline.domain.files.consistency_rules import rounding_tolerance
from pipeline.domain.files.deliveries import files_for_year
from pipeline.domain.files.divisions import load_divisions
from pipeline.domain.files.sources import SOURCES

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "data"
REF = DATA / "reference"
YEARS = range(2015, 2026)
CODES = load_code_lists(REF)
DIVISIONS = load_divisions(REF)
# CBS's numbers of municipalities on 1 January of each year.
MUNICIPALITIES = dict(
    zip(YEARS, (393, 390, 388, 380, 355, 355, 352, 345, 342, 342, 342), strict=True)
)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


CALIBRATION = {
    (r["indicator"], int(r["year"])): int(r["value"])
    for r in _read(REF / "national_figures_calibration.csv")
}
PARENT = {r["crime_type_code"]: r["parent_code"] for r in _read(REF / "crime_types.csv")}
CHILDREN: dict[str, list[str]] = defaultdict(list)
for _code, _parent in PARENT.items():
    if _parent:
        CHILDREN[_parent].append(_code)


def year_rows(source: str, year: int):
    spec = SOURCES[source]
    files = files_for_year(DATA, spec, year, YEARS)
    assert len(files) == 1 and files[0].is_synthetic
    frame = read_cbs_file(files[0].path, spec.cbs_table, CODES)
    return files[0].path, frame.filter(row_years(frame) == year)


def round5(value: int) -> int:
    return 5 * ((value + 2) // 5)


@pytest.mark.parametrize("year", YEARS)
def test_incidents_come_in_the_year_s_division_with_every_code_and_aggregate(year):
    path, frame = year_rows("incidents", year)
    regions = {code.strip() for code in frame["RegioS"]}
    municipalities = {c for c in regions if c.startswith("GM") and c != "GM0999"}
    assert municipalities == DIVISIONS.of_year(year)
    assert len(municipalities) == MUNICIPALITIES[year]
    assert {"NL01", "LD01", "PV20", "PV31"} <= regions
    # The latest year is the StatLine download: labels back to codes, the period provisional.
    if year == 2025:
        assert path.name.startswith("Geregistreerde_criminaliteit__soort_misdrijf__regio_")
        assert set(frame["Perioden"]) == {"2025JJ00*"}
    else:
        assert path.name == f"83648NED_{year}.csv"
        assert {"RE01", "RE10", "PV99", "GM0999"} <= regions
        header = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert header.count(";") == 9  # all ten columns of a full export
    per_region = defaultdict(set)
    for row in frame.select("RegioS", "SoortMisdrijf").iter_rows():
        per_region[row[0].strip()].add(row[1].strip())
    assert all(codes == set(PARENT) for r, codes in per_region.items() if r in municipalities)


@pytest.mark.parametrize("year", YEARS)
def test_incident_counts_are_rounded_to_5_each_on_its_own(year):
    _, frame = year_rows("incidents", year)
    values: dict[tuple[str, str], int] = {}
    off = 0
    for region, code, count, cleared, suspects in frame.select(
        "RegioS", "SoortMisdrijf", "TotaalGeregistreerdeMisdrijven_1",
        "TotaalOpgehelderdeMisdrijven_4", "RegistratiesVanVerdachten_6",
    ).iter_rows():  # fmt: skip
        if count.strip() in ("", "."):
            continue
        for value in (count, cleared, suspects):
            assert int(value) % 5 == 0
        values[(region.strip(), code.strip())] = int(count)
    for (region, code), total in values.items():
        parts = [values[(region, child)] for child in CHILDREN.get(code, [])]
        if parts:
            gap = abs(total - sum(parts))
            assert gap <= rounding_tolerance(5, len(parts)), (region, code)
            off += gap > 0
    assert off > 0  # a parent is rounded on its own: some differ from their parts' sum
    total = CALIBRATION.get(("registered_crimes_total", year))
    if total is not None:
        assert values[("NL01", "T001161")] == round5(total)


def test_population_is_one_v4_extract_of_every_year_with_its_code_lists():
    folder = DATA / "demo" / "population"
    assert sorted(p.name for p in folder.iterdir()) == [
        "03759NED.json",
        "03759NED_MeasureCodes.json",
        "03759NED_PeriodenCodes.json",
    ]
    pages = json.loads((folder / "03759NED.json").read_text(encoding="utf-8"))
    assert len(pages) == 2 and "@odata.nextLink" in pages[0] and "@odata.nextLink" not in pages[1]
    observations = [o for page in pages for o in page["value"]]
    impossible = {
        (o["RegioS"], o["Perioden"])
        for o in observations
        if o["ValueAttribute"] == "Impossible" and o["Measure"] == "M000352"
    }
    # Weesp is listed for 2023, when it no longer existed.
    assert ("GM0457", "2023JJ00") in impossible and ("GM0457", "2021JJ00") not in impossible


def test_population_is_real_from_2019_and_adds_up_to_the_national_total():
    real = {
        (int(r["year"]), r["region_code"]): int(r["population_1_january"])
        for r in _read(REF / "population_03759NED.csv")
    }
    for year in YEARS:
        _, frame = year_rows("population", year)
        values = {r: int(v) for r, v in frame.select("RegioS", "BevolkingOp1Januari_1").iter_rows()}
        municipal = {c: v for c, v in values.items() if c.startswith("GM")}
        assert set(municipal) == DIVISIONS.of_year(year)
        assert sum(municipal.values()) == values["NL01"]
        if year >= 2019:
            assert values == {c: v for (y, c), v in real.items() if y == year}
    # 2021: 17,475,415 inhabitants, as CBS counts them.
    assert real[(2021, "NL01")] == 17_475_415


@pytest.mark.parametrize("year", YEARS)
def test_establishments_are_81575ned_with_cbs_sbi_keys_rounded_to_5(year):
    path, frame = year_rows("establishments", year)
    assert path.name == f"81575NED_{year}.csv"
    keys = {k.strip() for k in frame["BedrijfstakkenBranchesSBI2008"]}
    sbi = {r["code"] for r in _read(REF / "cbs_dimension_codes.csv") if r["table_id"] == "81575NED"}
    assert keys == sbi and len(keys) == 31
    assert all(len(k) == 7 for k in frame["BedrijfstakkenBranchesSBI2008"])  # padded, as v3
    sections = {r["cbs_key"] for r in _read(REF / "sbi_sections.csv")}
    totals, parts = {}, defaultdict(int)
    for key, region, value in frame.select(
        "BedrijfstakkenBranchesSBI2008", "RegioS", "Vestigingen_1"
    ).iter_rows():
        assert int(value) % 5 == 0
        if key.strip() == "T001081":
            totals[region] = int(value)
        elif key.strip() in sections:
            parts[region] += int(value)
    assert set(totals) == DIVISIONS.of_year(year)
    assert all(abs(totals[r] - parts[r]) <= rounding_tolerance(5, 21) for r in totals)
