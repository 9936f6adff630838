"""Tests for the synthetic demo data generator (pipeline/domain/demo/generate.py) and the committed
data/demo."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from pipeline.domain.demo.generate import DEFAULT_SEED, generate_demo_data

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
    # The CBS tables come in each year's own division: see test_demo_cbs.py.
    for p in (DEMO / "drug_sites").glob("*.csv"):
        assert {r["gemeentecode"] for r in _read(p, ";")} <= known, p
    for p in (DEMO / "financial").glob("*.csv"):
        assert {r["gemeentecode"] for r in _read(p, ";")} <= known, p


def test_codes_are_mapped_in_reference() -> None:
    phenomena = {r["phenomenon_code"] for r in _read(REF / "phenomena.csv")}
    sectors = {r["sector_code"] for r in _read(REF / "sectors.csv")}
    site_types = {
        r["site_type_nl"]: r["phenomenon_code"] for r in _read(REF / "drug_site_types.csv")
    }
    fiu = {
        r["reporting_sector_code"]: r["sector_code"]
        for r in _read(REF / "fiu_reporting_sectors.csv")
    }
    assert len(phenomena) == 8
    assert set(site_types.values()) <= phenomena
    assert set(fiu.values()) <= sectors

    used_sites: set[str] = set()
    for p in (DEMO / "drug_sites").glob("*.csv"):
        used_sites |= {r["soort_locatie"] for r in _read(p, ";")}
    assert used_sites <= set(site_types)
    used_fiu: set[str] = set()
    for p in (DEMO / "financial").glob("fiu_*.csv"):
        used_fiu |= {r["meldersgroep"] for r in _read(p, ";")}
    assert used_fiu <= set(fiu)

    weights = _read(REF / "harm_weights.csv")
    assert {w["phenomenon_code"] for w in weights if w["weight_set"] == "default_v0"} == phenomena


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


# New sources: seizures, signals, establishments, OM beslag, emergency freezes ------------------


def _known_munis() -> set[str]:
    return {m["municipality_code"] for m in _read(REF / "municipalities.csv")}


def _tenths(kg: str) -> int:
    whole, dec = kg.split(",")
    return int(whole) * 10 + int(dec)


def test_new_sources_have_files_for_every_year() -> None:
    for prefix, sub in (
        ("inbeslagnames", "seizures"),
        ("mma", "signals"),
        ("81575NED", "establishments"),
        ("om_beslag", "financial"),
    ):
        assert _years(prefix, sub) == list(range(2015, 2026)), prefix
    assert _years("spoedbevriezingen", "financial") == [2025]


def test_seizures_format_and_calibration() -> None:
    cal = _calibration()
    known = _known_munis()
    header = (
        "zaaknummer;datum;locatie_type;locatie;gemeentecode;drugssoort;gewicht_kg;land_van_vertrek"
    )
    checked = 0
    for year in _years("inbeslagnames", "seizures"):
        path = DEMO / "seizures" / f"inbeslagnames_{year}.csv"
        assert path.read_text(encoding="utf-8").split("\n", 1)[0] == header
        rows = _read(path, ";")
        assert 300 <= len(rows) <= 2000
        assert [r["zaaknummer"] for r in rows] == [
            f"DOU{year}-{i:05d}" for i in range(1, len(rows) + 1)
        ]
        assert [r["datum"] for r in rows] == sorted(r["datum"] for r in rows)
        rdam_coc = rdam_all = nat_coc = zee_all = 0
        for r in rows:
            assert re.fullmatch(r"\d+,\d", r["gewicht_kg"]), r["gewicht_kg"]
            assert _tenths(r["gewicht_kg"]) >= 1
            assert re.fullmatch(r"[A-Z]{2}", r["land_van_vertrek"])
            assert r["datum"].startswith(f"{year}-")
            assert r["gemeentecode"] in known
            assert r["locatie_type"] in {"haven", "luchthaven", "post", "weg", "binnenland"}
            assert r["drugssoort"] in {"cocaine", "heroine", "cannabis", "synthetisch", "overig"}
            t = _tenths(r["gewicht_kg"])
            cocaine = r["drugssoort"] == "cocaine"
            if r["locatie_type"] == "haven" and r["gemeentecode"] == "GM0599":
                rdam_all += t
                rdam_coc += t * cocaine
            if r["locatie_type"] in ("haven", "luchthaven"):
                nat_coc += t * cocaine
            if r["locatie_type"] == "haven" and r["gemeentecode"] in ("GM0718", "GM1709", "GM0715"):
                zee_all += t
        for ind, got in (
            ("cocaine_seized_rotterdam_port_harc", rdam_coc),
            ("cocaine_seized_nl_ports_airports_douane", nat_coc),
            ("drugs_seized_rotterdam_port_om", rdam_all),
            ("drugs_seized_zeeland_westbrabant_ports", zee_all),
        ):
            if (ind, year) in cal:
                assert got == cal[(ind, year)] * 10, (ind, year)
                checked += 1
    assert checked == 9 + 3 + 1 + 2
    # Heavy tail: some container seizures of thousands of kg over the years.
    big = [
        _tenths(r["gewicht_kg"])
        for y in (2021, 2023)
        for r in _read(DEMO / "seizures" / f"inbeslagnames_{y}.csv", ";")
    ]
    assert max(big) >= 1000 * 10 and sorted(big)[len(big) // 2] < 100 * 10


def test_signals_calibration() -> None:
    cal = _calibration()
    known = _known_munis()
    themes = {"drugs", "geweld", "explosieven", "ondermijning", "mensenhandel", "fraude",
              "witwassen", "overig"}  # fmt: skip
    checked = 0
    for year in _years("mma", "signals"):
        rows = _read(DEMO / "signals" / f"mma_{year}.csv", ";")
        keys = [(r["gemeentecode"], r["thema"]) for r in rows]
        assert keys == sorted(keys) and len(set(keys)) == len(keys)
        for r in rows:
            assert int(r["jaar"]) == year and r["gemeentecode"] in known
            assert r["thema"] in themes and int(r["aantal_meldingen"]) > 0
        total = sum(int(r["aantal_meldingen"]) for r in rows)
        expl = sum(int(r["aantal_meldingen"]) for r in rows if r["thema"] == "explosieven")
        if ("meld_misdaad_anoniem_reports", year) in cal:
            assert total == cal[("meld_misdaad_anoniem_reports", year)], year
            checked += 1
        if ("meld_misdaad_anoniem_explosives_reports", year) in cal:
            assert expl == cal[("meld_misdaad_anoniem_explosives_reports", year)], year
            checked += 1
    assert checked == 6 + 2


def test_om_seized_calibration() -> None:
    cal = _calibration()
    known = _known_munis()
    checked = 0
    for year in _years("om_beslag", "financial"):
        rows = _read(DEMO / "financial" / f"om_beslag_{year}.csv", ";")
        for r in rows:
            assert int(r["jaar"]) == year and r["gemeentecode"] in known
            assert r["soort_beslag"] in {"geld", "onroerend_goed", "voertuigen", "crypto", "overig"}
            assert int(r["aantal_zaken"]) >= 0 and int(r["waarde_eur"]) >= 0
            assert int(r["aantal_zaken"]) + int(r["waarde_eur"]) > 0
        if ("om_strafvorderlijk_beslag", year) in cal:
            total = sum(int(r["waarde_eur"]) for r in rows)
            assert total == cal[("om_strafvorderlijk_beslag", year)], year
            checked += 1
    assert checked == 6


def test_emergency_freezes() -> None:
    known = _known_munis()
    sectors = {r["reporting_sector_code"] for r in _read(REF / "fiu_reporting_sectors.csv")}
    rows = _read(DEMO / "financial" / "spoedbevriezingen_2025.csv", ";")
    assert 30 <= len(rows) <= 80
    assert [r["zaak_id"] for r in rows] == [f"SB2025-{i:04d}" for i in range(1, len(rows) + 1)]
    for r in rows:
        assert r["datum"].startswith("2025-") and r["gemeentecode"] in known
        assert r["meldersgroep"] in sectors
        assert re.fullmatch(r"[1-9]\d*", r["bevroren_bedrag_eur"])


def test_new_codes_known() -> None:
    sectors = {r["reporting_sector_code"] for r in _read(REF / "fiu_reporting_sectors.csv")}
    for p in (DEMO / "financial").glob("*.csv"):
        rows = _read(p, ";")
        if "meldersgroep" in rows[0]:
            assert {r["meldersgroep"] for r in rows} <= sectors, p
