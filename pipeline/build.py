"""Build the threat picture from the command line: every year with data, then the latest report.

    python -m pipeline.build                 # all years with data, report for the latest
    python -m pipeline.build --year 2024     # one year, with its report

Runs go through the ``threat_picture`` job in this process and are recorded in $DAGSTER_HOME,
so they show in the Dagster UI like runs started there. The years' data is one run (as a
backfill over those years), the report another; at the end it prints where the time went.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from typing import TYPE_CHECKING

# No Dagster at the top: the checks' worker is started before Dagster is imported (main).
from pipeline.domain.files.delimited_files import UnreadableFile
from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.gx_worker import WORKER

if TYPE_CHECKING:
    from dagster import AssetKey, DagsterInstance, JobDefinition

    from pipeline.plumbing.resources import ProjectPaths

# The step-by-step event log stays in the run storage (and the UI); the terminal gets a summary.
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def available_years(paths: ProjectPaths) -> list[int]:
    """Years for which every required source has a file (CBS files of several years are read
    to tell which years they hold)."""
    per_source = [
        set(paths.years_with_files(source)) for source in SOURCES.values() if not source.optional
    ]
    return sorted(set.intersection(*per_source))


def year_runs(years: list[int]) -> list[range]:
    """The years as unbroken ranges: each is one run (a backfill over its years)."""
    runs: list[range] = []
    for year in sorted(set(years)):
        if runs and runs[-1].stop == year:
            runs[-1] = range(runs[-1].start, year + 1)
        else:
            runs.append(range(year, year + 1))
    return runs


def main(argv: list[str] | None = None) -> int:
    # Every build checks its files: Great Expectations (a 3-s import) loads in its worker on the
    # other core while Dagster (a 2-s import) loads here, not after it.
    WORKER.start()
    from dagster import AssetKey, BetaWarning, DagsterInstance, PreviewWarning

    from pipeline.plumbing.resources import default_paths
    from pipeline.plumbing.run_timings import run_timings, timing_table

    # Dagster's notices about its own beta and preview parameters are not the analyst's concern.
    warnings.filterwarnings("ignore", category=BetaWarning)
    warnings.filterwarnings("ignore", category=PreviewWarning)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, action="append", help="build only these years")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = default_paths()
    try:
        years = sorted(set(args.year)) if args.year else available_years(paths)
    except UnreadableFile as error:
        print(f"Cannot tell which years the files hold: {error}", file=sys.stderr)
        return 1
    if not years:
        print(f"No year has files for every source under {paths.data}", file=sys.stderr)
        return 1
    from pipeline.definitions import defs
    from pipeline.plumbing.executors import collect_less_often

    collect_less_often()  # as the runs' executor does; runs in this process bypass it

    job = defs.resolve_job_def("threat_picture")
    instance = DagsterInstance.get()
    report_key = AssetKey(["report", "dreigingsbeeld"])
    all_keys = list(job.asset_layer.executable_asset_keys)
    data_keys = [key for key in all_keys if key != report_key]
    # The data of every year (oldest first: a year reads the years before it), then the reports:
    # of the years asked for, or the latest year's.
    report_years = sorted(set(args.year or [years[-1]]))
    plan = [(run, data_keys) for run in year_runs(years)]
    plan += [(run, [report_key]) for run in year_runs(report_years)]
    print(f"Dagster and the definitions loaded in {time.perf_counter() - started:.1f} s")
    timings = []
    for run, selection in plan:
        result = _run(job, instance, run, selection)
        if result is None:
            return 1
        timings.append(run_timings(instance, result))
    for year in report_years:
        print(f"report: {paths.report_dir(year) / f'dreigingsbeeld-{year}.nl.html'}")
    print(f"\nWhere the time went ({time.perf_counter() - started:.1f} s in all):")
    print(timing_table(timings))
    return 0


def _run(job: JobDefinition, instance: DagsterInstance, years: range, selection: list[AssetKey]):
    """One run over ``years``; its id, or None (after saying why) when it failed."""
    from dagster import AssetCheckSeverity, AssetKey

    from pipeline.plumbing.partitions import range_tags

    started = time.perf_counter()
    first, last = str(years[0]), str(years[-1])
    result = job.execute_in_process(
        instance=instance,
        asset_selection=selection,
        raise_on_error=False,
        run_config=QUIET_LOGS,
        tags=range_tags(years),
    )
    failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
    errors = [e for e in failed if e.severity == AssetCheckSeverity.ERROR]
    status = "ok" if result.success and not errors else "FAILED"
    what = "report" if selection == [AssetKey(["report", "dreigingsbeeld"])] else "data"
    span = first if first == last else f"{first}-{last}"
    seconds = time.perf_counter() - started
    print(f"{span} {what}: {status} in {seconds:.1f} s (run {result.run_id})")
    for evaluation in failed:
        level = "check failed" if evaluation in errors else "warning"
        key = evaluation.asset_check_key.to_user_string()
        print(f"  {level}: {key}: {evaluation.description}", file=sys.stderr)
    return result.run_id if status == "ok" else None


if __name__ == "__main__":
    sys.exit(main())
