"""The expected outcome of each tricky but valid file of tests/fixtures/bad/ (test_bad_files.py):
the rows staging holds for the year."""

from __future__ import annotations

# The crime codes of the forgery fixtures: CRI1300 and its three parts.
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
