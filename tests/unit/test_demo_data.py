"""Tests for the synthetic demo data generator (assets/demo_data.py) and the committed data/demo."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from assets.demo_data import DEFAULT_SEED, generate_demo_data

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "data" / "demo"
REF = REPO / "data" / "reference"


def _read(path: Path, sep: str = ",") -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter=sep))


def _calibration() -> dict[tuple[str, int], int]:
    return {
        (r["indicator"], int(r["year"])): int(r["value"])
        for r in _read(REF / "national_figures_calibration.csv")
    }


def _years(prefix: str, sub: str) -> list[int]:
    return sorted(int(p.stem.rsplit("_", 1)[1]) for p in (DEMO / sub).glob(f"{prefix}_*.csv"))


def _incident_totals(year: int) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for r in _read(DEMO / "incidents" / f"83648NED_{year}.csv", ";"):
        out[r["SoortMisdrijf"]] += int(r["TotaalGeregistreerdeMisdrijven_1"])
    return out


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seed = int((DEMO / "SEED").read_text().strip())
    out = tmp_path_factory.mktemp("demo")
    generate_demo_data(out, seed=seed)
    return out


def test_seed_file_matches_default() -> None:
    assert int((DEMO / "SEED").read_text().strip()) == DEFAULT_SEED


def test_regeneration_is_byte_identical(regenerated: Path) -> None:
    committed = sorted(p.relative_to(DEMO) for p in DEMO.rglob("*") if p.is_file())
    fresh = sorted(p.relative_to(regenerated) for p in regenerated.rglob("*") if p.is_file())
    assert committed == fresh
    assert len(committed) > 40
    for rel in committed:
        assert (DEMO / rel).read_bytes() == (regenerated / rel).read_bytes(), rel


def test_files_use_lf_and_utf8() -> None:
    for p in DEMO.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            assert b"\r" not in data, p
            data.decode("utf-8")


def test_incident_totals_match_calibration() -> None:
    cal = _calibration()
    years = _years("83648NED", "incidents")
    checked = 0
    for year in years:
        totals = _incident_totals(year)
        if ("registered_crimes_total", year) in cal:
            assert totals["T001161"] == cal[("registered_crimes_total", year)]
            checked += 1
    assert checked >= 10
    assert _incident_totals(2023)["CRI6000"] == cal[("registered_opiumwet_crimes", 2023)]
    assert _incident_totals(2024)["CRI6000"] == cal[("registered_drug_crimes", 2024)]
    assert _incident_totals(2024)["CRI7000"] == cal[("registered_weapons_crimes", 2024)]


def test_population_totals() -> None:
    cal = _calibration()
    munis = _read(REF / "municipalities.csv")

    def total(year: int) -> int:
        rows = _read(DEMO / "population" / f"03759NED_{year}.csv", ";")
        assert len(rows) == len(munis) == 342
        return sum(int(r["BevolkingOp1Januari_1"]) for r in rows)

    assert total(2024) == cal[("population_1_january", 2024)]
    assert total(2023) == sum(int(m["population_2023_01_01"]) for m in munis)
    assert total(2025) == sum(int(m["population_2025_01_01"]) for m in munis)


def test_drug_site_totals_match_calibration() -> None:
    cal = _calibration()
    indicator = {
        "opslag": "drug_storage_sites_found",
        "dumping": "drug_waste_dumpings_found",
        "kwekerij": "cannabis_grow_sites_dismantled",
    }
    checked = 0
    for year in _years("drugslocaties", "drug_sites"):
        rows = _read(DEMO / "drug_sites" / f"drugslocaties_{year}.csv", ";")
        counts: dict[str, int] = defaultdict(int)
        for r in rows:
            counts[r["soort_locatie"]] += 1
            assert r["datum"].startswith(f"{year}-")
            assert r["registratienummer"].startswith(f"DL{year}-")
        for site, ind in indicator.items():
            if (ind, year) in cal:
                assert counts[site] == cal[(ind, year)], (site, year)
                checked += 1
        prod = cal.get(("drug_production_sites_dismantled_all_types", year))
        if prod is None:
            prod = cal.get(("synthetic_drug_production_sites_dismantled", year))
        if prod is not None:
            assert counts["productie"] == prod, year
            checked += 1
    assert checked >= 25


def test_fiu_totals_match_calibration() -> None:
    cal = _calibration()
    cols = {
        "fiu_unusual_transactions_reported": "ongebruikelijke_transacties",
        "fiu_suspicious_transactions": "verdachte_transacties",
        "fiu_suspicious_transactions_value": "verdacht_bedrag_eur",
    }
    checked = 0
    for year in _years("fiu", "financial"):
        rows = _read(DEMO / "financial" / f"fiu_{year}.csv", ";")
        for r in rows:
            assert int(r["jaar"]) == year
            assert 0 <= int(r["verdachte_transacties"]) <= int(r["ongebruikelijke_transacties"])
        for ind, col in cols.items():
            if (ind, year) in cal:
                assert sum(int(r[col]) for r in rows) == cal[(ind, year)], (ind, year)
                checked += 1
    assert checked >= 25


def test_all_municipality_codes_known() -> None:
    known = {m["municipality_code"] for m in _read(REF / "municipalities.csv")}
    assert len(known) == 342
    for p in (DEMO / "incidents").glob("*.csv"):
        assert {r["RegioS"] for r in _read(p, ";")} == known, p
    for p in (DEMO / "population").glob("*.csv"):
        assert {r["RegioS"] for r in _read(p, ";")} == known, p
    for p in (DEMO / "drug_sites").glob("*.csv"):
        assert {r["gemeentecode"] for r in _read(p, ";")} <= known, p
    for p in (DEMO / "financial").glob("*.csv"):
        assert {r["gemeentecode"] for r in _read(p, ";")} <= known, p


def test_codes_are_mapped_in_reference() -> None:
    phenomena = {r["phenomenon_code"] for r in _read(REF / "phenomena.csv")}
    sectors = {r["sector_code"] for r in _read(REF / "sectors.csv")}
    crime_types = {
        r["crime_type_code"]: r["phenomenon_code"] for r in _read(REF / "crime_types.csv")
    }
    site_types = {
        r["site_type_nl"]: r["phenomenon_code"] for r in _read(REF / "drug_site_types.csv")
    }
    fiu = {
        r["reporting_sector_code"]: r["sector_code"]
        for r in _read(REF / "fiu_reporting_sectors.csv")
    }
    assert len(phenomena) == 8
    assert crime_types.pop("T001161") == ""  # context total, not a phenomenon
    assert set(crime_types.values()) <= phenomena
    assert set(site_types.values()) <= phenomena
    assert set(fiu.values()) <= sectors

    used_crime: set[str] = set()
    for p in (DEMO / "incidents").glob("*.csv"):
        used_crime |= {r["SoortMisdrijf"] for r in _read(p, ";")}
    assert used_crime - {"T001161"} <= set(crime_types)
    used_sites: set[str] = set()
    for p in (DEMO / "drug_sites").glob("*.csv"):
        used_sites |= {r["soort_locatie"] for r in _read(p, ";")}
    assert used_sites <= set(site_types)
    used_fiu: set[str] = set()
    for p in (DEMO / "financial").glob("*.csv"):
        used_fiu |= {r["meldersgroep"] for r in _read(p, ";")}
    assert used_fiu <= set(fiu)

    weights = _read(REF / "harm_weights.csv")
    assert {w["phenomenon_code"] for w in weights if w["weight_set"] == "default_v0"} == phenomena


def test_categories_never_exceed_total() -> None:
    for p in (DEMO / "incidents").glob("*.csv"):
        total: dict[str, int] = {}
        cats: dict[str, int] = defaultdict(int)
        for r in _read(p, ";"):
            n = int(r["TotaalGeregistreerdeMisdrijven_1"])
            assert n >= 0
            if r["SoortMisdrijf"] == "T001161":
                total[r["RegioS"]] = n
            else:
                cats[r["RegioS"]] += n
        assert total
        for gm, n in cats.items():
            assert n <= total[gm], (p.name, gm)


def test_scale_only_changes_grow_records(tmp_path: Path) -> None:
    paths = generate_demo_data(tmp_path, scale=2.0, first_year=2023, last_year=2023)
    assert tmp_path / "drug_sites" / "drugslocaties_2023.csv" in paths
    rows = _read(tmp_path / "drug_sites" / "drugslocaties_2023.csv", ";")
    cal = _calibration()
    grow = sum(r["soort_locatie"] == "kwekerij" for r in rows)
    assert grow == 2 * cal[("cannabis_grow_sites_dismantled", 2023)]
    assert (
        sum(r["soort_locatie"] == "opslag" for r in rows) == cal[("drug_storage_sites_found", 2023)]
    )
