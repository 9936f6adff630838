"""Cross-row checks of a delivered file: mixed municipal divisions, totals against parts."""

import pandas as pd

from pipeline.domain.files.consistency_rules import (
    countable,
    mixed_divisions,
    municipality_column,
    rounding_tolerance,
    totals_differ_from_parts,
    uncountable_codes,
)
from pipeline.domain.files.region_codes import is_municipality


def test_old_code_next_to_its_successor_is_rejected():
    frame = pd.DataFrame(
        {
            "source_row": [2, 3, 4, 5],
            "RegioS": ["GM1980", "GM0398", "GM0003", "GM0014"],
        }
    )
    successors = {"GM0398": frozenset({"GM1980"}), "GM0003": frozenset({"GM1979"})}
    # Heerhugowaard sits next to Dijk en Waard, created from it; Appingedam's successor is not in
    # the file.
    assert mixed_divisions(frame, "RegioS", successors) == [
        (
            3,
            "RegioS",
            "GM0398",
            "is an old municipality code whose successor GM1980 is in the same file: "
            "the file mixes municipal divisions",
        )
    ]


def test_total_rows_must_equal_their_parts():
    frame = pd.DataFrame(
        {
            "source_row": [2, 3, 4, 5, 6, 7],
            "Key": ["T", "A", "B", "T", "A", "B"],
            "RegioS": ["GM1", "GM1", "GM1", "GM2", "GM2", "GM2"],
            "N": ["10", "4", "6", "9", "4", "6"],
        }
    )
    # GM1: 4 + 6 = 10 holds; GM2: 4 + 6 = 10, not 9.
    assert totals_differ_from_parts(frame, "Key", "N", {"T": ["A", "B"]}, "RegioS") == [
        (5, "N", "9", "is the total of T for GM2 but its 2 parts add up to 10")
    ]


def test_cbs_rounding_lets_a_total_differ_from_its_parts_by_half_the_base_each():
    # 83648NED, Nederland 2014, '1.2 Bedrog': 19,735 against 19,015 + 475 + 240 = 19,730.
    assert rounding_tolerance(5, 3) == 10
    assert rounding_tolerance(1, 3) == 0
    frame = pd.DataFrame(
        {
            "source_row": [2, 3, 4, 5, 6, 7, 8, 9],
            "SoortMisdrijf": ["CRI1200", "CRI1210", "CRI1220", "CRI1230"] * 2,
            "RegioS": ["NL01"] * 4 + ["GM0363"] * 4,
            "Perioden": ["2014JJ00"] * 8,
            "N": ["19735", "19015", "475", "240", "1000", "500", "200", "285"],
        }
    )
    parts = {"CRI1200": ["CRI1210", "CRI1220", "CRI1230"]}
    # Nederland is 5 off (within 10); Amsterdam 15 off: more than rounding explains.
    assert totals_differ_from_parts(frame, "SoortMisdrijf", "N", parts, "RegioS", 5) == [
        (
            6,
            "N",
            "1000",
            "is the total of CRI1200 for GM0363 but its 3 parts add up to 985 "
            "(CBS rounding allows 10)",
        )
    ]


def test_a_counted_code_must_be_delivered_or_countable_from_all_its_parts():
    parents = {"T": None, "P": "T", "A": "P", "B": "P", "C": "T"}
    children = {"T": ["C", "P"], "P": ["A", "B"]}
    assert countable("P", {"P"}, children) and countable("P", {"A", "B"}, children)
    assert not countable("P", {"A"}, children)
    frame = pd.DataFrame(
        {
            "source_row": [2, 3, 4, 5, 6],
            "RegioS": ["GM0001", "GM0001", "GM0002", "GM0002", "NL01"],
            "SoortMisdrijf": ["A", "B", "A", "C", "T"],
        }
    )
    # GM0001 holds both parts of P; GM0002 only A; NL01 is no municipality.
    assert uncountable_codes(frame, {"P": "label of P"}, parents, is_municipality) == [
        (
            4,
            "SoortMisdrijf",
            "P",
            "(label of P) is counted by a phenomenon, but 1 municipality (first GM0002) "
            "has no row for it nor for all of its parts",
        )
    ]


def test_the_municipality_column_of_each_format():
    assert municipality_column(["ID", "RegioS", "Perioden"]) == "RegioS"
    assert municipality_column(["jaar", "gemeentecode"]) == "gemeentecode"


def test_a_total_with_a_suppressed_part_cannot_be_checked():
    frame = pd.DataFrame(
        {
            "source_row": [2, 3, 4],
            "Key": ["T", "A", "B"],
            "RegioS": ["GM1", "GM1", "GM1"],
            "N": ["100", ".", "60"],
        }
    )
    # '.' hides part of the sum: the total of 100 is not wrong, only unknowable
    assert totals_differ_from_parts(frame, "Key", "N", {"T": ["A", "B"]}, "RegioS") == []
