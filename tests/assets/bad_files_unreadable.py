"""The expected outcome of each unreadable file of tests/fixtures/bad/ (test_bad_files.py): the
raw asset fails with exactly this message, naming the file and, where it can, the row."""

from __future__ import annotations

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
