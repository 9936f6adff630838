"""Small hand-made warehouse for the SQL tests: tiny reference CSVs and raw-row loaders.

Fixture geography (numbers used in the hand-computed expectations of the tests):

    municipality  province  RIEC region   population 2024   population 2023
    GM0001        PV01      RIEC01         50 000            40 000
    GM0002        PV01      RIEC01        100 000            40 000
    GM0003        PV01      RIEC02         25 000            40 000
    GM0004        PV02      RIEC02         75 000            40 000

RIEC02 spans both provinces. RIEC01 = 150 000, RIEC02 = 100 000, PV01 = 175 000, PV02 = 75 000,
Netherlands = 250 000 inhabitants in 2024 (160 000 in 2023).

Old codes (reference.municipality_code_map): GM0901 -> GM0001 (merger); GM0902 split 0.25 / 0.75
over GM0003 / GM0004; GM0903 -> GM0901 -> GM0001 (a chain). Count files (signals,
establishments, seized assets) apportion a split code by largest remainder; record files
(seizures, emergency freezes) send the record whole to the successor with the largest share.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from pipeline.domain.files.delimited_files import empty_delivery
from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.metadata import table_relation
from pipeline.plumbing.raw_partitions import DeliveredFile, replace_raw_partition
from pipeline.plumbing.sql_runner import run_in_transaction, run_sql

REPO = Path(__file__).resolve().parents[2]
REAL_REFERENCE = REPO / "data" / "reference"

REFERENCE_TABLES = (
    "municipalities",
    "provinces",
    "riec_regions",
    "phenomena",
    "crime_types",
    "drug_site_types",
    "fiu_reporting_sectors",
    "sectors",
    "harm_weights",
    "harm_matrix",
    "harm_severity_scale",
    "statutory_maxima",
    "municipal_reclassifications",
    "seizure_location_types",
    "drugs",
    "signal_themes",
    "sbi_sections",
    "seized_asset_types",
    "site_settings",
    "impact_unit_values",
    "cbs_aggregate_regions",
    "cbs_dimension_codes",
)

FIXTURE_REFERENCE: dict[str, list[list[str]]] = {
    "municipalities": [
        [
            "municipality_code",
            "municipality_name",
            "province_code",
            "province_name",
            "police_unit",
            "riec_code",
            "riec_name",
            "population_2023_01_01",
            "population_2025_01_01",
        ],
        ["GM0001", "Aadorp", "PV01", "Provincie A", "Noord", "RIEC01", "RIEC Noord", "1", "1"],
        ["GM0002", "Bedum", "PV01", "Provincie A", "Noord", "RIEC01", "RIEC Noord", "1", "1"],
        ["GM0003", "Cadier", "PV01", "Provincie A", "Zuid", "RIEC02", "RIEC Zuid", "1", "1"],
        ["GM0004", "Dalen", "PV02", "Provincie B", "Zuid", "RIEC02", "RIEC Zuid", "1", "1"],
    ],
    "provinces": [
        ["province_code", "province_name"],
        ["PV01", "Provincie A"],
        ["PV02", "Provincie B"],
    ],
    "riec_regions": [
        ["riec_code", "riec_name", "police_unit"],
        ["RIEC01", "RIEC Noord", "Noord"],
        ["RIEC02", "RIEC Zuid", "Zuid"],
    ],
    "phenomena": [
        ["phenomenon_code", "label_nl", "label_en"],
        ["corruption_infiltration", "Corruptie en infiltratie", "Corruption and infiltration"],
        ["drug_production", "Drugsproductie", "Drug production"],
        ["drug_trafficking", "Drugshandel", "Drug trafficking"],
        ["fraud", "Fraude", "Fraud"],
        ["money_laundering", "Witwassen", "Money laundering"],
        ["violence", "Geweld", "Violence"],
    ],
    # Three counted codes directly under the total (the real hierarchy is deeper: see
    # test_stg_incidents__counted_crimes.py).
    "crime_types": [
        [
            "crime_type_code",
            "cbs_title",
            "parent_code",
            "level",
            "label_nl",
            "label_en",
            "phenomenon_code",
        ],
        ["CRI1200", "12 Bedrog", "T001161", "1", "1.2 Bedrog", "Fraud (deception)", "fraud"],
        [
            "CRI1700",
            "17 Witwassen",
            "T001161",
            "1",
            "1.7 Witwassen",
            "Money laundering",
            "money_laundering",
        ],
        [
            "CRI2300",
            "23 Brandstichting / ontploffing",
            "T001161",
            "1",
            "2.3 Brandstichting / ontploffing",
            "Arson / explosion",
            "violence",
        ],
        ["T001161", "Misdrijven, totaal", "", "0", "Misdrijven, totaal", "Crimes, total", ""],
    ],
    "drug_site_types": [
        ["site_type_nl", "site_type", "label_en", "phenomenon_code"],
        ["dumping", "dump", "Drug waste dumping", "drug_production"],
        ["kwekerij", "grow", "Cannabis grow site", "drug_production"],
        ["opslag", "storage", "Storage site", "drug_trafficking"],
    ],
    "fiu_reporting_sectors": [
        ["reporting_sector_code", "label_nl", "label_en", "sector_code"],
        ["banken", "Banken", "Banks", "financial_services"],
        ["notarissen", "Notarissen", "Civil-law notaries", "real_estate"],
    ],
    "sectors": [
        ["sector_code", "label_nl", "label_en", "sbi_sections"],
        ["financial_services", "Financiele dienstverlening", "Financial services", "K"],
        ["logistics", "Logistiek", "Logistics", "H"],
        ["real_estate", "Vastgoed", "Real estate", "L"],
    ],
    # GM0901 merged into GM0001; GM0902 split 25/75 over GM0003 and GM0004; GM0903 merged into
    # GM0901 (a new code then) before that merged into GM0001 (a chain of two changes).
    "municipal_reclassifications": [
        [
            "effective_date",
            "old_code",
            "old_name",
            "new_code",
            "new_name",
            "share",
            "new_code_created",
            "verified",
        ],
        ["2019-01-01", "GM0903", "Oudst", "GM0901", "Oud", "1", "true", "true"],
        ["2021-01-01", "GM0901", "Oud", "GM0001", "Aadorp", "1", "false", "true"],
        ["2021-01-01", "GM0902", "Gesplitst", "GM0003", "Cadier", "0.25", "false", "true"],
        ["2021-01-01", "GM0902", "Gesplitst", "GM0004", "Dalen", "0.75", "false", "true"],
    ],
    # default_v0 and a second set alt_v1 with different weights.
    "harm_weights": [
        ["weight_set", "phenomenon_code", "weight", "rationale"],
        ["default_v0", "corruption_infiltration", "9", "r"],
        ["default_v0", "drug_production", "7", "r"],
        ["default_v0", "drug_trafficking", "7", "r"],
        ["default_v0", "fraud", "4", "r"],
        ["default_v0", "money_laundering", "6", "r"],
        ["default_v0", "violence", "10", "r"],
        ["alt_v1", "corruption_infiltration", "1", "r"],
        ["alt_v1", "drug_production", "5", "r"],
        ["alt_v1", "drug_trafficking", "1", "r"],
        ["alt_v1", "fraud", "2", "r"],
        ["alt_v1", "money_laundering", "3", "r"],
        ["alt_v1", "violence", "20", "r"],
    ],
    # Two phenomena rated for two bearers: fraud 2 + 4 = 6 points, violence 16 + 0 = 16.
    "harm_matrix": [
        ["phenomenon_code", "bearer", "severity", "rationale"],
        ["fraud", "businesses", "2", "r"],
        ["fraud", "individuals", "3", "r"],
        ["violence", "businesses", "0", "r"],
        ["violence", "individuals", "5", "r"],
    ],
    "harm_severity_scale": [
        ["severity", "label_en", "label_nl", "points"],
        ["0", "none", "geen", "0"],
        ["2", "moderate", "matig", "2"],
        ["3", "serious", "ernstig", "4"],
        ["5", "catastrophic", "catastrofaal", "16"],
    ],
    # Fraud stands for Sr 326 (4 years = 1460 days); Sr 225 represents nothing.
    "statutory_maxima": [
        [
            "offence_group",
            "law",
            "article",
            "description_nl",
            "max_years",
            "represents_phenomenon",
            "source",
            "verified",
        ],
        ["fraud", "Sr", "art. 326", "oplichting", "4", "fraud", "s", "true"],
        ["fraud", "Sr", "art. 225", "valsheid in geschrift", "6", "", "s", "true"],
        ["violence", "Sr", "art. 287", "doodslag", "15", "violence", "s", "false"],
    ],
    "seizure_location_types": [
        ["location_type_nl", "location_type", "label_en", "sector_code"],
        ["haven", "port", "Sea port", "logistics"],
        ["luchthaven", "airport", "Airport", "logistics"],
        ["post", "mail", "Mail and parcels", "logistics"],
    ],
    "site_settings": [
        ["setting_nl", "setting", "label_en", "sector_code"],
        ["bedrijventerrein", "industrial", "Industrial estate", "logistics"],
        ["buitengebied", "rural", "Rural area", "real_estate"],
        ["woonwijk", "residential", "Residential area", "real_estate"],
    ],
    "drugs": [
        ["drug_nl", "drug", "label_en", "phenomenon_code"],
        ["cannabis", "cannabis", "Cannabis", "drug_trafficking"],
        ["cocaine", "cocaine", "Cocaine", "drug_trafficking"],
        ["heroine", "heroin", "Heroin", "drug_trafficking"],
        ["synthetisch", "synthetic", "Synthetic drugs", "drug_trafficking"],
    ],
    # overig maps to no phenomenon (an empty cell).
    "signal_themes": [
        ["theme_nl", "theme", "label_en", "phenomenon_code"],
        ["drugs", "drugs", "Drugs", "drug_trafficking"],
        ["explosieven", "explosives", "Explosives", "violence"],
        ["overig", "other", "Other", ""],
        ["witwassen", "money_laundering", "Money laundering", "money_laundering"],
    ],
    "sbi_sections": [
        ["sbi_section", "label_nl", "label_en", "cbs_key"],
        ["A", "Landbouw, bosbouw en visserij", "Agriculture, forestry and fishing", "301000"],
        ["K", "Financiele dienstverlening", "Financial services", "396300"],
        ["L", "Verhuur en handel van onroerend goed", "Real estate", "402000"],
    ],
    "cbs_aggregate_regions": [
        ["region_code", "region_level", "region_name", "province_codes", "riec_code", "source"],
        ["NL01", "country", "Nederland", "", "", "s"],
        ["PV01", "province", "Provincie A", "PV01", "", "s"],
        ["PV02", "province", "Provincie B", "PV02", "", "s"],
        ["PV99", "unallocated", "Niet in te delen", "", "", "s"],
        ["RE01", "police_unit", "Noord", "", "RIEC01", "s"],
    ],
    "cbs_dimension_codes": [
        ["table_id", "dimension", "code", "title", "source"],
        ["81575NED", "BedrijfstakkenBranchesSBI2008", "301000", "A Landbouw", "s"],
        ["81575NED", "BedrijfstakkenBranchesSBI2008", "396300", "K Financiele diensten", "s"],
        ["81575NED", "BedrijfstakkenBranchesSBI2008", "402000", "L Vastgoed", "s"],
        ["81575NED", "BedrijfstakkenBranchesSBI2008", "T001081", "A-U Alle", "s"],
    ],
    # Cocaine and dumps have a value with a range; synthetic drugs have none; money as reported.
    "impact_unit_values": [
        [
            "component",
            "item",
            "quantity_unit",
            "value_eur",
            "low_eur",
            "high_eur",
            "reference_year",
            "basis",
            "source",
            "note",
        ],
        ["seized_assets_value", "cash", "eur", "1", "1", "1", "", "reported", "s", "n"],
        [
            "seizure_street_value",
            "cocaine",
            "kg",
            "50000",
            "40000",
            "75000",
            "2020",
            "sourced",
            "s",
            "n",
        ],
        ["seizure_street_value", "synthetic", "kg", "", "", "", "", "none", "", "n"],
        ["site_clean_up", "dump", "site", "8500", "4000", "25000", "2020", "derived", "s", "n"],
        ["suspicious_transactions_amount", "all", "eur", "1", "1", "1", "", "reported", "s", "n"],
    ],
    "seized_asset_types": [
        ["asset_type_nl", "asset_type", "label_en"],
        ["geld", "cash", "Money"],
        ["onroerend_goed", "real_estate", "Real estate"],
        ["voertuigen", "vehicles", "Vehicles"],
    ],
}

# Population breakdown keys for the all-sexes, all-ages, all-marital-states total.
POP_TOTAL = ("T001038", "10000", "T001019")


def real_header(table: str) -> list[str]:
    with open(REAL_REFERENCE / f"{table}.csv", encoding="utf-8", newline="") as f:
        return next(csv.reader(f))


def write_reference(directory: Path, tables: Mapping[str, list[list[str]]]) -> dict[str, Path]:
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for table, rows in tables.items():
        path = directory / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as f:
            csv.writer(f).writerows(rows)
        paths[table] = path
    return paths


def load_reference(conn: duckdb.DuckDBPyConnection, paths: Mapping[str, Path]) -> None:
    """Run sql/reference/<table> for each CSV, then the derived tables, as one transaction
    (one commit instead of seventeen keeps the many function-scoped warehouses quick)."""
    conn.execute("begin transaction")
    try:
        for table, path in paths.items():
            run_sql(conn, f"reference/{table}", {"path": str(path)})
        if "municipalities" in paths:
            run_sql(conn, "reference/region_membership")
        if "municipal_reclassifications" in paths:
            run_sql(conn, "reference/municipality_code_map")
        if "harm_weights" in paths:
            run_sql(conn, "reference/harm_weight_sets")
        if "crime_types" in paths:
            run_sql(conn, "reference/crime_type_paths")
    except BaseException:
        conn.execute("rollback")
        raise
    conn.execute("commit")


def delivered_frame(
    source: str, rows: Iterable[Sequence[str | None]], source_file: str = "delivered.csv"
) -> pl.DataFrame:
    """A frame as the raw asset registers it: every column a string, plus source_row from 2.

    Rows of a CBS table give ID, the dimensions and the measure the pipeline uses; its other
    measures are empty, and every row names its file."""
    spec = SOURCES[source]
    table = spec.cbs_table
    given = ["ID", *table.dimensions, table.used_measure] if table else list(spec.columns)
    frame = pl.DataFrame(
        [list(row) for row in rows], schema=dict.fromkeys(given, pl.String), orient="row"
    ).with_row_index("source_row", offset=2)
    frame = frame.with_columns(pl.col("source_row").cast(pl.Int64))
    if table is None:
        return frame.select(
            "source_row", *spec.columns, pl.lit(source_file, pl.String).alias("source_file")
        )
    return frame.select(
        "source_row",
        *(pl.col(c) if c in given else pl.lit(None, pl.String).alias(c) for c in spec.columns),
        pl.lit(source_file, pl.String).alias("source_file"),
    )


def load_raw(
    conn: duckdb.DuckDBPyConnection,
    source: str,
    year: int,
    rows: Iterable[Sequence[str | None]],
    *,
    source_file: str | None = None,
    source_sha256: str = "0" * 64,
    is_synthetic: bool = True,
    loaded_at: datetime = datetime(2025, 6, 1, 12, 0, 0),
) -> None:
    """Load rows (tuples of strings, see delivered_frame) through sql/raw/<source>, as the raw
    assets do."""
    name = source_file or SOURCES[source].file_name(year)
    frame = delivered_frame(source, rows, name)
    delivered = DeliveredFile(name, source_sha256, is_synthetic, frame.height)
    replace_raw_partition(conn, source, year, frame, [delivered], loaded_at)


def load_without_file(conn: duckdb.DuckDBPyConnection, source: str, year: int) -> None:
    """Load a year of an optional source that has no file, as assets/raw/files.py does."""
    replace_raw_partition(conn, source, year, empty_delivery(SOURCES[source]), [], None)


def incident(crime_type: str, region: str, value: str | None, year: int = 2024) -> tuple:
    return ("0", crime_type, region, f"{year}JJ00", value)


def population(region: str, value: str, year: int = 2024, keys=POP_TOTAL) -> tuple:
    return ("0", *keys, region, f"{year}JJ00", value)


STAGING = (
    "staging/stg_incidents__crimes",
    "staging/stg_incidents__counted_crimes",
    "staging/stg_population__inhabitants",
    "staging/stg_drug_sites__sites",
    "staging/stg_financial__fiu_transactions",
)


def run_staging(conn: duckdb.DuckDBPyConnection, year: int) -> None:
    for name in STAGING:
        run_in_transaction(conn, name, {"year": year})


def run_marts(conn: duckdb.DuckDBPyConnection, year: int, weight_set: str = "default_v0") -> None:
    run_in_transaction(
        conn,
        "indicators/phenomenon_indicators",
        {
            "year": year,
            "weight_set": weight_set,
            "confidence_level": 0.95,
            "gap_max_upper_ratio": 2.0,
        },
    )
    run_in_transaction(conn, "indicators/financial_indicators", {"year": year})


# ----- the fixture year 2024 -------------------------------------------------------------------
# Registered crimes, with CBS oddities: suppressed '.', empty and -99999 cells, padded keys,
# non-municipality rows (NL01, PV01) and the total T001161 that maps to no phenomenon.
INCIDENTS_2024 = [
    incident("CRI1200", "GM0001", "25"),
    incident("CRI1700", "GM0001", "10"),
    incident("CRI2300", "GM0001", "."),  # suppressed
    incident("T001161", "GM0001", "100"),
    incident("CRI1200  ", "GM0002  ", " 40 "),  # padded keys and value
    incident("CRI1700", "GM0002", ""),  # suppressed (empty)
    incident("CRI2300", "GM0002", "3"),
    incident("T001161", "GM0002", "200"),
    incident("CRI1200", "GM0003", "5"),
    incident("CRI2300", "GM0003", "-99999"),  # suppressed (missing marker)
    # GM0003 has no CRI1700 row at all: money laundering must still be an explicit zero.
    incident("CRI1200", "GM0004", "30"),
    incident("CRI1700", "GM0004", "20"),
    incident("CRI2300", "GM0004", "10"),
    incident("CRI1200", "NL01", "999"),  # not a municipality: dropped
    incident("CRI1200", "PV01", "888"),  # not a municipality: dropped
]
POPULATION_2024 = [
    population("GM0001", "50000"),
    population("GM0002", "100000"),
    population("GM0003  ", "25000"),
    population("GM0004", "75000"),
    population("GM0001", "24000", keys=("3000", "10000", "T001019")),  # men only: dropped
    population("GM0001", "9000", keys=("T001038", "70100", "T001019")),  # one age: dropped
    population("GM0001", "30000", keys=("T001038", "10000", "1010")),  # unmarried: dropped
    population("NL01", "250000"),  # not a municipality: dropped
]
DRUG_SITES_2024 = [
    ("DL2024-003", "2024-03-01", "GM0004", "opslag", "Cocaine", "Bedrijventerrein"),
    ("DL2024-001", "2024-01-15", "GM0001", "dumping", "synthetisch", "buitengebied"),
    (" DL2024-002 ", " 2024-02-01 ", " GM0001 ", " Kwekerij ", " CANNABIS ", " Woonwijk "),
]
FINANCIAL_2024 = [
    ("2024", "GM0001", "banken", "100", "10", "50000"),
    (" 2024", " GM0002 ", " banken ", " 5 ", " 1 ", " 300 "),
    ("2024", "GM0004", "notarissen", "20", "2", "1000000"),
]

# ----- the fixture year 2023 (the previous year for the report) ----------------------------------
INCIDENTS_2023 = [
    incident("CRI1200", "GM0001", "20", 2023),
    incident("CRI2300", "GM0004", "5", 2023),
]
POPULATION_2023 = [population(gm, "40000", 2023) for gm in ("GM0001", "GM0002", "GM0003", "GM0004")]


# ----- the sources added later (seizures, signals, establishments, seized assets, freezes) ------
# Not part of load_2024 / run_staging (the marts do not read them yet): each staging test module
# loads and stages its own source with stage_new_source.
# Every file has a padded row, an old merged code (GM0901 or GM0903) and the split code GM0902.
SEIZURES_2024 = [
    ("DOU2024-00003", "2024-03-10", "post", "Postcentrum", "GM0002", "synthetisch", "0,1", "NL"),
    ("DOU2024-00001", "2024-01-05", "haven", "Haven A", "GM0004", "cocaine", "1250,5", "EC"),
    (
        " DOU2024-00002 ",
        " 2024-02-29 ",
        " Luchthaven ",
        " Vliegveld B ",
        " GM0001 ",
        " HEROINE ",
        " 12,3 ",
        " tr ",
    ),
    ("DOU2024-00004", "2024-04-01", "haven", "Haven C", "GM0902", "cocaine", "3000,0", "CO"),
    ("DOU2024-00005", "2024-12-31", "luchthaven", "Vliegveld O", "GM0903", "cocaine", "7", "SR"),
]
SEIZURES_2023 = [
    ("DOU2023-00001", "2023-06-01", "haven", "Haven A", "GM0003", "cocaine", "99,9", "BR"),
]
SIGNALS_2024 = [
    ("2024", "GM0001", "drugs", "10"),
    ("2024", "GM0901", "drugs", "5"),
    ("2024", "GM0903", "drugs", "1"),
    (" 2024 ", " GM0002 ", " Explosieven ", " 3 "),
    ("2024", "GM0902", "witwassen", "7"),
    ("2024", "GM0004", "witwassen", "4"),
    ("2024", "GM0902", "drugs", "2"),
    ("2024", "GM0003", "overig", "2"),
]
SIGNALS_2023 = [("2023", "GM0002", "drugs", "8")]
ESTABLISHMENTS_2024 = [
    ("0", "T001081", "GM0001", "2024JJ00", "124"),  # the total: left out
    ("1", "301000", "GM0001", "2024JJ00", "20"),
    ("2", "396300", "GM0001", "2024JJ00", "100"),
    ("3", "301000", "GM0002", "2024JJ00", "."),  # suppressed: counts 0
    ("4", "396300  ", " GM0002 ", "2024JJ00", " 30 "),
    ("5", "402000", "GM0901", "2024JJ00", "6"),
    ("6", "402000", "GM0001", "2024JJ00", "4"),
    ("7", "396300", "GM0902", "2024JJ00", "9"),
    ("8", "301000", "NL01", "2024JJ00", "999"),  # not a municipality: dropped
]
ESTABLISHMENTS_2023 = [("0", "301000", "GM0004", "2023JJ00", "11")]
SEIZED_ASSETS_2024 = [
    ("2024", "GM0001", "geld", "3", "15000"),
    ("2024", "GM0901", "geld", "2", "5000"),
    (" 2024 ", " GM0002 ", " Onroerend_Goed ", " 1 ", " 450000 "),
    ("2024", "GM0902", "voertuigen", "5", "10001"),
    ("2024", "GM0004", "voertuigen", "2", "3000"),
]
SEIZED_ASSETS_2023 = [("2023", "GM0003", "geld", "1", "700")]
EMERGENCY_FREEZES_2024 = [
    ("SB2024-0002", "2024-05-01", "GM0902", "banken", "15049"),
    ("SB2024-0001", "2024-01-04", "GM0001", "banken", "109380"),
    (" SB2024-0003 ", " 2024-12-31 ", " GM0903 ", " notarissen ", " 250 "),
]
EMERGENCY_FREEZES_2023 = [("SB2023-0001", "2023-11-11", "GM0002", "banken", "5000")]

NEW_SOURCES = {
    "seizures": ("staging/stg_seizures__seizures", SEIZURES_2023, SEIZURES_2024),
    "signals": ("staging/stg_signals__tips", SIGNALS_2023, SIGNALS_2024),
    "establishments": (
        "staging/stg_establishments__establishments",
        ESTABLISHMENTS_2023,
        ESTABLISHMENTS_2024,
    ),
    "seized_assets": (
        "staging/stg_financial__seized_assets",
        SEIZED_ASSETS_2023,
        SEIZED_ASSETS_2024,
    ),
    "emergency_freezes": (
        "staging/stg_financial__emergency_freezes",
        EMERGENCY_FREEZES_2023,
        EMERGENCY_FREEZES_2024,
    ),
}


def stage_new_source(conn: duckdb.DuckDBPyConnection, source: str) -> duckdb.DuckDBPyConnection:
    """Load the 2023 and 2024 fixture rows of a later-added source and stage both years."""
    name, rows_2023, rows_2024 = NEW_SOURCES[source]
    load_raw(conn, source, 2023, rows_2023, is_synthetic=False)
    load_raw(conn, source, 2024, rows_2024)
    run_in_transaction(conn, name, {"year": 2023})
    run_in_transaction(conn, name, {"year": 2024})
    return conn


def load_year(
    conn: duckdb.DuckDBPyConnection,
    year: int,
    incidents=(),
    population_rows=(),
    drug_sites=(),
    financial=(),
    is_synthetic: bool = True,
) -> None:
    load_raw(conn, "incidents", year, incidents, is_synthetic=is_synthetic)
    load_raw(conn, "population", year, population_rows, is_synthetic=is_synthetic)
    load_raw(conn, "drug_sites", year, drug_sites, is_synthetic=is_synthetic)
    load_raw(conn, "financial", year, financial, is_synthetic=is_synthetic)


def load_2024(conn: duckdb.DuckDBPyConnection) -> None:
    load_year(conn, 2024, INCIDENTS_2024, POPULATION_2024, DRUG_SITES_2024, FINANCIAL_2024)


def load_2023(conn: duckdb.DuckDBPyConnection) -> None:
    load_year(conn, 2023, INCIDENTS_2023, POPULATION_2023, is_synthetic=False)


def table_rows(conn: duckdb.DuckDBPyConnection, sql: str, params=None) -> list[tuple]:
    return conn.execute(sql, params).fetchall()


def snapshot(conn: duckdb.DuckDBPyConnection, table: str, year: int) -> list[tuple]:
    """All rows of ``table`` for ``year``, sorted, for idempotence comparisons."""
    return sorted(table_relation(conn, table, {"year": year}).fetchall(), key=repr)


def other_years(conn: duckdb.DuckDBPyConnection, table: str, year: int) -> list[tuple]:
    """All rows of ``table`` for years other than ``year``, in ``order by all`` order."""
    relation = conn.table(table).filter(
        duckdb.ColumnExpression("year") != duckdb.ConstantExpression(year)
    )
    return relation.order("all").fetchall()


def assert_idempotent(conn: duckdb.DuckDBPyConnection, name: str, table: str, params: dict) -> None:
    """Running ``name`` again for the same year gives the same rows, and leaves other years."""
    year = params["year"]
    before = snapshot(conn, table, year)
    others = other_years(conn, table, year)
    run_in_transaction(conn, name, params)
    after = snapshot(conn, table, year)
    assert after == before
    assert len({repr(row) for row in after}) == len(after)  # no duplicates
    assert other_years(conn, table, year) == others
