"""Yearly partitions: one partition per calendar year of the threat picture."""

from dagster import AssetDep, TimeWindowPartitionMapping, TimeWindowPartitionsDefinition

FIRST_YEAR = "2015"

# The last partition is the year just ended; the first is the first year in the data.
yearly_partitions = TimeWindowPartitionsDefinition(
    start=FIRST_YEAR, fmt="%Y", cron_schedule="0 0 1 1 *"
)

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
