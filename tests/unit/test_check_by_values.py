"""pipeline.plumbing.check_by_values: GX judging a large frame by its distinct values gives the
same outcome as GX judging every row, rule for rule and row for row."""

import pandas as pd
import pyarrow as pa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.domain.files.value_rules import KNOWN_SETS, Rule, raw_rules, with_year_marked
from pipeline.plumbing.check_by_values import validate_by_values
from pipeline.plumbing.check_runner import validate_frame

KNOWN = dict.fromkeys(KNOWN_SETS, frozenset()) | {
    "municipality_codes": frozenset({"GM0363", "GM0599"}),
    "reporting_sectors": frozenset({"banken", "casinos"}),
}
RULES = raw_rules("unusual_transactions", KNOWN)


def transactions(rows: list[tuple], years: list[int]) -> pd.DataFrame:
    """Delivered rows of unusual_transactions with their provenance, Arrow-backed as the raw
    check reads them, and the partition-year copies the rules look at."""
    frame = pd.DataFrame(
        rows,
        columns=[
            "transactie_id",
            "datum",
            "meldersgroep",
            "gemeentecode",
            "bedrag_eur",
            "verdacht",
        ],
    ).assign(
        partition_year=years,
        source_file=[f"ot_{year}.csv" for year in years],
        source_row=range(2, len(rows) + 2),
    )
    arrow = frame.astype({c: pd.ArrowDtype(pa.string()) for c in frame.columns[:6]})
    return with_year_marked(arrow, "unusual_transactions")


GOOD = ("1", "2024-03-01", "banken", "GM0363", "1250.00", "0")


def test_every_kind_of_failure_comes_out_the_same():
    rows = [
        GOOD,
        ("2", "2024-02-30", "banken", "GM0363", "10.00", "1"),  # no such date
        ("3", "2023-12-31", "casinos", "GM0599", "10.00", "0"),  # another year's date
        ("4", "2024-05-01", "loterij", "GM0363", "10.00", "0"),  # unknown sector, three times
        ("5", "2024-05-02", "loterij", "GM9999", "1.5", "2"),
        ("6", "2024-05-03", "loterij", None, "10.00", "0"),  # no municipality
        ("1", "2024-06-01", "banken", "GM0363", "10.00", "0"),  # the key of row 2 again
        ("1", "2025-01-01", "banken", "GM0363", "10.00", "0"),  # the same key, another year
        (None, "2024-07-01", "banken", "GM0363", "10.00", "0"),  # no key
    ]
    frame = transactions(rows, [2024] * 7 + [2025, 2024])
    expected = validate_frame(frame, RULES, "t")
    assert validate_by_values(frame, RULES, "t") == expected
    broken = {(f.source_row, f.column) for f in expected.failures}
    assert {(5, "meldersgroep"), (6, "meldersgroep"), (7, "meldersgroep")} <= broken
    assert {(2, "transactie_id"), (8, "transactie_id"), (3, "datum"), (4, "datum")} <= broken
    assert (7, "gemeentecode") in broken and (9, "transactie_id") not in broken
    assert (10, "transactie_id") in broken


def test_a_missing_column_comes_out_the_same():
    frame = transactions([GOOD], [2024]).drop(columns=["verdacht"])
    rules = [rule for rule in RULES if rule.column != "verdacht"]
    assert validate_by_values(frame, rules, "t") == validate_frame(frame, rules, "t")
    assert not validate_frame(frame, rules, "t").passed


cells = st.fixed_dictionaries(
    {
        "id": st.sampled_from(["1", "2", "3", "x", None]),
        "date": st.sampled_from(["2024-01-31", "2024-02-30", "2023-06-01", None]),
        "sector": st.sampled_from(["banken", "casinos", "loterij", None]),
        "municipality": st.sampled_from(["GM0363", "GM0599", "GM9999", " GM0363"]),
        "amount": st.sampled_from(["1.00", "1,00", "12"]),
        "flag": st.sampled_from(["0", "1", "ja"]),
    }
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(cells, min_size=1, max_size=12))
def test_any_frame_comes_out_the_same(drawn):
    rows = [tuple(cell.values()) for cell in drawn]
    frame = transactions(rows, [2024] * len(rows))
    assert validate_by_values(frame, RULES, "t") == validate_frame(frame, RULES, "t")


def test_one_column_rules_are_judged_once_per_value():
    rule = Rule("in_set", "meldersgroep", {"value_set": ["banken"], "set_name": "sectors"})
    frame = transactions(
        [GOOD] * 3 + [("9", "2024-01-01", "loterij", "GM0363", "1.00", "0")] * 2, [2024] * 5
    )
    outcome = validate_by_values(frame, [rule], "t")
    assert [f.source_row for f in outcome.failures] == [5, 6]
