"""Disclosure control (pipeline/domain/statistics/disclosure.py): by hand, and proved by linear
programming."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog

from pipeline.domain.statistics.disclosure import disclosure_problems, is_safe, suppress_column


def test_a_small_count_and_its_partner_are_hidden():
    values = np.array([50, 3, 40, 20, 12, 30])
    regions = np.array(["A", "A", "A", "B", "B", "B"])
    result = suppress_column(values, regions, 10)
    # 3 is below 10; alone it would follow from A's total, so the next smallest in A (40) goes too.
    assert result.cell_hidden.tolist() == [False, True, True, False, False, False]
    assert result.cell_primary.tolist() == [False, True, False, False, False, False]
    assert not result.region_hidden.any() and not result.national_hidden


def test_a_small_region_hides_a_second_region_with_one_of_its_counts():
    values = np.array([5, 3, 40, 20, 12, 30])
    regions = np.array(["A", "A", "B", "B", "C", "C"])
    result = suppress_column(values, regions, 10)
    # A's total (8) is below 10: hidden with both its counts. The national total minus B and C
    # would give A's total, so C (the smaller of the two) is hidden too, with its 12.
    assert result.region_hidden.tolist() == [True, False, True]
    assert result.cell_hidden.tolist() == [True, True, False, False, True, False]


def test_two_hidden_counts_that_add_up_to_less_than_the_threshold_are_not_safe():
    assert not is_safe(np.array([2, 3, 50]), np.array([True, True, False]), 10)
    assert is_safe(np.array([2, 9, 50]), np.array([True, True, False]), 10)
    assert not is_safe(np.array([12, 50]), np.array([True, False]), 10)  # a lone hidden count
    assert is_safe(np.array([12, 50]), np.array([False, False]), 10)


def test_the_check_names_what_a_table_gives_away():
    values = np.array([50, 3, 40])
    regions = np.array(["A", "A", "A"])
    shown_small = disclosure_problems(
        values, regions, [False, False, False], {"A": False}, False, 10
    )
    assert shown_small == ["cell 1 shows 3, below 10"]
    lone = disclosure_problems(values, regions, [False, True, False], {"A": False}, False, 10)
    assert lone == ["a hidden count of region A follows from its total"]


def _ranges(values, regions, result) -> list[tuple[float, float]]:
    """Smallest and largest value each hidden count (and hidden region total) can take, given
    everything published and that counts are not negative."""
    n = values.size
    equations, targets = [], []
    for i in range(n):
        if not result.cell_hidden[i]:
            equations.append(np.eye(n)[i])
            targets.append(values[i])
    for label, hidden in zip(result.regions, result.region_hidden, strict=True):
        if not hidden:
            equations.append((regions == label).astype(float))
            targets.append(values[regions == label].sum())
    if not result.national_hidden:
        equations.append(np.ones(n))
        targets.append(values.sum())
    objectives = [np.eye(n)[i] for i in np.flatnonzero(result.cell_hidden)]
    objectives += [
        (regions == label).astype(float)
        for label, hidden in zip(result.regions, result.region_hidden, strict=True)
        if hidden
    ]
    if not equations:
        return [(0.0, np.inf)] * len(objectives)  # nothing published: nothing to recover from
    ranges = []
    for objective in objectives:
        bounds = []
        for sign in (1, -1):
            solved = linprog(
                sign * objective, A_eq=np.array(equations), b_eq=np.array(targets),
                bounds=[(0, None)] * n, method="highs",
            )  # fmt: skip
            assert solved.status in (0, 3)  # 3: unbounded, as far from recovered as can be
            bounds.append(sign * solved.fun if solved.status == 0 else sign * np.inf)
        ranges.append((bounds[0], bounds[1]))
    return ranges


@settings(max_examples=300, deadline=None)
@given(
    table=st.lists(
        st.tuples(st.integers(0, 40), st.sampled_from(["A", "B", "C", "D"])),
        min_size=2,
        max_size=12,
    ),
    threshold=st.sampled_from([5, 10]),
)
def test_no_hidden_value_can_be_recovered(table, threshold):
    values = np.array([value for value, _ in table])
    regions = np.array([region for _, region in table])
    result = suppress_column(values, regions, threshold)
    region_hidden = dict(zip(result.regions.tolist(), result.region_hidden.tolist(), strict=True))
    assert (
        disclosure_problems(
            values, regions, result.cell_hidden, region_hidden, result.national_hidden, threshold
        )
        == []
    )
    # Nothing below the threshold is shown.
    assert not (~result.cell_hidden & (values < threshold)).any()
    # Proof: every hidden count and region total can still take more than one value.
    for low, high in _ranges(values, regions, result):
        assert high - low > 1e-6


def _counts():
    import polars as pl

    return pl.DataFrame(
        {
            "municipality_code": ["GM1", "GM2", "GM3", "GM4"],
            "municipality_name": ["Een", "Twee", "Drie", "Vier"],
            "riec_code": ["A", "A", "B", "B"],
            "riec_name": ["Noord", "Noord", "Zuid", "Zuid"],
            "phenomenon_code": ["fraud"] * 4,
            "event_count": [50, 3, 40, 20],
        }
    )


def test_publish_hides_and_labels_and_the_check_finds_tampering():
    import polars as pl

    from pipeline.domain.statistics.disclosure import publish, published_problems

    counts = _counts()
    municipal, region = publish(counts, 10)
    assert municipal.select("municipality_code", "registered_crimes", "suppression").rows() == [
        ("GM1", None, "secondary"),  # hidden with GM2, or GM2's 3 would follow from Noord's 53
        ("GM2", None, "primary"),
        ("GM3", 40, None),
        ("GM4", 20, None),
    ]
    assert region.select("region_code", "registered_crimes").rows() == [
        ("A", 53),
        ("B", 60),
        ("NL01", 113),
    ]
    assert published_problems(counts, municipal, region, 10) == []
    # Showing the hidden partner again gives GM2 away; a wrong value is named too.
    shown = municipal.with_columns(
        registered_crimes=pl.when(pl.col("municipality_code") == "GM1")
        .then(50)
        .when(pl.col("municipality_code") == "GM4")
        .then(21)
        .otherwise(pl.col("registered_crimes"))
    )
    assert published_problems(counts, shown, region, 10) == [
        "GM4 fraud: shows 21, not 20",
        "fraud: a hidden count of region A follows from its total",
    ]
