"""Yearly partitions: one partition per calendar year of the threat picture."""

from dagster import TimeWindowPartitionsDefinition

FIRST_YEAR = "2015"

# The last partition is the year just ended; the first is the first year in the data.
yearly_partitions = TimeWindowPartitionsDefinition(
    start=FIRST_YEAR, fmt="%Y", cron_schedule="0 0 1 1 *"
)
