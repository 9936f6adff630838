"""The data quality of the sample ReportData: checks, quarantine, CBS's aggregates against
their municipalities, the input files and the provisional years."""

import polars as pl

# A passed file check, and a jump warning whose summary names a small municipal count.
DATA_QUALITY = {
    "asset_key": ["raw/incidents", "staging/stg_incidents__crimes"],
    "check_name": ["incidents_file_is_valid", "no_implausible_jumps"],
    "severity": ["error", "warning"],
    "passed": [True, False],
    "rows_checked": [40, 3],
    "rules_checked": [10, 1],
    "failed_values": [0, 0],
    "summary": ["All rules hold.", "3 cell(s) ...: GM0999 CRI1200 2 -> 13"],
}
# The one jump above that may be named (its values reach the disclosure threshold).
LARGEST_JUMPS = {
    "asset_key": ["staging/stg_incidents__crimes"],
    "position": [1],
    "municipality_name": ["Voorbeeldstad"],
    "item": ["CRI1200"],
    "item_nl": ["Diefstal"],
    "item_en": ["Theft"],
    "previous_value": [15],
    "value": [60],
}
# Nothing set aside: an empty frame of the quarantine's columns.
QUARANTINE = pl.Schema(
    {
        "asset_key": pl.String,
        "check_name": pl.String,
        "reason": pl.String,
        "rows_set_aside": pl.Int64,
    }
)
# CBS's totals against their municipalities: the national one 125 apart (a rare crime).
AGGREGATE_RECONCILIATION = {
    "source": ["incidents", "incidents", "population"],
    "region_level": ["country", "province", "country"],
    "compared": [75, 900, 1],
    "within_rounding": [75, 899, 1],
    "largest_gap": [125, 60, 0],
    "largest_gap_region": ["Nederland", "Zeeland", "Nederland"],
    "largest_gap_item": ["CRI3624", "CRI1200", "inhabitants"],
    "largest_gap_item_nl": ["3.6 Mensenhandel", "1.2 Bedrog", None],
    "largest_gap_item_en": ["Human trafficking", "Fraud (deception)", None],
}
INPUT_FILES = {
    "year": [2025],
    "source": ["incidents"],
    "source_file": ["83648NED_2025.csv"],
    "source_sha256": ["0" * 64],
    "is_synthetic": [True],
}
# No provisional year: an empty frame.
PROVISIONAL_YEARS = pl.Schema({"year": pl.Int64})
