"""Jobs, schedules and sensors."""

import hashlib
import json

from dagster import (
    AssetSelection,
    DefaultScheduleStatus,
    DefaultSensorStatus,
    RunRequest,
    ScheduleDefinition,
    ScheduleEvaluationContext,
    SensorEvaluationContext,
    SensorResult,
    SkipReason,
    define_asset_job,
    schedule,
    sensor,
)

from pipeline.domain.files.file_watch import scan_raw_files
from pipeline.plumbing.dead_runs import release_slots_of_dead_runs
from pipeline.plumbing.executors import in_process_unless_asked
from pipeline.plumbing.partitions import yearly_partitions
from pipeline.plumbing.resources import ProjectPaths

# One job over every asset: reference data, then one year from raw files to the report.
threat_picture_job = define_asset_job(
    name="threat_picture",
    selection=AssetSelection.all(),
    partitions_def=yearly_partitions,
    description="Build one year of the threat picture (or, as a backfill, a range of years in one "
    "run), from the source files to the report.",
    executor_def=in_process_unless_asked,
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


@sensor(
    name="new_source_files",
    job=threat_picture_job,
    minimum_interval_seconds=60,
    default_status=DefaultSensorStatus.RUNNING,
    description="Watches data/raw/: when a source file appears or its content changes, builds "
    "the years it holds again.",
)
def new_source_files(context: SensorEvaluationContext, paths: ProjectPaths):
    cursor = json.loads(context.cursor) if context.cursor else {}
    # The cursor holds what each file looked like and a count of the changes seen so far.
    changes_seen = cursor.get("changes_seen", 0)
    scan = scan_raw_files(paths.data / "raw", cursor.get("files", {}))
    for line in scan.unrecognised:
        context.log.warning(line)
    for line in scan.unreadable:
        context.log.error(f"{line} (every year of its source fails until it is fixed or removed)")
    known_years = set(yearly_partitions.get_partition_keys())
    requests = []
    all_years = sorted({year for change in scan.changed for year in change.years})
    outside = [year for year in all_years if str(year) not in known_years]
    if outside:
        files = sorted({c.relative_path for c in scan.changed if set(c.years) & set(outside)})
        context.log.warning(
            f"{', '.join(files)}: {', '.join(map(str, outside))} not a year partition "
            "(those rows are not loaded)"
        )
    for year in (y for y in all_years if y not in outside):
        changed = [c for c in scan.changed if year in c.years]
        # The cursor already keeps a change from being seen twice; the run key counts changes,
        # so a file put back to earlier content is built again rather than skipped as a repeat.
        changes_seen += 1
        change = "".join(c.relative_path + c.sha256 for c in changed) + str(changes_seen)
        content = hashlib.sha256(change.encode()).hexdigest()[:16]
        requests.append(
            RunRequest(
                run_key=f"{year}-{content}",
                partition_key=str(year),
                tags={"changed_files": ", ".join(c.relative_path for c in changed)},
            )
        )
    new_cursor = json.dumps({"files": scan.state, "changes_seen": changes_seen}, sort_keys=True)
    if not requests:
        return SensorResult(skip_reason=SkipReason("no new or changed files"), cursor=new_cursor)
    return SensorResult(run_requests=requests, cursor=new_cursor)


@sensor(
    name="dead_runs",
    minimum_interval_seconds=30,
    default_status=DefaultSensorStatus.RUNNING,
    description="Housekeeping: marks runs whose process has died (killed, or the machine "
    "stopped) as failed and frees their pool slots, so the run queue goes on.",
)
def dead_runs(context: SensorEvaluationContext) -> SkipReason:
    released = release_slots_of_dead_runs(context.instance)
    if released:
        context.log.warning(f"Runs whose process is gone, marked failed: {', '.join(released)}")
    return SkipReason(f"{len(released)} dead run(s) released" if released else "no dead runs")
