"""The composite threat index (pipeline/domain/statistics/composite_index.py), by hand."""

import numpy as np
import polars as pl
import pytest

from pipeline.domain.statistics.composite_index import (
    IndexSettings,
    aggregate,
    composite_index,
    index_values,
    normalise,
    threat_index,
    variants,
)

VALUES = np.array([[10.0, 1.0], [20.0, 3.0], [30.0, 2.0]])  # 3 regions x 2 indicators


def test_normalisations_by_hand():
    assert normalise(VALUES, "min_max").tolist() == [[0, 0], [50, 100], [100, 50]]
    z = normalise(VALUES, "z_score")
    assert z[:, 0] == pytest.approx([-1.2247449, 0, 1.2247449])
    assert normalise(VALUES, "rank").tolist() == [[0, 0], [1, 2], [2, 1]]
    # A constant indicator says nothing: it scores 0 everywhere instead of dividing by zero.
    assert normalise(np.array([[5.0], [5.0]]), "min_max").tolist() == [[0], [0]]


def test_aggregations_by_hand():
    normalised = np.array([[1.0, 4.0], [9.0, 1.0]])
    assert aggregate(normalised, np.array([1, 1]), "arithmetic").tolist() == [2.5, 5.0]
    assert aggregate(normalised, np.array([1, 1]), "geometric") == pytest.approx([2.0, 3.0])
    assert aggregate(normalised, np.array([3, 1]), "arithmetic").tolist() == [1.75, 7.0]
    with pytest.raises(ValueError, match="positive"):
        aggregate(np.array([[0.0, 1.0]]), np.array([1, 1]), "geometric")
    with pytest.raises(ValueError, match="geometric"):
        index_values(VALUES, np.array([1, 1]), "z_score", "geometric")


def test_the_variants_of_the_robustness_analysis():
    # 5 combinations (z-scores have no geometric mean) x (all indicators + each left out).
    assert len(variants(["a", "b", "c"])) == 5 * 4
    assert len(variants(["a", "b"])) == 5  # leaving one of two out leaves no composite


def _inputs(values) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "region_level": ["riec_region"] * 6,
            "region_code": ["R1", "R1", "R2", "R2", "R3", "R3"],
            "region_name": ["Een", "Een", "Twee", "Twee", "Drie", "Drie"],
            "indicator": ["a", "b"] * 3,
            "value": values,
        }
    )


def test_threat_index_by_hand():
    index = threat_index(_inputs([10.0, 1.0, 20.0, 3.0, 30.0, 2.0]), IndexSettings()).sort(
        "region_code"
    )
    # min-max: R1 (0, 0), R2 (50, 100), R3 (100, 50): equal-weight means 0, 75, 75.
    assert index["index_value"].to_list() == [0.0, 75.0, 75.0]
    assert index["index_rank"].to_list() == [3, 1, 1]
    assert index["variants"].to_list() == [5, 5, 5]
    weighted = threat_index(
        _inputs([10.0, 1.0, 20.0, 3.0, 30.0, 2.0]), IndexSettings(weights={"a": 3.0})
    ).sort("region_code")
    assert weighted["index_value"].to_list() == [0.0, 62.5, 87.5]


def test_a_region_highest_on_every_indicator_ranks_first_in_every_variant():
    index = threat_index(_inputs([1.0, 1.0, 2.0, 5.0, 9.0, 9.0]), IndexSettings()).sort(
        "region_code"
    )
    assert index.filter(pl.col("region_code") == "R3").select("rank_min", "rank_max").rows() == [
        (1, 1)
    ]
    assert (index["rank_min"] <= index["index_rank"]).all()
    assert (index["index_rank"] <= index["rank_max"]).all()


NAN = float("nan")


def test_not_measured_stays_out_of_normalisation_and_aggregation():
    values = np.array([[10.0, NAN], [20.0, 3.0], [30.0, 1.0]])
    assert np.array_equal(
        normalise(values, "min_max"), [[0, NAN], [50, 100], [100, 0]], equal_nan=True
    )
    assert np.array_equal(normalise(values, "rank"), [[0, NAN], [1, 1], [2, 0]], equal_nan=True)
    z = normalise(values, "z_score")
    assert z[1:, 1] == pytest.approx([1.0, -1.0])  # mean and sd of the two measured values
    normalised = np.array([[NAN, 4.0], [9.0, 1.0], [NAN, NAN]])
    assert np.array_equal(
        aggregate(normalised, np.array([3, 1]), "arithmetic"), [4.0, 7.0, NAN], equal_nan=True
    )
    assert aggregate(normalised, np.array([1, 1]), "geometric")[:2] == pytest.approx([4.0, 3.0])
    with pytest.raises(ValueError, match="without any value"):
        normalise(np.array([[NAN], [NAN]]), "min_max")


def test_a_unit_without_indicators_gets_no_index_and_counts_its_indicators():
    # Sector s1 has a and b, s2 only b, s3 nothing measured (a gap, not zero).
    inputs = pl.DataFrame(
        {
            "level": ["national"] * 6,
            "sector_code": ["s1", "s1", "s2", "s2", "s3", "s3"],
            "sector_name": ["Een", "Een", "Twee", "Twee", "Drie", "Drie"],
            "indicator": ["a", "b"] * 3,
            "value": [10.0, 1.0, None, 3.0, None, None],
        }
    )
    index = composite_index(inputs, IndexSettings(), "level", "sector_code", "sector_name")
    rows = {row["sector_code"]: row for row in index.rows(named=True)}
    # min-max: s1 = (0 + 0) / 2 = 0; s2 = b only = 100.
    assert rows["s1"]["index_value"] == 0.0 and rows["s2"]["index_value"] == 100.0
    assert (rows["s1"]["index_rank"], rows["s2"]["index_rank"]) == (2, 1)
    assert [rows[s]["indicators_used"] for s in ("s1", "s2", "s3")] == [2, 1, 0]
    assert rows["s3"]["index_value"] is None and rows["s3"]["index_rank"] is None
    assert rows["s3"]["rank_min"] is None and rows["s3"]["rank_max"] is None


def test_complete_inputs_give_the_same_index_as_before_the_missing_value_rule():
    # Without NaN, available-case aggregation is the plain weighted mean.
    values = np.array([[10.0, 1.0], [20.0, 3.0], [30.0, 2.0]])
    expected = normalise(values, "min_max") @ np.array([0.5, 0.5])
    assert aggregate(normalise(values, "min_max"), np.array([1, 1]), "arithmetic") == (
        pytest.approx(expected)
    )
