"""Property tests of the DESIGN.md section 6 invariants on the real SQL files.

A region's figure equals the sum of its municipalities; the national figure equals the sum of
the RIEC regions and of the provinces; rates do not change when all counts and populations scale
together; nothing is double counted when a source is re-ingested.
"""

from __future__ import annotations

import csv
import math
import tempfile
from datetime import datetime
from pathlib import Path

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.plumbing.sql_runner import prepare_connection, run_in_transaction
from tests.sql.helpers import load_raw as load_rows

YEAR = 2024
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Fixed geography: 6 municipalities, 3 RIEC regions, 2 provinces; R2 spans both provinces.
GEOGRAPHY = {
    "GM0101": ("PV01", "R1"),
    "GM0102": ("PV01", "R1"),
    "GM0201": ("PV01", "R2"),
    "GM0202": ("PV02", "R2"),
    "GM0301": ("PV02", "R3"),
    "GM0302": ("PV02", "R3"),
}
MUNICIPALITIES = sorted(GEOGRAPHY)
CRIME_TYPES = {"CRI1200": "fraud", "CRI1300": "fraud", "CRI2300": "violence", "T001161": ""}
SITE_TYPES = {"dumping": ("dump", "drug_production"), "opslag": ("storage", "drug_trafficking")}
WEIGHTS = {"fraud": 4.5, "violence": 10.0, "drug_production": 0.7, "drug_trafficking": 3.3}

REFERENCE = {
    "municipalities": [
        [
            "municipality_code",
            "municipality_name",
            "province_code",
            "province_name",
            "police_unit",
            "riec_code",
            "riec_name",
            "population_2023_01_01",
            "population_2025_01_01",
        ],
        *(
            [gm, f"Gemeente {gm}", pv, f"Provincie {pv}", riec, riec, f"RIEC {riec}", "1", "1"]
            for gm, (pv, riec) in GEOGRAPHY.items()
        ),
    ],
    "crime_types": [
        [
            "crime_type_code",
            "cbs_title",
            "parent_code",
            "level",
            "label_nl",
            "label_en",
            "phenomenon_code",
        ],
        *(
            [
                code,
                code,
                "" if code == "T001161" else "T001161",
                "0" if code == "T001161" else "1",
                code,
                code,
                phenomenon,
            ]
            for code, phenomenon in CRIME_TYPES.items()
        ),
    ],
    "drug_site_types": [
        ["site_type_nl", "site_type", "label_en", "phenomenon_code"],
        *([nl, code, code, phenomenon] for nl, (code, phenomenon) in SITE_TYPES.items()),
    ],
    "harm_weights": [
        ["weight_set", "phenomenon_code", "weight", "rationale"],
        *(["default_v0", phenomenon, repr(weight), "r"] for phenomenon, weight in WEIGHTS.items()),
    ],
    # Only the given set (default_v0) has weights here: the derived sets are empty.
    "harm_matrix": [["phenomenon_code", "bearer", "severity", "rationale"]],
    "harm_severity_scale": [["severity", "label_en", "label_nl", "points"]],
    "statutory_maxima": [
        [
            "offence_group",
            "law",
            "article",
            "description_nl",
            "max_years",
            "represents_phenomenon",
            "source",
            "verified",
        ]
    ],
    "drugs": [
        ["drug_nl", "drug", "label_en", "phenomenon_code"],
        ["cannabis", "cannabis", "Cannabis", "drug_trafficking"],
    ],
    "site_settings": [
        ["setting_nl", "setting", "label_en", "sector_code"],
        ["woonwijk", "residential", "Residential", "real_estate"],
    ],
    # No boundary changes in this geography: every code maps to itself.
    "municipal_reclassifications": [
        [
            "effective_date",
            "old_code",
            "old_name",
            "new_code",
            "new_name",
            "share",
            "new_code_created",
            "verified",
        ],
    ],
}

counts = st.dictionaries(
    st.tuples(st.sampled_from(MUNICIPALITIES), st.sampled_from(sorted(CRIME_TYPES))),
    st.one_of(st.integers(min_value=0, max_value=10**6), st.just(".")),
    max_size=20,
)
drug_sites = st.lists(
    st.tuples(st.sampled_from(MUNICIPALITIES), st.sampled_from(sorted(SITE_TYPES))), max_size=15
)
populations = st.dictionaries(
    st.sampled_from(MUNICIPALITIES), st.integers(min_value=1, max_value=10**6), min_size=1
)


def raw_rows(crimes: dict, sites: list, pops: dict, k: int = 1) -> dict[str, list[tuple]]:
    def scaled(value):
        return value if value == "." else str(value * k)

    return {
        "incidents": [
            (str(i), code, gm, f"{YEAR}JJ00", scaled(value))
            for i, ((gm, code), value) in enumerate(sorted(crimes.items()))
        ],
        "population": [
            (str(i), "T001038", "10000", "T001019", gm, f"{YEAR}JJ00", str(pop * k))
            for i, (gm, pop) in enumerate(sorted(pops.items()))
        ],
        "drug_sites": [
            (f"DL-{copy}-{i}", f"{YEAR}-01-01", gm, site_type, "cannabis", "woonwijk")
            for i, (gm, site_type) in enumerate(sites)
            for copy in range(k)
        ],
    }


def load_raw(conn, rows: dict[str, list[tuple]]) -> None:
    for source, source_rows in rows.items():
        load_rows(conn, source, YEAR, source_rows, loaded_at=datetime(2025, 1, 1))


def run_staging_and_mart(conn) -> None:
    for name in (
        "stg_incidents__crimes",
        "stg_incidents__counted_crimes",
        "stg_population__inhabitants",
        "stg_drug_sites__sites",
    ):
        run_in_transaction(conn, f"staging/{name}", {"year": YEAR})
    run_in_transaction(
        conn,
        "indicators/phenomenon_indicators",
        {
            "year": YEAR,
            "weight_set": "default_v0",
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )


def new_warehouse(directory: Path) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect()
    prepare_connection(conn)
    for table, rows in REFERENCE.items():
        path = directory / f"{table}.csv"
        if not path.exists():
            with open(path, "w", encoding="utf-8", newline="") as f:
                csv.writer(f).writerows(rows)
        run_in_transaction(conn, f"reference/{table}", {"path": str(path)})
    run_in_transaction(conn, "reference/region_membership")
    run_in_transaction(conn, "reference/municipality_code_map")
    run_in_transaction(conn, "reference/harm_weight_sets")
    run_in_transaction(conn, "reference/crime_type_paths")
    return conn


INDICATORS = (
    "select region_level, region_code, phenomenon_code, source, event_count, suppressed_cells, "
    "population, rate_per_100k, harm_weight, harm_score "
    "from indicators.phenomenon_indicators order by all"
)


HARM = (
    "select weight_set, phenomenon_code, source, region_level, region_code, harm_score, "
    "harm_per_100k from indicators.harm_indicators order by all"
)


def build_harm(rows: dict[str, list[tuple]]) -> list[tuple]:
    """harm_indicators rows (every weight set) after one ingest."""
    with tempfile.TemporaryDirectory() as directory:
        conn = new_warehouse(Path(directory))
        try:
            load_raw(conn, rows)
            run_staging_and_mart(conn)
            run_in_transaction(conn, "indicators/harm_indicators", {"year": YEAR})
            return conn.execute(HARM).fetchall()
        finally:
            conn.close()


def build(rows: dict[str, list[tuple]], reingest: bool = False):
    """Indicator rows after one ingest; with reingest, also those after loading it all again."""
    with tempfile.TemporaryDirectory() as directory:
        conn = new_warehouse(Path(directory))
        try:
            load_raw(conn, rows)
            run_staging_and_mart(conn)
            first = conn.execute(INDICATORS).fetchall()
            if not reingest:
                return first
            load_raw(conn, rows)
            run_staging_and_mart(conn)
            second = conn.execute(INDICATORS).fetchall()
            run_staging_and_mart(conn)
            return first, second, conn.execute(INDICATORS).fetchall()
        finally:
            conn.close()


def close(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def sum_or_none(values):
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def assert_is_sum(whole: tuple, parts: list[tuple], label: str) -> None:
    # whole and parts are (event_count, suppressed_cells, population, harm_score)
    assert whole[0] == sum(p[0] for p in parts), label
    assert whole[1] == sum(p[1] for p in parts), label
    assert whole[2] == sum_or_none(p[2] for p in parts), label
    assert close(whole[3], sum(p[3] for p in parts)), label


@SETTINGS
@given(crimes=counts, sites=drug_sites, pops=populations)
def test_regions_add_up(crimes, sites, pops):
    rows = build(raw_rows(crimes, sites, pops))
    figures = {
        (level, code, phenomenon, source): (events, suppressed, population, harm)
        for level, code, phenomenon, source, events, suppressed, population, _, _, harm in rows
    }
    keys = {(phenomenon, source) for _, _, phenomenon, source in figures}
    assert keys == {
        ("fraud", "incidents"),
        ("violence", "incidents"),
        ("drug_production", "drug_sites"),
        ("drug_trafficking", "drug_sites"),
    }
    riecs = sorted({riec for _, riec in GEOGRAPHY.values()})
    provinces = sorted({pv for pv, _ in GEOGRAPHY.values()})
    for phenomenon, source in keys:

        def get(level, code, phenomenon=phenomenon, source=source):
            return figures[(level, code, phenomenon, source)]

        municipal = {gm: get("municipality", gm) for gm in MUNICIPALITIES}
        for riec in riecs:
            members = [municipal[gm] for gm, (_, r) in GEOGRAPHY.items() if r == riec]
            assert_is_sum(get("riec_region", riec), members, f"{riec} {phenomenon}")
        for pv in provinces:
            members = [municipal[gm] for gm, (p, _) in GEOGRAPHY.items() if p == pv]
            assert_is_sum(get("province", pv), members, f"{pv} {phenomenon}")
        national = get("national", "NL01")
        assert_is_sum(national, [get("riec_region", r) for r in riecs], f"NL=RIEC {phenomenon}")
        assert_is_sum(national, [get("province", p) for p in provinces], f"NL=PV {phenomenon}")
        assert_is_sum(national, list(municipal.values()), f"NL=GM {phenomenon}")

        # Independent oracle: national count from the generated input.
        if source == "incidents":
            expected = sum(
                v for (_, code), v in crimes.items() if CRIME_TYPES[code] == phenomenon and v != "."
            )
            suppressed = sum(
                1 for (_, code), v in crimes.items() if CRIME_TYPES[code] == phenomenon and v == "."
            )
        else:
            expected = sum(1 for _, t in sites if SITE_TYPES[t][1] == phenomenon)
            suppressed = 0
        assert national[0] == expected
        assert national[1] == suppressed
        assert national[2] == sum(pops.values())
        assert close(national[3], expected * WEIGHTS[phenomenon])


@SETTINGS
@given(crimes=counts, sites=drug_sites, pops=populations, k=st.integers(min_value=2, max_value=7))
def test_rates_invariant_under_scaling(crimes, sites, pops, k):
    base = build(raw_rows(crimes, sites, pops))
    scaled = build(raw_rows(crimes, sites, pops, k))
    assert len(base) == len(scaled)
    for b, s in zip(base, scaled, strict=True):
        assert b[:4] == s[:4]
        assert s[4] == b[4] * k  # event_count
        assert s[5] == b[5]  # suppressed cells do not scale
        assert s[6] == (None if b[6] is None else b[6] * k)  # population
        assert close(s[7], b[7]), (b, s)  # rate per 100k unchanged
        assert close(s[9], b[9] * k)  # harm score scales with the counts


@SETTINGS
@given(crimes=counts, sites=drug_sites, pops=populations)
def test_reingest_does_not_double_count(crimes, sites, pops):
    once, reingested, rebuilt = build(raw_rows(crimes, sites, pops), reingest=True)
    assert reingested == once  # raw loaded twice
    assert rebuilt == once  # staging and mart run twice more
    assert len(set(once)) == len(once)
    # 6 municipalities + 3 RIEC + 2 provinces + 1 national, times 4 (phenomenon, source)
    assert len(once) == 12 * 4


@SETTINGS
@given(crimes=counts, sites=drug_sites, pops=populations, k=st.integers(min_value=2, max_value=7))
def test_harm_under_every_weight_set_adds_up_and_its_rate_scales_not(crimes, sites, pops, k):
    base = build_harm(raw_rows(crimes, sites, pops))
    scaled = build_harm(raw_rows(crimes, sites, pops, k))
    totals: dict[tuple, dict[str, float]] = {}
    for weight_set, phenomenon, source, level, _, harm, _ in base:
        per_level = totals.setdefault((weight_set, phenomenon, source), {})
        per_level[level] = per_level.get(level, 0.0) + harm
    assert totals
    for per_level in totals.values():
        assert set(per_level) == {"municipality", "riec_region", "province", "national"}
        assert all(close(value, per_level["national"]) for value in per_level.values())
    assert len(base) == len(scaled)
    for b, s in zip(base, scaled, strict=True):
        assert b[:5] == s[:5]
        assert close(s[5], b[5] * k)  # harm scales with the counts
        assert close(s[6], b[6]), (b, s)  # harm per 100,000 does not
