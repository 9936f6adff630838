"""The bench of the bad-files tests (test_bad_files.py): one workspace whose warehouse holds a
good load of every source and year a fixture of tests/fixtures/bad/ is dropped in for, the
fixtures' generator, and the readers of a run and of the warehouse the tests assert on.

A test's fixture is dropped into ``data/raw/<source folder>/<file name of the year>``, with the
others of its round (``bad_files_rounds``), by ``Bench.outcome``, which first puts each
source's partition back to the good load.
"""

from __future__ import annotations

import hashlib
import importlib.util
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

from dagster import AssetKey, DagsterEventType, ExecuteInProcessResult
from duckdb import ColumnExpression, ConstantExpression

from pipeline.definitions import defs
from pipeline.domain.files.sources import SOURCES
from tests.assets.bad_files_partitions import (
    DELETE_PART,
    STAGING,
    PartitionState,
    matching,
    partition_tables,
)
from tests.conftest import Workspace, step_key

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "bad"
YEAR = 2025
REFERENCE = [
    key for assets_def in defs.assets for key in assets_def.keys if key.path[0] == "reference"
]


def _load_generator():
    """make_fixtures.py, loaded as Python runs it as a script: its folder first on ``sys.path``,
    so that it finds its sibling modules (the fixture tables)."""
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    sys.path.insert(0, str(FIXTURES))
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(FIXTURES))
    return module


make_fixtures = _load_generator()
FIXTURE_INFO = {item.name: item for item in make_fixtures.fixtures()}
# The good loads the workspace starts from: every year and source a fixture is dropped in for.
GOOD_LOADS = {
    year: tuple(sorted({info.source for info in FIXTURE_INFO.values() if info.year == year}))
    for year in {info.year for info in FIXTURE_INFO.values()}
}


@dataclass
class Bench:
    workspace: Workspace
    # each fixture's round (``bad_files_rounds``), and the last round run, if nothing ran since
    round_of: dict[str, tuple[str, ...]]
    good: dict[tuple[str, int], PartitionState] = field(default_factory=dict)
    _last_round: (
        tuple[tuple[str, ...], ExecuteInProcessResult, dict[str, PartitionState]] | None
    ) = None

    def state(self, source: str, year: int) -> PartitionState:
        with self.workspace.connect() as conn:
            [(raw_rows, shas)] = (
                conn.table(f"raw.{source}")
                .filter(matching({"partition_year": year}))
                .aggregate("count(*), list(distinct source_sha256 order by source_sha256)")
                .fetchall()
            )
            files = conn.execute(
                "select source_file, source_sha256, row_count, loaded_at from raw.loaded_files "
                "where partition_year = ? and source = ? order by all",
                [year, source],
            ).fetchall()
            staging = (
                conn.table(f"staging.{STAGING[source]}")
                .filter(matching({"year": year}))
                .order("all")
                .fetchall()
            )
        return PartitionState(raw_rows, tuple(shas), tuple(files), tuple(staging))

    def keep_good_load(self, source: str, year: int) -> None:
        """Copy what the good load wrote for ``source`` and ``year`` into the schema ``good``."""
        with self.workspace.connect() as conn:
            conn.execute("create schema if not exists good")
            for part, (table, key) in partition_tables(source, year).items():
                conn.table(table).filter(matching(key)).create(f"good.{part}_{source}_{year}")
        self.good[(source, year)] = self.state(source, year)

    def restore_good_load(self, source: str, year: int) -> PartitionState:
        """Put the good load back, exactly as it was written (load time included).

        Earlier tests replace raw (readable files) and staging (valid files); copying the good
        load back is exact and takes milliseconds, where reloading the demo file takes a run.
        """
        assert not any((self.workspace.data / "raw").glob(f"{SOURCES[source].directory}/*"))
        with self.workspace.connect() as conn:
            conn.execute("begin transaction")
            for part, (table, key) in partition_tables(source, year).items():
                conn.execute(DELETE_PART[table], key)
                conn.table(f"good.{part}_{source}_{year}").insert_into(table)
            conn.execute("commit")
        state = self.state(source, year)
        assert state == self.good[(source, year)]
        return state

    def run(self, year: int, *sources: str) -> ExecuteInProcessResult:
        """Run the raw and staging assets of ``sources`` for ``year``."""
        self._last_round = None  # the warehouse is no longer as that round left it
        keys = [raw_key(source) for source in sources] + [staging_key(s) for s in sources]
        return self.workspace.run(year, keys)

    def outcome(self, name: str) -> tuple[ExecuteInProcessResult, PartitionState]:
        """The run that checked the fixture, dropped in with the others of its round (see
        ``bad_files_rounds``), and the (good) state of its partition just before. The round runs
        at its first fixture's test; the next ones of the round find the warehouse as it left
        it, unless another run came between (then the round runs again)."""
        round_ = self.round_of[name]
        if self._last_round is None or self._last_round[0] != round_:
            result, before = self.drop_and_run(round_)
            self._last_round = (round_, result, before)
        _, result, before = self._last_round
        return result, before[name]

    def drop_and_run(
        self, names: tuple[str, ...]
    ) -> tuple[ExecuteInProcessResult, dict[str, PartitionState]]:
        """One run with each fixture as its source's delivered file of their (one) year.

        Returns the run and, per fixture, the (good) state of its partition just before it.
        """
        infos = [FIXTURE_INFO[name] for name in names]
        (year,) = {info.year for info in infos}
        assert len({info.source for info in infos}) == len(infos), names
        before = {name: self.restore_good_load(FIXTURE_INFO[name].source, year) for name in names}
        dropped = []
        try:
            for info in infos:
                target = raw_path(self.workspace, info.source, year, info.target)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(FIXTURES / info.name, target)
                dropped.append(target)
            return self.run(year, *(info.source for info in infos)), before
        finally:
            for target in dropped:
                target.unlink()


def raw_key(source: str) -> AssetKey:
    return AssetKey(["raw", source])


def staging_key(source: str) -> AssetKey:
    return AssetKey(["staging", STAGING[source]])


def raw_path(workspace: Workspace, source: str, year: int, target: str | None = None) -> Path:
    spec = SOURCES[source]
    return workspace.data / "raw" / spec.directory / (target or spec.file_name(year))


def delivered_name(name: str) -> str:
    """The name a fixture is delivered under (its target, or its source's file of the year)."""
    info = FIXTURE_INFO[name]
    return info.target or SOURCES[info.source].file_name(info.year)


# --- reading a run ---------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def step_failure_message(result: ExecuteInProcessResult, step: str) -> str:
    """The description of the dagster Failure the step raised (it is also the error's text)."""
    (failure,) = [e for e in result.all_events if e.is_step_failure and e.step_key == step]
    description = failure.step_failure_data.user_failure_data.description
    assert description in failure.step_failure_data.error.message
    return description


def own_steps(source: str) -> set[str]:
    return {step_key("raw", source), step_key("staging", STAGING[source])}


def started_steps(result: ExecuteInProcessResult, source: str) -> set[str]:
    """The source's steps (raw, staging) that started in the run."""
    return {
        event.step_key
        for event in result.all_events
        if event.event_type == DagsterEventType.STEP_START and event.step_key in own_steps(source)
    }


def failed_steps(result: ExecuteInProcessResult, source: str) -> set[str]:
    return {e.step_key for e in result.all_events if e.is_step_failure} & own_steps(source)


def check_evaluations(result: ExecuteInProcessResult, source: str) -> dict[str, object]:
    """The source's raw asset's check evaluations, by check name."""
    return {
        e.asset_check_key.name: e
        for e in result.get_asset_check_evaluations()
        if e.asset_check_key.asset_key == raw_key(source)
    }


def materialized(result: ExecuteInProcessResult, source: str) -> set[AssetKey]:
    """Which of the source's assets (raw, staging) the run materialised."""
    found = {event.asset_key for event in result.get_asset_materialization_events()}
    return found & {raw_key(source), staging_key(source)}


def quarantine(bench: Bench, source: str, year: int, check_name: str) -> list[tuple]:
    with bench.workspace.connect() as conn:
        return conn.execute(
            "select source_file, source_row, column_name, value, reason from quality.quarantine "
            "where partition_year = ? and asset_key = ? and check_name = ? "
            "order by source_row, column_name",
            [year, f"raw/{source}", check_name],
        ).fetchall()


def check_result(bench: Bench, source: str, year: int, check_name: str) -> tuple:
    with bench.workspace.connect() as conn:
        return conn.execute(
            "select passed, failed_values, summary from quality.check_results "
            "where partition_year = ? and asset_key = ? and check_name = ?",
            [year, f"raw/{source}", check_name],
        ).fetchone()


# The crime codes whose staging rows the incidents tests look at: the first four rows' codes.
FIRST_FOUR = ("CRI1500", "CRI6000")


def staging_rows(
    bench: Bench, source: str, year: int, columns: str, crimes: tuple[str, ...] = FIRST_FOUR
) -> list[tuple]:
    """Staging's rows of the year; for incidents only those of ``crimes`` (the fixtures hold
    every counted crime code, the tests look at a few)."""
    with bench.workspace.connect() as conn:
        rows = conn.table(f"staging.{STAGING[source]}").filter(matching({"year": year}))
        if source == "incidents":
            rows = rows.filter(
                ColumnExpression("crime_type_code").isin(*map(ConstantExpression, crimes))
            )
        return rows.select(columns).order(columns).fetchall()
