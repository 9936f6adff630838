"""Property tests of the DESIGN.md section 6 invariants on the real SQL files: rates do not
change when all counts and populations scale together; nothing is double counted when a source
is re-ingested (the warehouse and the generated inputs: additivity_warehouse.py).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from tests.unit.additivity_warehouse import (
    SETTINGS,
    build,
    close,
    counts,
    drug_sites,
    populations,
    raw_rows,
)


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
