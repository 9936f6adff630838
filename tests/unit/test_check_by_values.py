"""pipeline.plumbing.check_by_values: GX judging rows by their distinct values, which DuckDB
finds, gives the same outcome as GX judging every row of the frame, rule for rule and row for
row."""

import duckdb
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.domain.files.value_rules import KNOWN_SETS, Rule, raw_rules
from pipeline.plumbing.check_by_values import validate_by_values
from pipeline.plumbing.check_outcomes import ValidationOutcome
from pipeline.plumbing.check_runner import unexpected_rows as validate_pieces_here
from pipeline.plumbing.check_runner import validate_frame
from pipeline.plumbing.checked_rows import as_frame
from tests.unit.checked_frames import checked_relation

KNOWN = dict.fromkeys(KNOWN_SETS, frozenset()) | {
    "municipality_codes": frozenset({"GM0363", "GM0599"}),
    "reporting_sectors": frozenset({"banken", "casinos"}),
}
RULES = raw_rules("unusual_transactions", KNOWN)


def transactions(rows: list[tuple], years: list[int]) -> pd.DataFrame:
    """Delivered rows of unusual_transactions with their provenance."""
    return pd.DataFrame(
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


def both_ways(
    delivered: pd.DataFrame, rules: list[Rule]
) -> tuple[ValidationOutcome, ValidationOutcome]:
    """The outcome judged by values, and judged row by row on the same checked rows."""
    with duckdb.connect() as conn:
        checked = checked_relation(conn, delivered, "unusual_transactions")
        return (
            validate_by_values(checked, rules, "t"),
            validate_frame(as_frame(checked), rules, "t"),
        )


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
    by_values, expected = both_ways(transactions(rows, [2024] * 7 + [2025, 2024]), RULES)
    assert by_values == expected
    broken = {(f.source_row, f.column) for f in expected.failures}
    assert {(5, "meldersgroep"), (6, "meldersgroep"), (7, "meldersgroep")} <= broken
    assert {(2, "transactie_id"), (8, "transactie_id"), (3, "datum"), (4, "datum")} <= broken
    assert (7, "gemeentecode") in broken and (9, "transactie_id") not in broken
    assert (10, "transactie_id") in broken


def test_a_missing_column_comes_out_the_same():
    frame = transactions([GOOD], [2024]).drop(columns=["verdacht"])
    rules = [rule for rule in RULES if rule.column != "verdacht"]
    by_values, expected = both_ways(frame, rules)
    assert by_values == expected
    assert not expected.passed


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
@given(st.lists(st.tuples(cells, st.sampled_from([2023, 2024])), min_size=1, max_size=12))
def test_any_frame_comes_out_the_same(drawn):
    rows = [tuple(cell.values()) for cell, _ in drawn]
    by_values, expected = both_ways(transactions(rows, [year for _, year in drawn]), RULES)
    assert by_values == expected


def test_one_column_rules_are_judged_once_per_value():
    rule = Rule("in_set", "meldersgroep", {"value_set": ["banken"], "set_name": "sectors"})
    frame = transactions(
        [GOOD] * 3 + [("9", "2024-01-01", "loterij", "GM0363", "1.00", "0")] * 2, [2024] * 5
    )
    judged: list[pd.DataFrame] = []

    def judge(pieces, suite_name):
        judged.extend(piece for piece, _ in pieces)
        return [validate_pieces_here(piece, rules, suite_name) for piece, rules in pieces]

    with duckdb.connect() as conn:
        checked = checked_relation(conn, frame, "unusual_transactions")
        outcome = validate_by_values(checked, [rule], "t", judge)
    assert [f.source_row for f in outcome.failures] == [5, 6]
    assert [sorted(piece["meldersgroep"]) for piece in judged] == [["banken", "loterij"]]
