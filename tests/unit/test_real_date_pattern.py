"""The date rule's pattern accepts exactly the real calendar dates written YYYY-MM-DD, in Python's
regex engine and in Arrow's (RE2), which GX uses on Arrow-backed columns."""

import datetime
import re

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.domain.files.value_rules import REAL_DATE


def _is_real(text: str) -> bool:
    try:
        datetime.datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True


CANDIDATES = [
    f"{year:04d}-{month:02d}-{day:02d}"
    for year in (*range(1896, 1905), *range(1996, 2031), 2100, 2400)
    for month in range(0, 14)
    for day in range(0, 33)
]
ODD = ["2024-1-01", "20240101", " 2024-01-01", "2024-01-01 ", "2024/01/01", "24-01-01", ""]


def test_the_pattern_accepts_exactly_the_real_dates() -> None:
    pattern = re.compile(REAL_DATE.regex)
    assert [text for text in CANDIDATES if bool(pattern.match(text)) != _is_real(text)] == []
    assert [text for text in ODD if pattern.match(text)] == []
    # leap years by the century rule
    assert [bool(pattern.match(f"{y}-02-29")) for y in (1900, 2000, 2024, 2025, 2100)] == [
        False,
        True,
        True,
        False,
        False,
    ]


def test_arrow_matches_as_python_does() -> None:
    values = pa.array(CANDIDATES + ODD)
    matched = pc.match_substring_regex(values, REAL_DATE.regex).to_pylist()
    assert matched == [bool(re.match(REAL_DATE.regex, text)) for text in CANDIDATES + ODD]
