"""The expected outcome of each file with bad values of tests/fixtures/bad/ (test_bad_files.py):
every value the blocking check rejects, with its row, column and reason."""

from __future__ import annotations

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
