"""Shared fixtures: temporary data folders made from the demo data, and pipeline runs on them.

Running the ``threat_picture`` job takes seconds per year, so runs that several tests read are
made once per session (``demo_build``) and the tests only look at their results.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey, DagsterInstance, ExecuteInProcessResult, JobDefinition

from pipeline.domain.files.cbs_tables import table_id_of
from pipeline.domain.files.deliveries import named_year
from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.allowed_folders import ALLOWED_FOLDERS_VARIABLE
from pipeline.plumbing.sql_runner import prepare_connection
from tests import shared_demo

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEMO_DIR = PROJECT_ROOT / "data" / "demo"
REFERENCE_DIR = PROJECT_ROOT / "data" / "reference"

# Source folder -> file name pattern of one year's demo file.
LATEST_DEMO_YEAR = 2025

# Only warnings from Dagster's console logger: the event log still records everything.
QUIET_LOGS = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


pytest_plugins = ("tests.session_plan",)  # the markers, the order and the demo build ahead


def pytest_collection_finish(session: pytest.Session) -> None:
    """Python's collector as a run's executor sets it (the test modules, Dagster and the
    definitions are imported by now): the tests run Dagster jobs in this process."""
    from pipeline.plumbing.executors import collect_less_often

    collect_less_often()


def _session_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's temporary root, shared by every xdist worker (each has a folder in it)."""
    root = tmp_path_factory.getbasetemp()
    return root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root


@pytest.fixture(scope="session", autouse=True)
def allowed_test_folders(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Runs may use the tests' temporary folders (as an operator allows a folder outside the
    project): the root shared by every xdist worker; processes the tests start inherit it."""
    os.environ[ALLOWED_FOLDERS_VARIABLE] = str(_session_root(tmp_path_factory))


def step_key(layer: str, name: str) -> str:
    """The step that materialises the asset ``layer/name`` in a run."""
    from pipeline.definitions import defs

    return (
        defs.get_assets_def(AssetKey([layer, name]))
        .get_op_def_for_asset_key(AssetKey([layer, name]))
        .name
    )


def make_data_dir(root: Path, years: Iterable[int]) -> Path:
    """``root/data`` with ``reference/`` and the demo files of ``years``, in the project layout.

    A CBS table's files of several years (and the code lists beside them) are copied whole:
    they feed every year they hold."""
    data = root / "data"
    shutil.copytree(REFERENCE_DIR, data / "reference")
    years = set(years)
    for source in SOURCES.values():
        target = data / "demo" / source.directory
        target.mkdir(parents=True, exist_ok=True)
        for year in years:
            demo_file = DEMO_DIR / source.directory / source.file_name(year)
            if demo_file.exists() or not (source.optional or source.cbs_table):
                shutil.copy2(demo_file, target)
        if source.cbs_table is not None:
            for path in (DEMO_DIR / source.directory).iterdir():
                if table_id_of(path.name) and named_year(source, path.name) is None:
                    shutil.copy2(path, target)
    # The demo's synthetic policy programme list (not yearly).
    shutil.copytree(DEMO_DIR / "policy", data / "demo" / "policy")
    return data


@dataclass
class Workspace:
    """A temporary data folder, reports folder and warehouse, with the job built on them."""

    root: Path
    results: dict[str, ExecuteInProcessResult] = field(default_factory=dict)
    # Where the runs in ``results`` wrote, if this is a copy (the paths their metadata names).
    built_in: Path | None = None
    _job: JobDefinition | None = field(default=None, repr=False, compare=False)
    _instance: DagsterInstance | None = field(default=None, repr=False, compare=False)
    # The warehouse kept open between runs: a test asks it many times, and opening a DuckDB
    # file takes 12-16 ms (36 ms on a busy machine) however small it is.
    _warehouse: duckdb.DuckDBPyConnection | None = field(default=None, repr=False, compare=False)

    def as_built(self, path: Path) -> Path:
        """``path`` in this workspace as the runs of ``results`` named it."""
        return (self.built_in or self.root) / path.relative_to(self.root)

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def reports(self) -> Path:
        return self.root / "reports"

    @property
    def database(self) -> Path:
        return self.root / "w.duckdb"

    def demo_file(self, source: str, year: int) -> Path:
        """The demo file that feeds ``year`` of ``source`` (for a CBS table maybe one of
        several years)."""
        spec = SOURCES[source]
        named = self.data / "demo" / spec.directory / spec.file_name(year)
        if named.exists() or spec.cbs_table is None:
            return named
        from pipeline.domain.files.deliveries import files_for_year

        (found,) = files_for_year(self.data, spec, year, range(2015, 2026))
        return found.path

    def report_file(self, year: int) -> Path:
        return self.reports / str(year) / f"dreigingsbeeld-{year}.nl.html"

    def run(
        self, year: int, asset_selection: Sequence[AssetKey] | None = None
    ) -> ExecuteInProcessResult:
        """Run ``threat_picture`` for ``year`` in this process; failures do not raise.

        The first run of a year is kept in ``results``: a later run of that year (a test that
        rebuilds the report) must not replace what the other tests read of the build."""
        self.close()  # the run opens the warehouse as the pipeline does
        result = self.job().execute_in_process(
            partition_key=str(year),
            instance=self.instance(),
            raise_on_error=False,
            asset_selection=list(asset_selection) if asset_selection else None,
            run_config=self.run_config(),
        )
        self.results.setdefault(str(year), result)
        return result

    def instance(self) -> DagsterInstance:
        """The workspace's Dagster instance, in memory, made once: its storage takes a twentieth
        of a second to make, which every run of a test would pay."""
        if self._instance is None:
            self._instance = DagsterInstance.ephemeral()
        return self._instance

    def run_config(self) -> dict:
        """A test's run: quiet, and without the readers' copy of the warehouse (a copy of the
        file at every run's end, which only tests/unit/test_resources.py and the command-line
        builds of tests/e2e/ look at). Dagster takes a resource's run config whole."""
        from pipeline.plumbing.resources import warehouse_resource

        resource = warehouse_resource(str(self.database))
        warehouse = {
            "database": resource.database,
            "connection_config": resource.connection_config,
            "readers_copy": False,
        }
        return {**QUIET_LOGS, "resources": {"warehouse": {"config": warehouse}}}

    def job(self) -> JobDefinition:
        """The ``threat_picture`` job on this workspace's folders, made once: resolving it takes
        a tenth of a second or more, which every run of a test would pay."""
        if self._job is None:
            from pipeline.definitions import build_definitions

            defs = build_definitions(
                data_dir=self.data, reports_dir=self.reports, database=self.database
            )
            self._job = defs.resolve_job_def("threat_picture")
        return self._job

    @contextmanager
    def connect(self, prepared: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """A connection to the warehouse, on the one kept open until the next run.
        ``prepared``: made ready as the pipeline's are (macros, functions), for a test that runs
        the project's SQL: a connection of its own (the functions are the database's), closed
        afterwards."""
        if prepared:
            self.close()
            conn = duckdb.connect(str(self.database))
            try:
                prepare_connection(conn)
                yield conn
            finally:
                conn.close()
            return
        if self._warehouse is None:
            self._warehouse = duckdb.connect(str(self.database))
        cursor = self._warehouse.cursor()
        try:
            yield cursor
        finally:
            cursor.close()

    def close(self) -> None:
        """Close the warehouse kept open, so that a run or another process can open the file."""
        if self._warehouse is not None:
            self._warehouse.close()
            self._warehouse = None

    def scalar(self, sql: str, params: Sequence[object] | None = None) -> object:
        with self.connect() as conn:
            return conn.execute(sql, params or []).fetchone()[0]


@pytest.fixture(scope="session")
def make_workspace(
    tmp_path_factory: pytest.TempPathFactory,
) -> Callable[..., Workspace]:
    """Factory: ``make_workspace("name", years=[2025])`` copies reference and demo data."""

    def _make(name: str, years: Iterable[int] = (LATEST_DEMO_YEAR,)) -> Workspace:
        root = tmp_path_factory.mktemp(name)
        make_data_dir(root, years)
        return Workspace(root)

    return _make


def all_but_the_report() -> list[AssetKey]:
    """Every asset of the job but the report: for a run whose test reads only the warehouse
    (the report's two PDFs are most of a year's time)."""
    from pipeline.definitions import defs

    report = AssetKey(["report", "dreigingsbeeld"])
    keys = defs.resolve_job_def("threat_picture").asset_layer.executable_asset_keys
    return [key for key in keys if key != report]


def upstream_of(*keys: str) -> list[AssetKey]:
    """The assets ``keys`` ("layer/name"), everything they are built from and every reference
    table (the file checks read all the code lists): a run for a test that reads only those
    tables."""
    from dagster import AssetSelection

    from pipeline.definitions import defs

    wanted = AssetSelection.assets(*(AssetKey(key.split("/")) for key in keys)).upstream()
    reference = AssetSelection.key_prefixes(["reference"])
    return sorted((wanted | reference).resolve(defs.resolve_asset_graph()))


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """The demo's last two years built into one warehouse: 2024 first, then 2025 with report.

    Built once for the whole session (``tests/shared_demo.py``), then copied into each worker's
    own folder: tests write to their copy (a rebuilt report, a read-write connection) without
    disturbing another worker's. The runs' events are kept with the build, so every copy has
    its ``results``."""
    root = _session_root(tmp_path_factory)
    with shared_demo.locked(root):
        shared = shared_demo.built(root) or shared_demo.build(root)
    workspace = Workspace(tmp_path_factory.mktemp("demo_build"), built_in=shared)
    shutil.copytree(shared, workspace.root, dirs_exist_ok=True)
    workspace.results = shared_demo.load_results(workspace.root / shared_demo.RESULTS_FILE)
    return workspace


def warehouse_of_demo_build(demo_build: Workspace, root: Path) -> Workspace:
    """A workspace in ``root`` holding the demo build's files and warehouse (not its reports or
    caches): for a test that changes a file and runs a few assets on years already built."""
    shutil.copytree(demo_build.data, root / "data", ignore=shutil.ignore_patterns("cache"))
    shutil.copy2(demo_build.database, root / "w.duckdb")
    return Workspace(root)
