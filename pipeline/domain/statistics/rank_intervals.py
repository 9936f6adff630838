"""Rankings of regions by harm, and how sure they are. Plain functions, no Dagster.

A region's harm per 100,000 inhabitants is the sum over phenomena of count x weight, divided by
its population. Two things make its rank uncertain, and they are kept apart:
- chance in the counts: each count is one year's draw of a Poisson process (``count_rank_draws``);
- the weights, which are judgements: each is varied by a log-normal factor (``weight_rank_draws``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import polars as pl

from pipeline.domain.statistics.uncertainty import CONFIDENCE_LEVEL

TOP = 3  # the report's question: how likely is a region among the three most harmed?


def harm_per_100k(
    counts: npt.ArrayLike, weights: npt.ArrayLike, population: np.ndarray
) -> npt.NDArray[np.float64]:
    """counts[region, phenomenon] x weights[phenomenon], summed, per 100,000 inhabitants."""
    harm: npt.NDArray[np.float64] = (
        (np.asarray(counts, float) @ np.asarray(weights, float)) * 100_000 / population
    )
    return harm


def ranks(scores: npt.ArrayLike) -> npt.NDArray[np.int_]:
    """Rank 1 for the highest score; ties share the best rank. Works on the last axis."""
    values = np.asarray(scores, float)
    # Count the scores strictly above each one: ties get the same (best) rank.
    above: npt.NDArray[np.int_] = (values[..., None, :] > values[..., :, None]).sum(axis=-1)
    return above + 1


def count_rank_draws(
    counts: np.ndarray,
    weights: np.ndarray,
    population: np.ndarray,
    draws: int,
    rng: np.random.Generator,
) -> np.ndarray:
    """Ranks[draw, region] when every count is redrawn from a Poisson with the observed mean."""
    counts = np.asarray(counts, float)
    sampled = rng.poisson(counts, size=(draws, *counts.shape))
    return ranks(harm_per_100k(sampled, weights, population))


def weight_rank_draws(
    counts: np.ndarray,
    weights: np.ndarray,
    population: np.ndarray,
    draws: int,
    spread: float,
    rng: np.random.Generator,
) -> np.ndarray:
    """Ranks[draw, region] when each weight is multiplied by exp(N(0, spread)), independently."""
    weights = np.asarray(weights, float)
    factors = np.exp(rng.normal(0.0, spread, size=(draws, weights.size)))
    scores = np.einsum("rp,dp->dr", np.asarray(counts, float), weights * factors)
    return ranks(scores * 100_000 / population)


@dataclass(frozen=True)
class RankSummary:
    median: np.ndarray
    lower: np.ndarray
    upper: np.ndarray
    top_share: np.ndarray  # share of draws in which the region ranks within TOP


def summarise(rank_draws: np.ndarray, level: float = CONFIDENCE_LEVEL) -> RankSummary:
    """Median rank, the central ``level`` interval of ranks, and the share of draws in the top."""
    tail = (1 - level) / 2 * 100
    return RankSummary(
        median=np.percentile(rank_draws, 50, axis=0, method="lower"),
        lower=np.percentile(rank_draws, tail, axis=0, method="lower"),
        upper=np.percentile(rank_draws, 100 - tail, axis=0, method="higher"),
        top_share=(rank_draws <= TOP).mean(axis=0),
    )


def rank_correlation(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Spearman's rho and Kendall's tau-b between two score vectors over the same regions."""
    from scipy.stats import kendalltau, spearmanr

    return float(spearmanr(a, b).statistic), float(kendalltau(a, b).statistic)


@dataclass(frozen=True)
class RankingSettings:
    draws: int = 2000
    # Standard deviation of each weight's log factor: 0.25 lets a weight move by a factor of
    # about 1.6 either way (95%), the disagreement to expect between careful judges.
    weight_spread: float = 0.25
    seed: int = 20260101
    level: float = CONFIDENCE_LEVEL


_REGION_COLUMNS = ("region_code", "region_name", "population")
_RANK_COLUMNS = (
    "harm_rank",
    "count_rank_median",
    "count_rank_lower",
    "count_rank_upper",
    "weight_rank_median",
    "weight_rank_lower",
    "weight_rank_upper",
)
_CORRELATION_SCHEMA = {
    "region_level": pl.String,
    "weight_set_a": pl.String,
    "weight_set_b": pl.String,
    "spearman_rho": pl.Float64,
    "kendall_tau": pl.Float64,
}


def rank_regions(
    counts: pl.DataFrame, weight_sets: pl.DataFrame, year: int, settings: RankingSettings
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Rank the regions of each level under each weight set, with rank intervals.

    ``counts``: region_level, region_code, region_name, phenomenon_code, event_count, population.
    ``weight_sets``: weight_set, phenomenon_code, weight.
    Returns one row per level x region x weight set, and one per level x pair of weight sets
    (the rank correlation of their harm scores).
    """
    rankings: list[pl.DataFrame] = []
    correlations: list[dict[str, object]] = []
    set_names = sorted(weight_sets["weight_set"].unique().to_list())
    for level_index, level in enumerate(sorted(counts["region_level"].unique().to_list())):
        table = _region_table(counts, level)
        scores = {}
        for set_index, name in enumerate(set_names):
            weights = _weights(weight_sets, name, _phenomena(table))
            # Every level and weight set draws from its own stream: adding one changes no other.
            rng = np.random.default_rng([settings.seed, year, level_index, set_index])
            ranking = _ranking(table, weights, settings, rng)
            scores[name] = ranking["harm_per_100k"].to_numpy()
            rankings.append(
                ranking.select(
                    pl.lit(level).alias("region_level"),
                    "region_code",
                    "region_name",
                    pl.lit(name).alias("weight_set"),
                    pl.exclude("region_code", "region_name"),
                )
            )
        correlations += _correlations(level, set_names, scores)
    ranking_frame = pl.concat(rankings).with_columns(
        pl.col(c).cast(pl.Int64) for c in _RANK_COLUMNS
    )
    return ranking_frame, pl.DataFrame(correlations, schema=_CORRELATION_SCHEMA)


def _region_table(counts: pl.DataFrame, level: str) -> pl.DataFrame:
    """The regions of one level: one row per region, one column of counts per phenomenon."""
    return (
        counts.filter(pl.col("region_level") == level)
        .pivot(
            on="phenomenon_code",
            index=list(_REGION_COLUMNS),
            values="event_count",
            sort_columns=True,
        )
        .sort("region_code")
    )


def _phenomena(table: pl.DataFrame) -> list[str]:
    return [c for c in table.columns if c not in _REGION_COLUMNS]


def _weights(weight_sets: pl.DataFrame, name: str, phenomena: list[str]) -> np.ndarray:
    """The weight of each phenomenon in one weight set."""
    given = dict(
        weight_sets.filter(pl.col("weight_set") == name)
        .select("phenomenon_code", "weight")
        .iter_rows()
    )
    return np.array([given[p] for p in phenomena], float)


def _ranking(
    table: pl.DataFrame, weights: np.ndarray, settings: RankingSettings, rng: np.random.Generator
) -> pl.DataFrame:
    """Each region's harm, its rank and its rank intervals: by chance in the counts, then by
    doubt about the weights (drawn in that order from ``rng``)."""
    matrix = table.select(_phenomena(table)).fill_null(0).to_numpy().astype(float)
    population = table["population"].to_numpy().astype(float)
    score = harm_per_100k(matrix, weights, population)
    by_counts = summarise(
        count_rank_draws(matrix, weights, population, settings.draws, rng), settings.level
    )
    by_weights = summarise(
        weight_rank_draws(matrix, weights, population, settings.draws, settings.weight_spread, rng),
        settings.level,
    )
    return pl.DataFrame(
        {
            "region_code": table["region_code"],
            "region_name": table["region_name"],
            "harm_per_100k": score,
            "harm_rank": ranks(score),
            "count_rank_median": by_counts.median,
            "count_rank_lower": by_counts.lower,
            "count_rank_upper": by_counts.upper,
            "count_top_share": by_counts.top_share,
            "weight_rank_median": by_weights.median,
            "weight_rank_lower": by_weights.lower,
            "weight_rank_upper": by_weights.upper,
            "weight_top_share": by_weights.top_share,
        }
    )


def _correlations(
    level: str, set_names: list[str], scores: dict[str, np.ndarray]
) -> list[dict[str, object]]:
    """The rank correlation of the harm scores of every pair of weight sets."""
    rows: list[dict[str, object]] = []
    for i, first in enumerate(set_names):
        for second in set_names[i + 1 :]:
            rho, tau = rank_correlation(scores[first], scores[second])
            rows.append(
                {
                    "region_level": level,
                    "weight_set_a": first,
                    "weight_set_b": second,
                    "spearman_rho": rho,
                    "kendall_tau": tau,
                }
            )
    return rows
