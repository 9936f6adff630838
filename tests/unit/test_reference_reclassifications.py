"""data/reference/municipal_reclassifications.csv against what is known of the divisions."""

from collections import defaultdict
from datetime import date, timedelta

import pytest

from tests.divisions import current_codes, division_on, predecessors_on, reclassifications

# Municipalities on 1 January of each year (CBS, Gemeentelijke indeling op 1 januari).
MUNICIPALITIES_ON_1_JANUARY = {
    2015: 393,
    2016: 390,
    2017: 388,
    2018: 380,
    2019: 355,
    2020: 355,
    2021: 352,
    2022: 345,
    2023: 342,
    2024: 342,
    2025: 342,
}


@pytest.mark.parametrize(("year", "count"), sorted(MUNICIPALITIES_ON_1_JANUARY.items()))
def test_the_changes_rebuild_every_division_since_2015(year, count):
    assert len(division_on(date(year, 1, 1))) == count


def test_the_2025_division_is_the_reference_list():
    assert division_on(date(2025, 1, 1)) == current_codes()


def test_the_shares_of_each_old_code_add_up_to_one():
    totals: dict[str, float] = defaultdict(float)
    for row in reclassifications():
        totals[row["old_code"]] += float(row["share"])
    assert {code: total for code, total in totals.items() if abs(total - 1) > 1e-9} == {}


def test_every_old_code_of_2015_reaches_the_2025_division_whole():
    mapped = predecessors_on(date(2015, 1, 1))
    assert all(set(shares) <= current_codes() for shares in mapped.values())
    assert {
        code: shares for code, shares in mapped.items() if abs(sum(shares.values()) - 1) > 1e-9
    } == {}


def test_a_created_code_did_not_exist_the_day_before_its_change():
    for row in reclassifications():
        if row["new_code_created"] == "true":
            day_before = date.fromisoformat(row["effective_date"]) - timedelta(days=1)
            assert row["new_code"] not in division_on(day_before), row
