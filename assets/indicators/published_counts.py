"""Published counts: municipal, RIEC and national counts under disclosure control, and the
blocking check that nothing hidden can be recovered. The rules are in
pipeline/domain/statistics/disclosure.py."""

from collections.abc import Mapping

import polars as pl
from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetKey,
    Config,
)
from dagster_duckdb import DuckDBResource

from assets.indicators import LAYER
from pipeline.domain.statistics.disclosure import DEFAULT_THRESHOLD, publish, published_problems
from pipeline.plumbing.check_results import blocking_yearly_check
from pipeline.plumbing.partitions import partition_years, year_params
from pipeline.plumbing.sql_runner import query_frame
from pipeline.plumbing.table_asset_factory import (
    Computed,
    PythonTable,
    python_table_asset,
    year_by_year,
)


class DisclosureConfig(Config):
    # No published municipal count is below this; Statistics Netherlands' usual rule of thumb.
    threshold: int = DEFAULT_THRESHOLD


def _publish(
    inputs: Mapping[str, pl.DataFrame], years: range, config: DisclosureConfig
) -> Computed:
    counts = inputs["counts"]

    def publish_year(year: int) -> dict[str, pl.DataFrame]:
        municipal, region = publish(
            counts.filter(pl.col("year") == year).drop("year"), config.threshold
        )
        return {"published_municipal_rows": municipal, "published_region_rows": region}

    frames = year_by_year(years, publish_year)
    municipal = frames["published_municipal_rows"]
    hidden = municipal.group_by("suppression").len().sort("suppression", nulls_last=True)
    return Computed(
        frames=frames,
        params={"threshold": config.threshold},
        metadata={
            "threshold": config.threshold,
            **{f"cells_{label or 'shown'}": count for label, count in hidden.iter_rows()},
        },
    )


published_counts = python_table_asset(
    LAYER,
    PythonTable(
        name="published_counts",
        group="harm",
        description="Registered crimes per municipality, RIEC region and the Netherlands and "
        "phenomenon as they may be published: counts below the threshold hidden, and secondary "
        "suppression so that no hidden count follows from a total.",
        deps=[AssetKey("phenomenon_indicators")],
        inputs={"counts": "indicators/queries/published_count_inputs"},
        compute=_publish,
        config=DisclosureConfig,
        tables=("published_municipal_counts", "published_region_counts"),
    ),
)


@blocking_yearly_check(
    asset=published_counts,
    name="no_published_count_can_be_disclosed",
    description="No published municipal, regional or national count is below the threshold, "
    "every published value equals the warehouse's, and no hidden count can be worked out from "
    "a published total. When it fails: do not publish; the description names the counts; the "
    "disclosure rules are in sql/indicators/published_*_counts.sql; the report waits.",
)
def no_published_count_can_be_disclosed(
    context: AssetCheckExecutionContext, warehouse: DuckDBResource
) -> AssetCheckResult:
    years = partition_years(context)
    with warehouse.get_connection() as conn:
        stored = {
            name: query_frame(conn, f"indicators/queries/{name}", year_params(years))
            for name in (
                "published_count_inputs",
                "published_counts_as_stored",
                "published_region_counts_as_stored",
            )
        }
    problems: list[str] = []
    for year in years:
        counts, municipal, region = (
            frame.filter(pl.col("year") == year).drop("year") for frame in stored.values()
        )
        threshold = int(municipal["threshold"][0])
        found = published_problems(counts, municipal, region, threshold)
        problems += [f"{year}: {problem}" for problem in found]
    return AssetCheckResult(
        passed=not problems,
        description="Nothing can be disclosed." if not problems else f"{len(problems)} problem(s)",
        metadata={"threshold": threshold, "problems": "\n".join(problems[:20])},
    )
