"""Property tests of the DESIGN.md section 6 invariants on the real SQL files: additivity.

A region's figure equals the sum of its municipalities; the national figure equals the sum of
the RIEC regions and of the provinces; so does harm under every weight set. The warehouse and
the generated inputs are in additivity_warehouse.py; scaling and re-ingest are in
test_rate_scaling_and_reingest.py.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.additivity_warehouse import (
    CRIME_TYPES,
    GEOGRAPHY,
    MUNICIPALITIES,
    SETTINGS,
    SITE_TYPES,
    WEIGHTS,
    build,
    build_harm,
    close,
    counts,
    drug_sites,
    populations,
    raw_rows,
)


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
