"""The harm rankings asset: regions ranked under every weight set, with rank intervals.

The statistics are in pipeline/domain/statistics/rank_intervals.py; this asset reads, calls and
writes.
"""

from dagster import AssetExecutionContext, AssetKey, Config, MaterializeResult, MetadataValue, asset
from dagster_duckdb import DuckDBResource

from pipeline.domain.publishing.markdown import markdown_table
from pipeline.domain.statistics.rank_intervals import RankingSettings, rank_regions
from pipeline.metadata import yearly_table_metadata
from pipeline.partitions import yearly_partitions
from pipeline.sql import query_frame, run_in_transaction

DEFAULTS = RankingSettings()


class RankingConfig(Config):
    draws: int = DEFAULTS.draws
    weight_spread: float = DEFAULTS.weight_spread
    seed: int = DEFAULTS.seed
    confidence_level: float = DEFAULTS.level


@asset(
    key_prefix="indicators",
    group_name="harm",
    description="RIEC regions and provinces ranked by harm per 100,000 inhabitants under every "
    "harm weight set, with the rank interval from chance in the counts and from varying the "
    "weights (Monte Carlo), and the rank correlation between each pair of weight sets.",
    partitions_def=yearly_partitions,
    deps=[
        AssetKey(["indicators", "phenomenon_indicators"]),
        AssetKey(["reference", "harm_weight_sets"]),
    ],
    pool="duckdb",
    kinds={"duckdb", "python"},
)
def harm_rankings(
    context: AssetExecutionContext, config: RankingConfig, warehouse: DuckDBResource
) -> MaterializeResult:
    year = int(context.partition_key)
    settings = RankingSettings(
        config.draws, config.weight_spread, config.seed, config.confidence_level
    )
    with warehouse.get_connection() as conn:
        counts = query_frame(conn, "indicators/queries/harm_ranking_inputs", {"year": year})
        weights = query_frame(conn, "indicators/queries/harm_weights_in_use")
        rankings, correlations = rank_regions(counts, weights, year, settings)
        conn.register("ranking_rows", rankings.to_arrow())
        conn.register("correlation_rows", correlations.to_arrow())
        run_in_transaction(
            conn,
            "indicators/harm_rankings",
            {
                "year": year,
                "draws": settings.draws,
                "weight_spread": settings.weight_spread,
                "seed": settings.seed,
                "confidence_level": settings.level,
            },
        )
        metadata = yearly_table_metadata(
            conn, "indicators.harm_rankings", year, "sql/indicators/harm_rankings.sql"
        )
    return MaterializeResult(
        metadata={
            **metadata,
            "rank_correlations": MetadataValue.md(
                markdown_table(correlations.columns, correlations.rows())
            ),
        }
    )
