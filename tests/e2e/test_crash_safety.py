"""A build killed with SIGKILL part-way (during a raw load, an indicator build, the writing of
the report) leaves every table with the old or the new state of the year, never a mix, and the
report folder with the last complete build; the next build completes.

The build runs as an analyst starts it from the command line (``dagster asset materialize``),
in its own process group, on a copy of the demo build in which one 2025 file has changed, and
rebuilds that file's asset and everything downstream of it; the
kill comes when the build's log shows the step starting (and, for the report, once its files
are being written), and the run's events show it came before the step's asset was written."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Workspace
from tests.e2e.cli_build import CHANGED_DELIVERY, KILL_POINTS, YEAR, copy_of_demo_build


def test_a_killed_build_leaves_old_or_new_never_a_mix_and_the_next_completes(
    demo_build: Workspace, tmp_path: Path
) -> None:
    build = copy_of_demo_build(demo_build, tmp_path)
    root = build.root
    old_tables, old_report = build.tables(), build.report()
    # A new delivery for the year: the drug sites file's last site was found in the countryside,
    # not on an industrial estate. It changes raw, staging and the sector indicators, and of
    # the report the national editions only, so that the completing run renders two PDFs, not
    # all 22 (a change to a count changes every regional edition's national comparison).
    sites = next((root / "data" / "demo" / "drug_sites").glob(f"*{YEAR}*.csv"))
    *kept, last = sites.read_text(encoding="utf-8").splitlines(keepends=True)
    assert last.rstrip().endswith(";bedrijventerrein")
    moved = last.rstrip().removesuffix("bedrijventerrein") + "buitengebied\n"
    sites.write_text("".join([*kept, moved]), encoding="utf-8")

    after_kill = {}
    for point, (asset, file) in KILL_POINTS.items():
        build.kill_at(asset, file, select=CHANGED_DELIVERY)
        after_kill[point] = (build.tables(), build.report())

    build.complete(select=CHANGED_DELIVERY)
    # The events the kills were judged by are read: the completing run's name every asset.
    assert {asset for asset, _ in KILL_POINTS.values()} <= build.materialized_in_last_run()
    new_tables, new_report = build.tables(), build.report()
    # The change went through, down to the indicator the kill interrupted.
    changed = {name for name in new_tables if new_tables[name] != old_tables[name]}
    assert {"raw.drug_sites", "indicators.phenomenon_sector_indicators"} <= changed
    assert new_report != old_report
    for point, (tables, report) in after_kill.items():
        mixed = [
            name
            for name, print_ in tables.items()
            if print_ not in (old_tables[name], new_tables[name])
        ]
        assert mixed == [], f"killed during the {point}: tables in neither state: {mixed}"
        assert report in (old_report, new_report), f"killed during the {point}: a mixed report"
        # Never a half-written file where a reader looks (a kill once left 0-byte files).
        empty = [name for name, content in report.items() if not content]
        assert empty == [], f"killed during the {point}: empty files {empty}"
    # The report a reader finds holds the files a kill once left empty.
    for kind in (f"dreigingsbeeld-{YEAR}.en.pdf", ".parquet", ".xlsx"):
        assert any(name.endswith(kind) for name in new_report), kind
    leftovers = [p.name for p in build.report_dir.parent.iterdir() if p.name.startswith(".")]
    assert leftovers == []
