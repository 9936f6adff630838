"""The Expectations resource runs the GX suites in a worker process: the same outcomes as in
this process, an error raised with its own type, and a worker that died replaced; a large frame
is judged by its distinct values, with the same outcome."""

import pandas as pd
import pyarrow as pa
import pytest

from pipeline.domain.files.value_rules import Rule
from pipeline.plumbing import expectations
from pipeline.plumbing.check_by_values import validate_by_values
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


def test_a_worker_that_died_is_replaced():
    Expectations().run_suite(frame(["1"], ["GM0363"]), RULES, "t")
    process = expectations._WORKER._process
    assert process is not None
    process.kill()
    process.wait()
    assert Expectations().run_suite(frame(["1"], ["GM0363"]), RULES, "t").passed
    assert expectations._WORKER._process is not process


def test_a_large_frame_is_validated_in_this_process(monkeypatch):
    monkeypatch.setattr(expectations, "WORKER_ROWS", 1)
    asked: list[object] = []
    monkeypatch.setattr(expectations._WORKER, "validate", lambda *args: asked.append(args))
    checked = frame(["1", "-5"], ["GM0363", "GM9"])
    assert Expectations().run_suite(checked, RULES, "t") == validate_frame(checked, RULES, "t")
    assert asked == []


def test_a_large_frame_is_judged_by_its_values_with_the_same_outcome(monkeypatch):
    checked = frame(["1", "-5", "-5", "7"], ["GM0363", "GM9", "GM9", "GM0363"])
    judged_by_values = []

    def spy(*arguments):
        judged_by_values.append(True)
        return validate_by_values(*arguments)

    monkeypatch.setattr(expectations, "WORKER_ROWS", 3)
    monkeypatch.setattr(expectations, "validate_by_values", spy)
    outcome = Expectations().run_suite(checked, RULES, "t")
    assert judged_by_values == [True]
    assert outcome == validate_frame(checked, RULES, "t")
    assert [(f.source_row, f.column) for f in outcome.failures] == [
        (3, "code"), (3, "n"), (4, "code"), (4, "n"),
    ]  # fmt: skip
