"""Cross-row checks of a delivered file: mixed municipal divisions, totals against parts."""

import pandas as pd

from assets.raw_consistency import mixed_divisions, municipality_column, totals_differ_from_parts


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
    assert totals_differ_from_parts(frame, "Key", "N", "T", "RegioS") == [
        (5, "N", "9", "is the total (T) for GM2 but its parts add up to 10")
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
    assert totals_differ_from_parts(frame, "Key", "N", "T", "RegioS") == []
