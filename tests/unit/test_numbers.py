"""Dutch and English number formatting of the report."""

import pytest

from pipeline.domain.publishing.numbers import (
    MINUS,
    MISSING,
    format_change,
    format_count,
    format_rate,
    format_share,
)


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [(812000, "nl", "812.000"), (812000, "en", "812,000"), (1234.6, "nl", "1.235"), (0, "nl", "0")],
)
def test_counts(value, language, expected):
    assert format_count(value, language) == expected


def test_rates_use_a_decimal_comma_in_dutch():
    assert format_rate(1234.56, "nl") == "1.234,6"
    assert format_rate(1234.56, "en") == "1,234.6"
    assert format_rate(7.0, "nl", 0) == "7"


def test_shares_and_changes():
    assert format_share(0.256, "nl") == "26%"
    assert format_share(0.256, "nl", 1) == "25,6%"
    assert format_change(0.042, "nl") == "+4,2%"
    assert format_change(-0.03, "en") == f"{MINUS}3.0%"
    assert format_change(0.0, "nl") == "±0,0%"


def test_missing_values_show_a_dash():
    assert {format_count(None, "nl"), format_rate(None, "nl"), format_share(None, "nl")} == {
        MISSING
    }
    assert format_change(None, "en") == MISSING
