import itertools

from hypothesis import given
from hypothesis import strategies as st

from pipeline.domain.files.batches import Batches, batched

SIZES = st.lists(st.integers(min_value=0, max_value=50), max_size=12)


def test_years_fill_a_batch_up_to_the_limit() -> None:
    assert batched([(2024, 6), (2025, 4)], limit=10) == [[2024, 2025]]
    assert batched([(2024, 6), (2025, 5)], limit=10) == [[2024], [2025]]


def test_a_year_over_the_limit_is_a_batch_of_its_own() -> None:
    assert batched([(2023, 1), (2024, 30), (2025, 1)], limit=10) == [[2023], [2024], [2025]]


def test_a_batch_at_the_limit_is_full() -> None:
    batches = Batches[int](10)
    assert batches.add(2024, 6) == [] and not batches.full
    assert batches.add(2025, 4) == [] and batches.full
    assert batches.rest() == [2024, 2025] and not batches.full


def test_an_empty_year_still_belongs_to_a_batch() -> None:
    assert batched([(2024, 0)], limit=10) == [[2024]]
    assert batched([], limit=10) == []


@given(SIZES, st.integers(min_value=1, max_value=60))
def test_every_year_once_in_order_and_no_batch_over_the_limit_but_a_lone_year(
    rows: list[int], limit: int
) -> None:
    sizes = list(enumerate(rows))
    batches = batched(sizes, limit)
    assert [year for batch in batches for year in batch] == list(range(len(rows)))
    for batch in batches:
        assert len(batch) == 1 or sum(rows[year] for year in batch) <= limit
    # No two neighbouring batches could have been one.
    for first, second in itertools.pairwise(batches):
        assert sum(rows[y] for y in first) + rows[second[0]] > limit
