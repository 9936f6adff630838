"""Reference assets: the committed facts in data/reference/ loaded into the warehouse."""

from dagster import AssetExecutionContext, AssetKey, AssetsDefinition, MaterializeResult, asset
from dagster_duckdb import DuckDBResource

from pipeline.plumbing.metadata import table_metadata
from pipeline.plumbing.resources import ProjectPaths
from pipeline.plumbing.sql_runner import run_in_transaction

REFERENCE_TABLES: dict[str, str] = {
    "municipalities": "The 342 municipalities of the 2025 division with province, police unit, "
    "RIEC region and population.",
    "provinces": "The 12 provinces.",
    "riec_regions": "The 10 RIEC regions (boundaries assumed equal to the police units).",
    "phenomena": "The threat areas (phenomena) of the threat picture.",
    "crime_types": "The 75 crime types (SoortMisdrijf) of CBS 83648NED with parent and level; "
    "the codes a phenomenon counts carry its code.",
    "cbs_dimension_codes": "Codes and titles of CBS dimensions other than regions, periods and "
    "crime types (sex, age, marital status, SBI): what StatLine labels are mapped back through.",
    "cbs_aggregate_regions": "Region codes of CBS tables above the municipality (NL01, "
    "landsdelen, provinces, police units) and the 'niet in te delen' codes, with what each covers.",
    "drug_site_types": "Police drug-site types mapped to phenomena.",
    "fiu_reporting_sectors": "FIU-Nederland reporting sectors mapped to sectors.",
    "sectors": "Sectors exposed to undermining crime, with their SBI sections.",
    "harm_weights": "Harm weight sets given directly (one weight per phenomenon); analysts add "
    "their own set here. The default set is to be calibrated.",
    "harm_matrix": "Severity of each phenomenon's harm to individuals, businesses, government and "
    "environment (after Paoli & Greenfield), with the reasoning.",
    "harm_severity_scale": "The severity levels of the harm matrix and the points each adds.",
    "statutory_maxima": "Dutch statutory maximum prison terms per article, with sources; the "
    "basis of the sentencing-based weight set.",
    "seizure_location_types": "Where customs seizures happen (port, airport, mail, road, inland).",
    "drugs": "Drug types in seizure records, mapped to phenomena.",
    "signal_themes": "Meld Misdaad Anoniem themes mapped to phenomena.",
    "sbi_sections": "The 21 sections of the SBI 2008 business classification.",
    "seized_asset_types": "Types of criminal assets seized by the OM.",
    "site_settings": "Surroundings of a drug site (residential, rural, industrial).",
    "impact_unit_values": "Euro value per unit (kg of a drug, a drug site) or per reported euro, "
    "each with its source or marked as derived, an assumption or absent; the basis of the "
    "impact in euros.",
    "municipal_reclassifications": "Municipal boundary changes: old code, new code, date and "
    "share (1 for a merger, the population share for a split).",
}


def _reference_asset(name: str, description: str) -> AssetsDefinition:
    @asset(
        name=name,
        group_name="reference",
        description=description,
        pool="duckdb",
        kinds={"duckdb", "csv"},
    )
    def _load(
        context: AssetExecutionContext, warehouse: DuckDBResource, paths: ProjectPaths
    ) -> MaterializeResult:
        path = paths.reference_file(name)
        with warehouse.get_connection() as conn:
            run_in_transaction(conn, f"reference/{name}", {"path": str(path)})
            metadata = table_metadata(conn, f"reference.{name}")
        return MaterializeResult(metadata={**metadata, "source_file": str(path)})

    return _load


@asset(
    group_name="reference",
    description="Every region each municipality belongs to (itself, RIEC region, province, the "
    "Netherlands): the one definition of the region hierarchy the marts roll up by.",
    deps=[AssetKey("municipalities")],
    pool="duckdb",
    kinds={"duckdb", "sql"},
)
def region_membership(warehouse: DuckDBResource) -> MaterializeResult:
    return _derived_table(warehouse, "region_membership")


@asset(
    group_name="reference",
    description="Every municipality code a source may use (the 2025 division and older ones), "
    "with the 2025 municipalities it maps to and their shares, through chains of changes.",
    deps=[
        AssetKey("municipalities"),
        AssetKey("municipal_reclassifications"),
    ],
    pool="duckdb",
    kinds={"duckdb", "sql"},
)
def municipality_code_map(warehouse: DuckDBResource) -> MaterializeResult:
    return _derived_table(warehouse, "municipality_code_map")


@asset(
    group_name="reference",
    description="Every harm weight set, one weight per phenomenon: the sets given in "
    "harm_weights.csv, the harm-matrix set (Paoli & Greenfield) and the statutory-maximum set "
    "(after the Cambridge Crime Harm Index).",
    deps=[
        AssetKey("harm_weights"),
        AssetKey("harm_matrix"),
        AssetKey("harm_severity_scale"),
        AssetKey("statutory_maxima"),
    ],
    pool="duckdb",
    kinds={"duckdb", "sql"},
)
def harm_weight_sets(warehouse: DuckDBResource) -> MaterializeResult:
    return _derived_table(warehouse, "harm_weight_sets")


@asset(
    group_name="reference",
    description="Every crime type with each of its ancestors in the SoortMisdrijf hierarchy: "
    "what lets a phenomenon count a code from its parts when a file does not hold the code.",
    deps=[AssetKey("crime_types")],
    pool="duckdb",
    kinds={"duckdb", "sql"},
)
def crime_type_paths(warehouse: DuckDBResource) -> MaterializeResult:
    return _derived_table(warehouse, "crime_type_paths")


def _derived_table(warehouse: DuckDBResource, name: str) -> MaterializeResult:
    with warehouse.get_connection() as conn:
        run_in_transaction(conn, f"reference/{name}")
        metadata = table_metadata(conn, f"reference.{name}")
    return MaterializeResult(metadata={**metadata, "sql_file": f"sql/reference/{name}.sql"})


reference_assets = [
    *(_reference_asset(name, text) for name, text in REFERENCE_TABLES.items()),
    region_membership,
    municipality_code_map,
    harm_weight_sets,
    crime_type_paths,
]
