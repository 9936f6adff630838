"""pipeline.plumbing.check_runner: a GX suite on a frame, failures named by file, row and column."""

import pandas as pd

from pipeline.domain.files.value_rules import KNOWN_SETS, Rule, raw_rules
from pipeline.plumbing.check_runner import validate_frame
from tests.unit.checked_frames import checked_frame


def frame(**columns):
    rows = len(next(iter(columns.values())))
    return pd.DataFrame(
        {**columns, "source_file": ["f.csv"] * rows, "source_row": list(range(2, rows + 2))}
    )


def test_clean_frame_passes():
    outcome = validate_frame(
        frame(n=["1", "2"]),
        [Rule("match_regex", "n", {"regex": "^[0-9]+$", "meaning": "a whole number"})],
        "t",
    )
    assert outcome.passed and outcome.failures == [] and outcome.rows_checked == 2


def test_each_failure_names_file_row_column_and_value():
    rules = [
        Rule("match_regex", "n", {"regex": "^[0-9]+$", "meaning": "a whole number"}),
        Rule("in_set", "code", {"value_set": ["GM0363"], "set_name": "municipality codes"}),
        Rule("not_null", "code"),
    ]
    outcome = validate_frame(frame(n=["1", "-5", "3"], code=["GM0363", "GM9999", None]), rules, "t")
    assert not outcome.passed
    assert [f.message() for f in outcome.failures] == [
        "f.csv, row 3, column code: value 'GM9999' must be one of the municipality codes",
        "f.csv, row 3, column n: value '-5' must be a whole number",
        "f.csv, row 4, column code must not be empty",
    ]
    assert "3 value(s) break the rules" in outcome.summary()


def test_duplicates_are_reported_on_every_row():
    outcome = validate_frame(frame(id=["a", "b", "a"]), [Rule("unique", "id")], "t")
    assert [(f.source_row, f.value) for f in outcome.failures] == [(2, "a"), (4, "a")]


def test_one_suite_checks_every_year_against_its_own_partition():
    known = dict.fromkeys(KNOWN_SETS, frozenset()) | {
        "cbs_region_codes": frozenset({"GM0363"}),
        "crime_type_codes": frozenset({"CRI1700"}),
    }
    rules = raw_rules("incidents", known)
    periods = next(r for r in rules if r.kind == "in_set" and r.shown_column == "Perioden")
    assert periods.params["value_set"] == ["<year>JJ00", "<year>JJ00*"]  # * marks provisional
    columns = next(r for r in rules if r.kind == "columns_match")
    assert columns.params["columns"][4] == "TotaalGeregistreerdeMisdrijven_1"
    assert columns.params["columns"][-1] == "other_cells"  # measures no one knows, kept
    # A CBS table's keys must be there; its measures may be empty (unknown, or not delivered).
    assert {r.column for r in rules if r.kind == "not_null"} == {
        "SoortMisdrijf",
        "RegioS",
        "Perioden",
    }
    # Two years in one frame, each row checked against its own year: a key identifies one row
    # within its year (the same key in another year is no duplicate).
    delivered = {
        "ID": ["0", "1", "0", "1"],
        "SoortMisdrijf": ["CRI1700"] * 4,
        "RegioS": ["GM0363"] * 4,
        "Perioden": ["2023JJ00", "2023JJ00", "2023JJ00", "2024JJ00*"],
        "TotaalGeregistreerdeMisdrijven_1": ["5"] * 4,
    }
    rows = frame(**delivered).assign(partition_year=[2023, 2023, 2024, 2024])
    outcome = validate_frame(checked_frame(rows, "incidents"), rules[1:], "t")
    key = "column SoortMisdrijf, RegioS, Perioden: value 'CRI1700 / GM0363 / 2023JJ00'"
    assert [(f.partition_year, f.message()) for f in outcome.failures] == [
        (2023, f"f.csv, row 2, {key} must identify one row only"),
        (2023, f"f.csv, row 3, {key} must identify one row only"),
        (
            2024,
            "f.csv, row 4, column Perioden: value '2023JJ00' must be one of the period 2024JJ00 "
            "of the partition (2024JJ00* if provisional)",
        ),
    ]


def test_impossible_dates_and_compound_duplicates_are_named():
    rules = [
        Rule("date", "d"),
        Rule("unique_together", "a", {"columns": ["a", "b"]}),
    ]
    outcome = validate_frame(
        frame(d=["2024-02-29", "2024-02-30", "2024-13-01"], a=["x", "x", "y"], b=["1", "1", "1"]),
        rules,
        "t",
    )
    assert [f.message() for f in outcome.failures] == [
        "f.csv, row 2, column a, b: value 'x / 1' must identify one row only",
        "f.csv, row 3, column a, b: value 'x / 1' must identify one row only",
        "f.csv, row 3, column d: value '2024-02-30' must be a real date written YYYY-MM-DD",
        "f.csv, row 4, column d: value '2024-13-01' must be a real date written YYYY-MM-DD",
    ]
