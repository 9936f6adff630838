"""Reference assets: the committed facts in data/reference/ loaded into the warehouse."""

from collections.abc import Iterator

from dagster import AssetExecutionContext, AssetSpec, MaterializeResult, multi_asset
from dagster_duckdb import DuckDBResource

from assets.reference import LAYER
from pipeline.plumbing.metadata import table_metadata
from pipeline.plumbing.resources import ProjectPaths
from pipeline.plumbing.sql_asset_factory import SqlModel, whole_table_sql_assets
from pipeline.plumbing.sql_runner import run_in_transaction

REFERENCE_TABLES: dict[str, str] = {
    "municipalities": "The 342 municipalities of the 2025 division with province, police unit, "
    "RIEC region and population.",
    "provinces": "The 12 provinces, with their CBS codes (PV20-PV31) and names.",
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


@multi_asset(
    name="reference_tables",
    specs=[
        AssetSpec(name, group_name="reference", description=text, kinds={"duckdb", "csv"})
        for name, text in REFERENCE_TABLES.items()
    ],
    # One step (and one connection) loads whichever of the tables a run selects: a step each
    # cost more in Dagster's bookkeeping than loading the small CSV file.
    can_subset=True,
    pool="duckdb",
)
def reference_tables(
    context: AssetExecutionContext, warehouse: DuckDBResource, paths: ProjectPaths
) -> Iterator[MaterializeResult]:
    with warehouse.get_connection() as conn:
        for key in sorted(context.selected_asset_keys):
            name = key.path[-1]
            path = paths.reference_file(name)
            run_in_transaction(conn, f"reference/{name}", {"path": str(path)})
            metadata = table_metadata(conn, f"reference.{name}")
            yield MaterializeResult(asset_key=key, metadata={**metadata, "source_file": str(path)})


# Tables the warehouse derives from the committed facts, rebuilt whole on every run.
DERIVED_TABLES = (
    SqlModel(
        "region_membership",
        "reference",
        "Every region each municipality belongs to (itself, RIEC region, province, the "
        "Netherlands): the one definition of the region hierarchy the marts roll up by.",
        ("municipalities",),
    ),
    SqlModel(
        "municipality_code_map",
        "reference",
        "Every municipality code a source may use (the 2025 division and older ones), with the "
        "2025 municipalities it maps to and their shares, through chains of changes.",
        ("municipalities", "municipal_reclassifications"),
    ),
    SqlModel(
        "harm_weight_sets",
        "reference",
        "Every harm weight set, one weight per phenomenon: the sets given in harm_weights.csv, "
        "the harm-matrix set (Paoli & Greenfield) and the statutory-maximum set (after the "
        "Cambridge Crime Harm Index).",
        ("harm_weights", "harm_matrix", "harm_severity_scale", "statutory_maxima"),
    ),
    SqlModel(
        "crime_type_paths",
        "reference",
        "Every crime type with each of its ancestors in the SoortMisdrijf hierarchy: what lets "
        "a phenomenon count a code from its parts when a file does not hold the code.",
        ("crime_types",),
    ),
)

reference_assets = [reference_tables, *whole_table_sql_assets(LAYER, DERIVED_TABLES)]
