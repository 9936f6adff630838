"""A build as an analyst starts it from the command line (``dagster asset materialize``), in its
own process group, on a copy of the demo build with its own DAGSTER_HOME."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Collection
from pathlib import Path
from unittest import mock

import duckdb
import pytest

from tests.conftest import PROJECT_ROOT, Workspace

YEAR = 2025
DAGSTER = PROJECT_ROOT / ".venv" / "bin" / "dagster"
# What the crash test's builds select: the changed delivery's asset and everything downstream of
# it, as an analyst rebuilds after a new file (the rest of the year is left as it was).
CHANGED_DELIVERY = 'key:"raw/drug_sites"+'
# Per kill: the asset whose step's start is awaited, and a file of the report folder being
# written (``.<year>.part``) whose appearance is awaited after it.
KILL_POINTS = {
    "raw load": ("raw/drug_sites", None),
    "indicator build": ("indicators/phenomenon_sector_indicators", None),
    "report files": ("report/dreigingsbeeld", f"dreigingsbeeld-{YEAR}.en.html"),
}
# The renderer's caches: setting, and folder in data/cache/.
CACHES = {"pdf": "pdf", "chart": "charts", "edition": "editions"}
# Run-specific, not part of a year's state.
VOLATILE_COLUMNS = {"loaded_at"}


class Build:
    def __init__(self, root: Path, home: Path) -> None:
        self.root, self.home = root, home

    @property
    def database(self) -> Path:
        return self.root / "w.duckdb"

    @property
    def report_dir(self) -> Path:
        return self.root / "reports" / str(YEAR)

    def start(
        self, year: int = YEAR, lock_wait_seconds: float = 600, select: str = "*"
    ) -> subprocess.Popen[str]:
        warehouse = {"database": str(self.database), "lock_wait_seconds": lock_wait_seconds}
        config = {
            "resources": {
                "warehouse": {"config": warehouse},
                "paths": {
                    "config": {
                        "data_dir": str(self.root / "data"),
                        "reports_dir": str(self.root / "reports"),
                    }
                },
                # The caches too: by default they are the project's own.
                "renderer": {
                    "config": {
                        f"{kind}_cache_dir": str(self.root / "data" / "cache" / folder)
                        for kind, folder in CACHES.items()
                    }
                },
            }
        }
        command = [
            str(DAGSTER), "asset", "materialize", "-m", "pipeline.definitions",
            "--select", select, "--partition", str(year), "--config-json", json.dumps(config),
        ]  # fmt: skip
        return subprocess.Popen(
            command,
            cwd=PROJECT_ROOT,
            env={**os.environ, "DAGSTER_HOME": str(self.home)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its workers die with it, as on a machine that goes down
        )

    @property
    def report_being_written(self) -> Path:
        return self.report_dir.with_name(f".{YEAR}.part")

    def kill_at(self, asset: str, file: str | None, select: str = "*") -> None:
        """Start a build of ``select`` and kill it once the step of ``asset`` has started (and
        ``file`` has appeared in the report folder being written); fails unless the kill came
        inside that step, before its asset was materialised."""
        build = self.start(select=select)
        assert build.stderr is not None
        step = f'step "{asset.split("/")[-1]}"'
        for line in build.stderr:
            if "STEP_START" in line and step in line:
                break
        else:
            pytest.fail(f"the build ended before {step} (exit code {build.wait()})")
        if file is not None:
            deadline = time.monotonic() + 60
            while not (self.report_being_written / file).exists() and time.monotonic() < deadline:
                time.sleep(0.01)
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        materialized = self.materialized_in_last_run()
        assert asset not in materialized, f"the kill came after {asset} was written"
        if file is not None:
            assert self.report_being_written.is_dir(), "the kill came after the report was written"

    def materialized_in_last_run(self) -> set[str]:
        """The assets ("layer/name") the last run started on this home materialised."""
        from dagster import DagsterEventType, DagsterInstance
        from dagster._core.instance.ref import InstanceRef

        with (
            mock.patch.dict(os.environ, {"DAGSTER_HOME": str(self.home)}),  # the yaml names it
            DagsterInstance.from_ref(InstanceRef.from_dir(str(self.home))) as instance,
        ):
            (run,) = instance.get_runs(limit=1)
            records = instance.get_records_for_run(
                run.run_id, of_type=DagsterEventType.ASSET_MATERIALIZATION
            ).records
        return {
            record.event_log_entry.asset_materialization.asset_key.to_user_string()
            for record in records
            if record.event_log_entry.asset_materialization is not None
        }

    def complete(self, select: str = "*") -> None:
        build = self.start(select=select)
        _, errors = build.communicate(timeout=300)
        assert build.returncode == 0, errors[-3000:]

    def tables(self, year: int = YEAR) -> dict[str, str]:
        """Per table, a fingerprint of the year's rows (the whole table where it has no year)."""
        with duckdb.connect(str(self.database), read_only=True) as conn:
            columns: dict[str, list[str]] = {}
            for schema, table, column in conn.execute(
                "select table_schema, table_name, column_name from information_schema.columns "
                "where table_schema in ('raw', 'staging', 'indicators', 'quality', 'reference') "
                "order by table_schema, table_name, ordinal_position"
            ).fetchall():
                columns.setdefault(f"{schema}.{table}", []).append(column)
            prints = {}
            for name, names in columns.items():
                kept = [duckdb.ColumnExpression(c) for c in names if c not in VOLATILE_COLUMNS]
                year_column = next((c for c in ("year", "partition_year") if c in names), None)
                relation = conn.table(name)
                if year_column is not None:
                    relation = relation.filter(
                        duckdb.ColumnExpression(year_column) == duckdb.ConstantExpression(year)
                    )
                # The rows' count and the sum of their hashes: the same rows in any order give
                # the same print, any changed value another.
                row_hash = duckdb.FunctionExpression(
                    "hash", duckdb.FunctionExpression("row", *kept)
                ).cast(duckdb.sqltypes.HUGEINT)
                prints[name] = repr(
                    relation.aggregate([duckdb.count_all(), row_hash.sum()]).fetchall()
                )
        return prints

    def report(self) -> dict[str, bytes]:
        """The year's report files as a reader finds them (the manifest without its run id)."""
        found = {}
        for path in sorted(self.report_dir.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                if path.name == "manifest.json":
                    manifest = json.loads(data)
                    manifest.pop("dagster_run_id")
                    data = json.dumps(manifest, sort_keys=True).encode()
                found[path.relative_to(self.report_dir).as_posix()] = data
        return found


def copy_of_demo_build(
    demo_build: Workspace, tmp_path: Path, caches: Collection[str] = tuple(CACHES)
) -> Build:
    """The demo build's data, reports and warehouse in ``tmp_path``, with the renderer's
    ``caches`` (of ``CACHES``: rendered PDFs, charts, editions) and a new DAGSTER_HOME there (as
    on a fresh clone: its storage is created by the first run)."""
    root = tmp_path / "build"
    root.mkdir()
    # An unchanged edition comes from the caches, as it would on the analyst's machine.
    skipped = {CACHES[kind] for kind in CACHES if kind not in caches}
    cache_dir = demo_build.root / "data" / "cache"

    def not_kept(folder: str, names: list[str]) -> set[str]:
        return skipped & set(names) if Path(folder) == cache_dir else set()

    for part in ("data", "reports"):
        shutil.copytree(demo_build.root / part, root / part, ignore=not_kept)
    shutil.copy2(demo_build.database, root / "w.duckdb")
    home = tmp_path / "dagster_home"
    home.mkdir()
    shutil.copy2(PROJECT_ROOT / "dagster_home" / "dagster.yaml", home / "dagster.yaml")
    return Build(root, home)
