"""Jobs, schedules and sensors."""

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    RunRequest,
    ScheduleDefinition,
    ScheduleEvaluationContext,
    define_asset_job,
    schedule,
)

from pipeline.partitions import yearly_partitions

# One job over every asset: reference data, then one year from raw files to the report.
threat_picture_job = define_asset_job(
    name="threat_picture",
    selection=AssetSelection.all(),
    partitions_def=yearly_partitions,
    description="Build one year of the threat picture, from the source files to the report.",
)

# The sources for a year are out by summer (CBS provisional crime figures in May, FIU-Nederland's
# annual figures in June or July), so the default runs on 1 July for the year just ended.
SOURCES_OUT_CRON = "0 6 1 7 *"


def yearly_threat_picture_schedule(cron_schedule: str = SOURCES_OUT_CRON) -> ScheduleDefinition:
    """A schedule that builds the year just ended; stopped until an operator turns it on."""

    @schedule(
        name="yearly_threat_picture",
        cron_schedule=cron_schedule,
        job=threat_picture_job,
        execution_timezone="Europe/Amsterdam",
        default_status=DefaultScheduleStatus.STOPPED,
        description="Builds the threat picture of the year just ended.",
    )
    def _yearly(context: ScheduleEvaluationContext) -> RunRequest:
        year_just_ended = str(context.scheduled_execution_time.year - 1)
        return RunRequest(run_key=year_just_ended, partition_key=year_just_ended)

    return _yearly


yearly_schedule = yearly_threat_picture_schedule()
