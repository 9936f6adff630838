"""Yearly partitions: one partition per calendar year of the threat picture."""

from typing import Protocol

from dagster import (
    AssetDep,
    BackfillPolicy,
    PartitionKeyRange,
    TimeWindowPartitionMapping,
    TimeWindowPartitionsDefinition,
)

FIRST_YEAR = "2015"

# The last partition is the year just ended; the first is the first year in the data.
yearly_partitions = TimeWindowPartitionsDefinition(
    start=FIRST_YEAR, fmt="%Y", cron_schedule="0 0 1 1 *"
)

# A backfill over years is one run: every partitioned asset computes the whole range at once (one
# SQL statement or one vectorised pass), instead of a run per year with its start-up cost.
SINGLE_RUN = BackfillPolicy.single_run()


class _RunsOverPartitions(Protocol):
    @property
    def partition_key_range(self) -> PartitionKeyRange: ...


def partition_years(context: _RunsOverPartitions) -> range:
    """The years a run covers: its one partition, or the range of a backfill."""
    keys = context.partition_key_range
    return range(int(keys.start), int(keys.end) + 1)


def range_tags(years: range) -> dict[str, str]:
    """The tags that make a run cover a range of partitions (as a single-run backfill does)."""
    return {
        "dagster/asset_partition_range_start": str(years[0]),
        "dagster/asset_partition_range_end": str(years[-1]),
    }


def year_params(years: range) -> dict[str, int]:
    """The bound parameters of the SQL that works over a range of years."""
    return {"first_year": years[0], "last_year": years[-1]}


# A year and the nine before it (those that exist): what a ten-year trend depends on.
TEN_YEARS = TimeWindowPartitionMapping(start_offset=-9, allow_nonexistent_upstream_partitions=True)


def ten_years_of(*assets: str) -> list[AssetDep]:
    """Dependencies on each asset's year and the nine before it ("layer/name" for another
    layer's asset, "name" for one of the same layer)."""
    return [AssetDep(asset.split("/"), partition_mapping=TEN_YEARS) for asset in assets]


def built_years() -> range:
    """The years the pipeline builds: its partitions, the first to the year just ended."""
    keys = yearly_partitions.get_partition_keys()
    return range(int(keys[0]), int(keys[-1]) + 1)
