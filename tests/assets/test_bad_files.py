"""Every file in tests/fixtures/bad/, dropped into data/raw/, gives exactly its stated outcome.

One workspace for the module: its warehouse gets a good load (from the demo files) of every
source and year a fixture is dropped in for (the nine sources of 2025, seizures of 2024). Each
test then drops one fixture into
``data/raw/<source folder>/<file name of the year>``, runs the raw asset and its staging asset for
that year (the raw asset's blocking check runs with it), asserts the outcome and removes the file
again. Before each test the source's partition is put back to the good load, since earlier
tests replace it (a readable file replaces raw, a valid one staging too): a copy of everything
the good load wrote, taken right after it, is copied back.

- unreadable: the raw step fails with one message naming the file (and the row), nothing of the
  year changes, and ``quality.quarantine`` holds that message as one row;
- bad values: the file reaches raw, the blocking check fails naming file, row, column and value
  (in its description and in ``quality.quarantine``), staging is not run and keeps the good load;
- valid: the check passes and staging holds the file's values.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import operator
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pytest
from dagster import AssetKey, DagsterEventType, ExecuteInProcessResult
from duckdb import ColumnExpression, ConstantExpression

from pipeline.definitions import defs
from pipeline.domain.files.sources import SOURCES
from tests.conftest import Workspace, step_key

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "bad"
YEAR = 2025
STAGING = {
    "incidents": "stg_incidents__crimes",
    "population": "stg_population__inhabitants",
    "drug_sites": "stg_drug_sites__sites",
    "financial": "stg_financial__fiu_transactions",
    "seizures": "stg_seizures__seizures",
    "signals": "stg_signals__tips",
    "establishments": "stg_establishments__establishments",
    "seized_assets": "stg_financial__seized_assets",
    "emergency_freezes": "stg_financial__emergency_freezes",
}
REFERENCE = [
    key for assets_def in defs.assets for key in assets_def.keys if key.path[0] == "reference"
]


def _load_generator():
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


make_fixtures = _load_generator()
FIXTURE_INFO = {item.name: item for item in make_fixtures.fixtures()}
# The good loads the workspace starts from: every year and source a fixture is dropped in for.
GOOD_LOADS = {
    year: tuple(sorted({info.source for info in FIXTURE_INFO.values() if info.year == year}))
    for year in {info.year for info in FIXTURE_INFO.values()}
}


# --- the workspace and the state of one source's partition --------------------------------------


@dataclass(frozen=True)
class PartitionState:
    """What a load of one source and year left in the warehouse."""

    raw_rows: int
    raw_sha256: tuple[str, ...]
    loaded_files: tuple[tuple, ...]  # (file, sha256, row count, load time)
    staging: tuple[tuple, ...]  # every staging row of the year


def partition_tables(source: str, year: int) -> dict[str, tuple[str, dict[str, object]]]:
    """Every table part a load of ``source`` for ``year`` writes: name -> (table, key).

    The part is the table's rows whose columns equal the key's values.
    """
    asset = f"raw/{source}"
    return {
        "raw": (f"raw.{source}__rows", {"partition_year": year}),
        "loaded_files": ("raw.loaded_files", {"partition_year": year, "source": source}),
        "staging": (f"staging.{STAGING[source]}", {"year": year}),
        "check_results": ("quality.check_results", {"partition_year": year, "asset_key": asset}),
        "quarantine": ("quality.quarantine", {"partition_year": year, "asset_key": asset}),
    }


def matching(key: dict[str, object]) -> duckdb.Expression:
    """The filter of the rows whose columns equal the key's values."""
    return functools.reduce(
        operator.and_,
        (ColumnExpression(column) == ConstantExpression(value) for column, value in key.items()),
    )


# DuckDB's relational API cannot delete, so each delete of a part is written out in full, per
# table. Its parameters are the part's key: DuckDB refuses a key with other columns.
DELETE_PART = {
    "raw.incidents__rows": "delete from raw.incidents__rows where partition_year = $partition_year",
    "raw.population__rows": (
        "delete from raw.population__rows where partition_year = $partition_year"
    ),
    "raw.drug_sites__rows": (
        "delete from raw.drug_sites__rows where partition_year = $partition_year"
    ),
    "raw.financial__rows": "delete from raw.financial__rows where partition_year = $partition_year",
    "raw.seizures__rows": "delete from raw.seizures__rows where partition_year = $partition_year",
    "raw.signals__rows": "delete from raw.signals__rows where partition_year = $partition_year",
    "raw.establishments__rows": (
        "delete from raw.establishments__rows where partition_year = $partition_year"
    ),
    "raw.seized_assets__rows": (
        "delete from raw.seized_assets__rows where partition_year = $partition_year"
    ),
    "raw.emergency_freezes__rows": (
        "delete from raw.emergency_freezes__rows where partition_year = $partition_year"
    ),
    "raw.loaded_files": (
        "delete from raw.loaded_files where partition_year = $partition_year and source = $source"
    ),
    "staging.stg_incidents__crimes": "delete from staging.stg_incidents__crimes where year = $year",
    "staging.stg_population__inhabitants": (
        "delete from staging.stg_population__inhabitants where year = $year"
    ),
    "staging.stg_drug_sites__sites": "delete from staging.stg_drug_sites__sites where year = $year",
    "staging.stg_financial__fiu_transactions": (
        "delete from staging.stg_financial__fiu_transactions where year = $year"
    ),
    "staging.stg_seizures__seizures": (
        "delete from staging.stg_seizures__seizures where year = $year"
    ),
    "staging.stg_signals__tips": "delete from staging.stg_signals__tips where year = $year",
    "staging.stg_establishments__establishments": (
        "delete from staging.stg_establishments__establishments where year = $year"
    ),
    "staging.stg_financial__seized_assets": (
        "delete from staging.stg_financial__seized_assets where year = $year"
    ),
    "staging.stg_financial__emergency_freezes": (
        "delete from staging.stg_financial__emergency_freezes where year = $year"
    ),
    "quality.check_results": (
        "delete from quality.check_results "
        "where partition_year = $partition_year and asset_key = $asset_key"
    ),
    "quality.quarantine": (
        "delete from quality.quarantine "
        "where partition_year = $partition_year and asset_key = $asset_key"
    ),
}


@dataclass
class Bench:
    workspace: Workspace
    good: dict[tuple[str, int], PartitionState] = field(default_factory=dict)

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

    def run(self, source: str, year: int) -> ExecuteInProcessResult:
        return self.workspace.run(year, [raw_key(source), staging_key(source)])

    def drop_and_run(self, name: str) -> tuple[ExecuteInProcessResult, PartitionState]:
        """Run the fixture's source and year with the fixture as the delivered file.

        Returns the run and the (good) state of the partition just before it.
        """
        info = FIXTURE_INFO[name]
        before = self.restore_good_load(info.source, info.year)
        target = raw_path(self.workspace, info.source, info.year, info.target)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(FIXTURES / name, target)
        try:
            return self.run(info.source, info.year), before
        finally:
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


@pytest.fixture(scope="module")
def bench(make_workspace: Callable[..., Workspace]) -> Bench:
    workspace = make_workspace("bad_files", years=sorted(GOOD_LOADS))
    bench = Bench(workspace)
    for year, sources in sorted(GOOD_LOADS.items(), reverse=True):
        selection = [
            *(REFERENCE if year == YEAR else []),
            *(raw_key(source) for source in sources),
            *(staging_key(source) for source in sources),
        ]
        result = workspace.run(year, selection)
        assert result.success
        for source in sources:
            bench.keep_good_load(source, year)
            state = bench.good[(source, year)]
            assert state.raw_sha256 == (sha256(workspace.demo_file(source, year)),)
            assert state.raw_rows > 0
            assert state.staging
    return bench


# --- reading a run ---------------------------------------------------------------------------


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def step_failure_message(result: ExecuteInProcessResult, step_key: str) -> str:
    """The description of the dagster Failure the step raised (it is also the error's text)."""
    (failure,) = [e for e in result.all_events if e.is_step_failure and e.step_key == step_key]
    description = failure.step_failure_data.user_failure_data.description
    assert description in failure.step_failure_data.error.message
    return description


def started_steps(result: ExecuteInProcessResult) -> set[str]:
    return {
        event.step_key
        for event in result.all_events
        if event.event_type == DagsterEventType.STEP_START
    }


def check_evaluations(result: ExecuteInProcessResult) -> dict[str, object]:
    return {e.asset_check_key.name: e for e in result.get_asset_check_evaluations()}


def materialized(result: ExecuteInProcessResult) -> set[AssetKey]:
    return {event.asset_key for event in result.get_asset_materialization_events()}


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


# --- unreadable files ------------------------------------------------------------------------

EXPECTED_SEMICOLONS = "expected semicolon-separated columns "

# fixture -> (row named in the message or None, the exact message)
UNREADABLE = {
    "signals_wrong_separator.csv": (
        1,
        "mma_2025.csv, row 1 (header): the file seems comma-separated; "
        + EXPECTED_SEMICOLONS
        + "jaar, gemeentecode, thema, aantal_meldingen",
    ),
    "establishments_tab_separated.csv": (
        1,
        "81575NED_2025.csv, row 1 (header): the file seems tab-separated; expected the 81575NED "
        "keys BedrijfstakkenBranchesSBI2008, RegioS, Perioden and at least Vestigingen_1 "
        "(semicolon-separated)",
    ),
    "seizures_latin1.csv": (
        3,
        "inbeslagnames_2025.csv, row 3: not UTF-8 (bytes e9); the file may be Latin-1 or "
        "Windows-1252: save it as UTF-8",
    ),
    "population_empty.csv": (
        None,
        "03759NED_2025.csv: the file is empty (0 bytes); expected a header row",
    ),
    "financial_header_only.csv": (None, "fiu_2025.csv: a header but no data rows"),
    "drug_sites_missing_column.csv": (
        1,
        "drugslocaties_2025.csv, row 1 (header): missing column(s) omgeving; "
        + EXPECTED_SEMICOLONS
        + "registratienummer, datum, gemeentecode, soort_locatie, drugssoort, omgeving",
    ),
    "financial_extra_column.csv": (
        1,
        "fiu_2025.csv, row 1 (header): unexpected column(s) 'opmerking'; "
        + EXPECTED_SEMICOLONS
        + "jaar, gemeentecode, meldersgroep, ongebruikelijke_transacties, "
        "verdachte_transacties, verdacht_bedrag_eur",
    ),
    "seized_assets_renamed_column.csv": (
        1,
        "om_beslag_2025.csv, row 1 (header): missing column(s) jaar; unexpected column(s) "
        "'Jaar'; " + EXPECTED_SEMICOLONS + "jaar, gemeentecode, soort_beslag, aantal_zaken, "
        "waarde_eur",
    ),
    "signals_too_many_fields.csv": (
        4,
        "mma_2025.csv, row 4: more fields than the header's 4 "
        "(a separator inside an unquoted value?)",
    ),
    "incidents_unclosed_quote.csv": (
        26,
        "83648NED_2025.csv, row 26: a quoted value opens here and is never closed",
    ),
    "incidents_statline_unknown_label.csv": (
        None,
        "Geregistreerde_criminaliteit__soort_misdrijf__regio_02122026_101500.csv: row 5, "
        "column Regio's: label 'Atlantis' maps to no RegioS code of 2025",
    ),
    "incidents_all_years_outside.json": (
        None,
        "83648NED.json: holds only 2031, outside the years this pipeline builds (2015-2025): "
        "remove it from {raw}/incidents",
    ),
    "population_v4_not_json.json": (
        8,
        "03759NED.json, row 8: not JSON (column 4: Unterminated string starting at); "
        "expected OData v4 observations or v3 rows",
    ),
    "population_v4_unknown_measure.json": (
        None,
        "03759NED.json: row 2, column Measure: 'M999999' is not a 03759NED measure this loader "
        "knows, and no 03759NED_MeasureCodes.json lies beside the file to look it up",
    ),
}


@pytest.mark.parametrize("name", list(UNREADABLE))
def test_unreadable_file_fails_and_changes_nothing(bench: Bench, name: str) -> None:
    info = FIXTURE_INFO[name]
    source, year = info.source, info.year
    row, expected = UNREADABLE[name]
    result, before = bench.drop_and_run(name)

    assert not result.success
    message = step_failure_message(result, step_key("raw", source))
    file_name = delivered_name(name)
    assert message.startswith(file_name)
    if row is not None:
        assert message.startswith(f"{file_name}, row {row}")
    assert message == expected.format(raw=bench.workspace.data / "raw")
    # Neither the raw asset nor anything after it happened: no check ran, staging did not start.
    assert materialized(result) == set()
    assert check_evaluations(result) == {}
    assert started_steps(result) == {step_key("raw", source)}
    # The year keeps its good load: same rows, same file hash, same load time, same staging.
    assert bench.state(source, year) == before
    assert before.raw_sha256 == bench.good[(source, year)].raw_sha256
    # One quarantine row holds the message; the readability check is recorded as failed.
    assert quarantine(bench, source, year, "file_is_readable") == [
        (file_name, row, None, None, message)
    ]
    passed, failed_values, _summary = check_result(bench, source, year, "file_is_readable")
    assert (passed, failed_values) == (False, 1)


# --- readable files with bad values ------------------------------------------------------------

WHOLE = "must be a whole number from 0 to 999999999"
CBS_WHOLE = "must be a whole number from 0 to 999999999, '.' or empty"
MUNICIPALITIES = "must be one of the municipality codes of the 2025 division or an older one"
CBS_REGIONS = (
    "must be one of the region codes of CBS tables: municipalities of the 2025 division or an "
    "older one, NL01, LD01-LD04, PV20-PV31, RE01-RE10 and the 'niet in te delen' codes"
)
NOT_EMPTY = "must not be empty"
UNIQUE = "must identify one row only"
REAL_DATE = "must be a real date written YYYY-MM-DD"
CRIME_TYPES = "must be one of the known crime types (data/reference/crime_types.csv)"
THEMES = "must be one of the themes (data/reference/signal_themes.csv)"
TOTAL_IS_NOT_THE_SECTIONS = (
    "is the total of T001081 for GM0363 but its 21 parts add up to 134160 (CBS rounding allows 55)"
)


def mixed(successor: str) -> str:
    return (
        f"is an old municipality code whose successor {successor} is in the same file: "
        "the file mixes municipal divisions"
    )


# fixture -> every rejected value: (row, column, value, reason)
BAD_VALUES = {
    # A tab is not padding: it would pass a check that stripped it and vanish in staging's join.
    "drug_sites_tab_in_code.csv": [
        (
            3,
            "soort_locatie",
            "opslag\t",
            "must be one of the site types (data/reference/drug_site_types.csv)",
        ),
    ],
    "drug_sites_unknown_drug.csv": [
        (2, "drugssoort", "xtc", "must be one of the drugs (data/reference/drugs.csv)"),
    ],
    "incidents_text_in_count.csv": [
        (3, "TotaalGeregistreerdeMisdrijven_1", "onbekend", CBS_WHOLE),
    ],
    "signals_negative_count.csv": [(3, "aantal_meldingen", "-4", WHOLE)],
    "population_thousands_separator.csv": [(2, "BevolkingOp1Januari_1", "934.526", WHOLE)],
    "financial_decimal_comma.csv": [(3, "ongebruikelijke_transacties", "812,5", WHOLE)],
    "signals_duplicate_key.csv": [
        (2, "gemeentecode, thema", "GM0363 / drugs", UNIQUE),
        (4, "gemeentecode, thema", "GM0363 / drugs", UNIQUE),
    ],
    "incidents_padded_duplicate.csv": [
        (2, "SoortMisdrijf, RegioS, Perioden", "CRI6000 / GM0363 / 2025JJ00", UNIQUE),
        (26, "SoortMisdrijf, RegioS, Perioden", "CRI6000 / GM0363 / 2025JJ00", UNIQUE),
    ],
    "seizures_duplicate_case.csv": [
        (2, "zaaknummer", "DOU2025-90001", "must be unique"),
        (3, "zaaknummer", "DOU2025-90001", "must be unique"),
    ],
    "incidents_unknown_municipality.csv": [(26, "RegioS", "GM9999", CBS_REGIONS)],
    "financial_lowercase_municipality.csv": [(2, "gemeentecode", "gm0363", MUNICIPALITIES)],
    "incidents_wrong_period.csv": [
        (
            2,
            "Perioden",
            "2024JJ00",
            "must be one of the period 2025JJ00 of the partition (2025JJ00* if provisional)",
        ),
    ],
    "signals_wrong_year.csv": [
        (3, "jaar", "2024", "must be one of the year 2025 of the partition"),
    ],
    "drug_sites_date_in_other_year.csv": [(3, "datum", "2024-12-31", "must be a date in 2025")],
    "seizures_impossible_date.csv": [(3, "datum", "2024-02-30", REAL_DATE)],
    "emergency_freezes_not_a_leap_year.csv": [(3, "datum", "2025-02-29", REAL_DATE)],
    "establishments_absurd_count.csv": [(24, "Vestigingen_1", "123456789012", CBS_WHOLE)],
    "establishments_total_not_sum.csv": [(2, "Vestigingen_1", "134260", TOTAL_IS_NOT_THE_SECTIONS)],
    "seized_assets_absurd_amount.csv": [
        (2, "waarde_eur", "98765432109876543210", "must be whole euros from 0 to 9999999999999"),
    ],
    "seizures_empty_key.csv": [(3, "zaaknummer", None, NOT_EMPTY)],
    "incidents_unknown_crime_type.csv": [(26, "SoortMisdrijf", "CRI9999", CRIME_TYPES)],
    # CRI1300 (forgery) is far from the sum of its three parts: more than rounding explains.
    "incidents_total_far_from_parts.csv": [
        (
            10,
            "TotaalGeregistreerdeMisdrijven_1",
            "1785",
            "is the total of CRI1300 for GM0363 but its 3 parts add up to 170 "
            "(CBS rounding allows 10)",
        ),
    ],
    "seizures_unknown_drug.csv": [
        (2, "drugssoort", "xtc", "must be one of the drugs (data/reference/drugs.csv)"),
    ],
    "signals_unknown_theme.csv": [(5, "thema", "wapenhandel", THEMES)],
    "seizures_bad_country.csv": [
        (2, "land_van_vertrek", "ECU", "must be an ISO 3166 two-letter country code"),
    ],
    "seizures_kg_decimals.csv": [
        (3, "gewicht_kg", "10,25", "must be kilograms such as 1250,5 (decimal comma)"),
    ],
    # An empty count is what CBS delivers for a cell it has no figure for; an empty period is not.
    "incidents_truncated_last_line.csv": [(25, "Perioden", None, NOT_EMPTY)],
    "drug_sites_nul_byte.csv": [(3, "gemeentecode", "GM0599\x00", MUNICIPALITIES)],
    "signals_blank_line_then_bad_value.csv": [(6, "aantal_meldingen", "-1", WHOLE)],
    # Every row of the old code is rejected (Heerhugowaard's rows are the odd rows 3-25).
    "incidents_mixed_divisions.csv": [
        (row, "RegioS", "GM0398", mixed("GM1980")) for row in range(3, 26, 2)
    ],
    "signals_mixed_divisions.csv": [(5, "gemeentecode", "GM0398", mixed("GM1980"))],
}


def expected_summary(file_name: str, rejected: list[tuple]) -> str:
    lines = []
    for row, column, value, reason in rejected:
        shown = "" if value is None else f": value {value!r}"
        lines.append(f"- {file_name}, row {row}, column {column}{shown} {reason}")
    return f"{len(rejected)} value(s) break the rules:\n" + "\n".join(lines)


@pytest.mark.parametrize("name", list(BAD_VALUES))
def test_bad_values_fail_the_blocking_check_and_staging_keeps_the_good_load(
    bench: Bench, name: str
) -> None:
    info = FIXTURE_INFO[name]
    source, year = info.source, info.year
    rejected = BAD_VALUES[name]
    check_name = f"{source}_file_is_valid"
    file_name = delivered_name(name)
    result, before = bench.drop_and_run(name)

    assert not result.success
    # The file was readable: raw holds it now, with every data row.
    assert materialized(result) == {raw_key(source)}
    after = bench.state(source, year)
    assert after.raw_sha256 == (sha256(FIXTURES / name),)
    # The check ran with the raw asset, failed, is blocking, and names file, row, column, value.
    evaluation = check_evaluations(result)[check_name]
    assert not evaluation.passed
    assert evaluation.blocking
    assert evaluation.description == expected_summary(file_name, rejected)
    assert evaluation.metadata["failed_values"].value == len(rejected)
    assert quarantine(bench, source, year, check_name) == [
        (file_name, row, column, value, reason) for row, column, value, reason in rejected
    ]
    # Staging was not run and still holds the good load of the year.
    assert step_key("staging", STAGING[source]) not in started_steps(result)
    assert after.staging == before.staging


# --- tricky but valid files ----------------------------------------------------------------------

# The crime codes whose staging rows the incidents tests look at: the first four rows' codes.
FIRST_FOUR = ("CRI1500", "CRI6000")
FORGERY = ("CRI1300", "CRI1310", "CRI1320", "CRI1330")

# fixture -> (staging columns, the rows staging holds for the year, ordered by those columns[,
# the crime codes looked at])
VALID = {
    "population_bom.csv": (
        "municipality_code, inhabitants, delivered_codes, source_rows",
        [
            ("GM0363", 934526, ["GM0363"], [2]),
            ("GM0518", 568945, ["GM0518"], [4]),
            ("GM0599", 672960, ["GM0599"], [3]),
        ],
    ),
    "financial_crlf.csv": (
        "municipality_code, reporting_sector_code, unusual_transactions, "
        "suspicious_transactions, suspicious_amount_eur, source_rows",
        [
            ("GM0363", "banken", 51234, 1204, 310456789, [2]),
            ("GM0363", "notarissen", 812, 37, 9120456, [3]),
            ("GM0599", "banken", 40121, 998, 201345678, [4]),
        ],
    ),
    "incidents_padded_keys.csv": (
        "municipality_code, crime_type_code, registered_crimes, delivered_codes, source_rows",
        [
            ("GM0363", "CRI1500", 410, ["GM0363"], [4]),
            ("GM0363", "CRI6000", 3120, ["GM0363"], [2]),
            ("GM0599", "CRI1500", 380, ["GM0599"], [5]),
            ("GM0599", "CRI6000", 2875, ["GM0599"], [3]),
        ],
    ),
    "incidents_ten_columns.csv": (
        "municipality_code, crime_type_code, registered_crimes, delivered_codes, source_rows",
        [
            ("GM0363", "CRI1500", 410, ["GM0363"], [4]),
            ("GM0363", "CRI6000", 3120, ["GM0363"], [2]),
            ("GM0599", "CRI1500", 380, ["GM0599"], [5]),
            ("GM0599", "CRI6000", 2875, ["GM0599"], [3]),
        ],
    ),
    "incidents_total_within_rounding.csv": (
        "municipality_code, crime_type_code, registered_crimes, source_rows",
        [
            ("GM0363", "CRI1300", 1785, [10]),
            ("GM0363", "CRI1310", 1200, [26]),
            ("GM0363", "CRI1320", 395, [27]),
            ("GM0363", "CRI1330", 185, [28]),
            ("GM0599", "CRI1300", 1210, [11]),
        ],
        FORGERY,
    ),
    "signals_blank_trailing_lines.csv": (
        "municipality_code, theme, tips, source_rows",
        [
            ("GM0363", "drugs", 978, [2]),
            ("GM0363", "money_laundering", 207, [3]),
            ("GM0599", "drugs", 812, [4]),
            ("GM0599", "explosives", 143, [5]),
        ],
    ),
    "seizures_quoted_separator.csv": (
        "case_id, location, municipality_code, drug, weight_kg, departure_country, source_row",
        [
            ("DOU2025-90001", "Haven Rotterdam; Maasvlakte", "GM0599", "cocaine", 1250.5, "EC", 2),
            ("DOU2025-90002", "Schiphol", "GM0394", "heroin", 10.2, "TR", 3),
            ("DOU2025-90003", "Haven Vlissingen", "GM0718", "cocaine", 36.0, "PA", 4),
        ],
    ),
    "incidents_old_division.csv": (
        "municipality_code, crime_type_code, registered_crimes, delivered_codes, source_rows",
        [
            ("GM0363", "CRI1500", 410, ["GM0457"], [4]),
            ("GM0363", "CRI6000", 3120, ["GM0457"], [2]),
            ("GM0599", "CRI1500", 380, ["GM0599"], [5]),
            ("GM0599", "CRI6000", 2875, ["GM0599"], [3]),
        ],
    ),
    "incidents_weesp_next_to_amsterdam.csv": (
        "municipality_code, crime_type_code, registered_crimes, delivered_codes, source_rows",
        [
            ("GM0363", "CRI1500", 410 + 380, ["GM0363", "GM0457"], [4, 5]),
            ("GM0363", "CRI6000", 3120 + 2875, ["GM0363", "GM0457"], [2, 3]),
        ],
    ),
    "incidents_provisional_year.csv": (
        "municipality_code, crime_type_code, registered_crimes, is_provisional, source_rows",
        [
            ("GM0363", "CRI1500", 410, True, [4]),
            ("GM0363", "CRI6000", 3120, True, [2]),
            ("GM0599", "CRI1500", 380, True, [5]),
            ("GM0599", "CRI6000", 2875, True, [3]),
        ],
    ),
    "incidents_suppressed_cell.csv": (
        "municipality_code, crime_type_code, registered_crimes, is_suppressed, source_rows",
        [
            ("GM0363", "CRI1500", 410, False, [4]),
            ("GM0363", "CRI6000", 3120, False, [2]),
            ("GM0599", "CRI1500", 380, False, [5]),
            ("GM0599", "CRI6000", None, True, [3]),
        ],
    ),
}


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


@pytest.mark.parametrize("name", list(VALID))
def test_tricky_but_valid_file_passes_and_reaches_staging(bench: Bench, name: str) -> None:
    info = FIXTURE_INFO[name]
    source, year = info.source, info.year
    columns, expected, *crimes = VALID[name]
    check_name = f"{source}_file_is_valid"
    result, _before = bench.drop_and_run(name)

    assert result.success
    assert materialized(result) == {raw_key(source), staging_key(source)}
    evaluation = check_evaluations(result)[check_name]
    assert evaluation.passed
    assert quarantine(bench, source, year, check_name) == []
    state = bench.state(source, year)
    assert state.raw_sha256 == (sha256(FIXTURES / name),)
    data_lines = (FIXTURES / name).read_bytes().splitlines()[1:]
    assert state.raw_rows == sum(1 for line in data_lines if line.strip())
    assert staging_rows(bench, source, year, columns, *crimes) == expected


# --- the fixtures themselves ---------------------------------------------------------------------


def test_every_fixture_has_a_test_of_its_kind() -> None:
    kinds = {
        make_fixtures.UNREADABLE: set(UNREADABLE),
        make_fixtures.BAD_VALUES: set(BAD_VALUES),
        make_fixtures.VALID: set(VALID),
        make_fixtures.NOT_DETECTED: set(),
    }
    on_disk = {path.name for path in FIXTURES.iterdir() if path.suffix in {".csv", ".json"}}
    assert on_disk == set(FIXTURE_INFO)
    for kind, names in kinds.items():
        assert {n for n, info in FIXTURE_INFO.items() if info.kind == kind} == names, kind
    assert len(on_disk) >= 28


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    make_fixtures.write(tmp_path)
    for path in [*FIXTURES.glob("*.csv"), *FIXTURES.glob("*.json"), FIXTURES / "README.md"]:
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
