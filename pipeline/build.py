"""Build the threat picture from the command line: every year with data, then the latest report.

    python -m pipeline.build                 # all years with data, report for the latest
    python -m pipeline.build --year 2024     # one year, with its report

Runs go through the ``threat_picture`` job in this process and are recorded in $DAGSTER_HOME,
so they show in the Dagster UI like runs started there.
"""

from __future__ import annotations

import argparse
import sys
import time

from dagster import AssetCheckSeverity, AssetKey, DagsterInstance

from pipeline.domain.files.delimited_files import UnreadableFile
from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.resources import ProjectPaths, default_paths

# The step-by-step event log stays in the run storage (and the UI); the terminal gets a summary.
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


def available_years(paths: ProjectPaths) -> list[int]:
    """Years for which every required source has a file (CBS files of several years are read
    to tell which years they hold)."""
    per_source = [
        set(paths.years_with_files(source)) for source in SOURCES.values() if not source.optional
    ]
    return sorted(set.intersection(*per_source))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--year", type=int, action="append", help="build only these years")
    args = parser.parse_args(argv)

    from pipeline.definitions import defs

    paths = default_paths()
    # Oldest first: a year's report reads the years before it.
    try:
        years = sorted(set(args.year)) if args.year else available_years(paths)
    except UnreadableFile as error:
        print(f"Cannot tell which years the files hold: {error}", file=sys.stderr)
        return 1
    if not years:
        print(f"No year has files for every source under {paths.data}", file=sys.stderr)
        return 1
    report_years = set(args.year or [years[-1]])
    job = defs.resolve_job_def("threat_picture")
    report_key = AssetKey(["report", "dreigingsbeeld"])
    all_keys = list(job.asset_layer.executable_asset_keys)
    instance = DagsterInstance.get()
    for index, year in enumerate(years):
        started = time.perf_counter()
        selection = [
            key
            for key in all_keys
            # the reference tables are loaded once, with the first year
            if (index == 0 or key.path[0] != "reference")
            and (year in report_years or key != report_key)
        ]
        result = job.execute_in_process(
            partition_key=str(year),
            instance=instance,
            asset_selection=selection,
            raise_on_error=False,
            run_config=QUIET_LOGS,
        )
        failed = [e for e in result.get_asset_check_evaluations() if not e.passed]
        errors = [e for e in failed if e.severity == AssetCheckSeverity.ERROR]
        status = "ok" if result.success and not errors else "FAILED"
        print(f"{year}: {status} in {time.perf_counter() - started:.1f} s (run {result.run_id})")
        for evaluation in failed:
            level = "check failed" if evaluation in errors else "warning"
            key = evaluation.asset_check_key.to_user_string()
            print(f"  {level}: {key}: {evaluation.description}", file=sys.stderr)
        if status != "ok":
            return 1
    for year in sorted(report_years):
        print(f"report: {paths.report_dir(year) / f'dreigingsbeeld-{year}.nl.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
