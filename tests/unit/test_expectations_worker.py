"""The Expectations resource runs the GX suites in the checks service: the same outcomes as in
this process, an error raised with its own type; rows judged by their distinct values (GX in the
service) have the same outcome. The service's own life: test_checks_service.py."""

import contextlib

import duckdb
import pandas as pd
import pyarrow as pa
import pytest

from pipeline.domain.files.value_rules import Rule
from pipeline.plumbing import check_runner
from pipeline.plumbing.check_runner import validate_frame
from pipeline.plumbing.expectations import Expectations

RULES = [
    Rule("match_regex", "n", {"regex": "^[0-9]+$", "meaning": "a whole number"}),
    Rule("in_set", "code", {"value_set": ["GM0363"], "set_name": "municipality codes"}),
]


def frame(n: list[str], code: list[str]) -> pd.DataFrame:
    """Arrow-backed string columns, as the raw checks read them from DuckDB."""
    text = pd.ArrowDtype(pa.string())
    return pd.DataFrame(
        {"n": n, "code": code, "source_file": "f.csv", "source_row": range(2, len(n) + 2)}
    ).astype({"n": text, "code": text})


@pytest.mark.parametrize("rows", [(["1", "2"], ["GM0363"] * 2), (["1", "-5"], ["GM0363", "GM9"])])
def test_the_worker_gives_the_outcome_of_this_process(rows):
    checked = frame(*rows)
    in_worker = Expectations().run_suite(checked, RULES, "t")
    assert in_worker == validate_frame(checked, RULES, "t")
    assert in_worker == Expectations(separate_process=False).run_suite(checked, RULES, "t")


def test_an_error_in_the_worker_is_raised_with_its_type():
    with pytest.raises(ValueError, match="unknown rule kind 'no_such_kind'"):
        Expectations().run_suite(frame(["1"], ["GM0363"]), [Rule("no_such_kind", "n")], "t")


def test_rows_judged_by_values_in_the_worker_have_the_same_outcome():
    checked = frame(["1", "-5", "-5", "7"], ["GM0363", "GM9", "GM9", "GM0363"])
    with duckdb.connect() as conn:
        rows = conn.from_df(checked.assign(partition_year=2024))
        in_worker = Expectations().run_suite_by_values(rows, RULES, "t")
        here = Expectations(separate_process=False).run_suite_by_values(rows, RULES, "t")
    assert in_worker == here == validate_frame(checked.assign(partition_year=2024), RULES, "t")
    assert [(f.source_row, f.column) for f in in_worker.failures] == [
        (3, "code"), (3, "n"), (4, "code"), (4, "n"),
    ]  # fmt: skip


def test_configurations_made_once_give_gxs_own_outcome(monkeypatch):
    from great_expectations.expectations.expectation import Expectation

    rules = [
        *RULES,
        Rule("not_null", "n"),
        Rule("unique", "code"),
        Rule("unique_together", params={"columns": ["n", "code"]}),
        Rule("columns_match", params={"columns": ["n", "code", "missing"]}),
    ]
    checked = frame(["1", "-5", "-5", None], ["GM0363", "GM9", "GM9", "GM0363"])
    original = Expectation.__dict__["configuration"]
    made_once = validate_frame(checked, rules, "t")
    assert Expectation.__dict__["configuration"] is original  # GX as it was, afterwards
    monkeypatch.setattr(check_runner, "_configurations_made_once", contextlib.nullcontext)
    assert validate_frame(checked, rules, "t") == made_once
    assert {failure.rule for failure in made_once.failures} >= {"is missing from the header"}
    assert {failure.column for failure in made_once.failures} == {"n", "code", "n, code", "missing"}
