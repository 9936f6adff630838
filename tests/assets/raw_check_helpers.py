"""What the tests of the raw assets and their blocking checks share (test_raw_checks.py,
test_raw_checks_broken_files.py, test_raw_file_precedence.py): the assets and checks of the code
location, the demo's 2025 incidents file, and the readers of a run and of the quarantine.
"""

from __future__ import annotations

from dagster import AssetKey, ExecuteInProcessResult

from pipeline.definitions import defs
from pipeline.domain.files.sources import SOURCES
from tests.conftest import LATEST_DEMO_YEAR, Workspace

YEAR = LATEST_DEMO_YEAR
REPORT = AssetKey(["report", "dreigingsbeeld"])
# Every asset of the code location; a clean year must materialise them all.
ALL_ASSETS = {key for assets_def in defs.assets for key in assets_def.keys}
REFERENCE_NAMES = tuple(key.path[1] for key in ALL_ASSETS if key.path[0] == "reference")
RAW_CHECKS = {f"{source}_file_is_valid" for source in SOURCES}
# The demo's 2025 incidents: a StatLine download (labels, a title above the header).
INCIDENTS_FILE = "Geregistreerde_criminaliteit__soort_misdrijf__regio_15052026_093012.csv"
COUNT_TITLE = "Geregistreerde misdrijven|Totaal geregistreerde misdrijven (aantal)"
COUNT_KEY = "TotaalGeregistreerdeMisdrijven_1"
COUNT_AT_ROW = (
    'select "TotaalGeregistreerdeMisdrijven_1" from raw.incidents '
    "where partition_year = ? and source_row = ?"
)
# Every crime code for the municipalities, the country, 4 parts of the country, 12 provinces.
INCIDENT_ROWS = 75 * (342 + 1 + 4 + 12)


def data_line_with(path, column: str, value: str) -> int:
    """The first data line (1 = first after the header) whose ``column`` holds ``value``."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header_index = next(i for i, line in enumerate(lines) if f'"{column}"' in line)
    index = [c.strip('"') for c in lines[header_index].split(";")].index(column)
    return next(
        number
        for number, line in enumerate(lines[header_index + 1 :], start=1)
        if line.split(";")[index].strip('"') == value
    )


def materialized(result: ExecuteInProcessResult) -> dict[AssetKey, dict]:
    return {
        event.asset_key: event.materialization.metadata
        for event in result.get_asset_materialization_events()
    }


def checks(result: ExecuteInProcessResult) -> dict[str, object]:
    return {
        evaluation.asset_check_key.name: evaluation
        for evaluation in result.get_asset_check_evaluations()
    }


def step_failure_text(result: ExecuteInProcessResult, step_key: str) -> str:
    """Everything a failed step said: the Failure's description and the error message."""
    texts = []
    for event in result.all_events:
        if event.is_step_failure and event.step_key == step_key:
            data = event.step_failure_data
            if data.user_failure_data is not None:
                texts.append(data.user_failure_data.description or "")
            if data.error is not None:
                texts.append(data.error.message)
    return "\n".join(texts)


def stored_failures(workspace: Workspace, check_name: str) -> list[tuple]:
    with workspace.connect() as conn:
        return conn.execute(
            "select source_file, source_row, column_name, value from quality.quarantine "
            "where partition_year = ? and check_name = ? order by source_row",
            [YEAR, check_name],
        ).fetchall()
