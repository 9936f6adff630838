"""The tiny reference tables of the SQL tests' warehouse (written as CSVs and loaded by
sql/reference, see reference_files.py).

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
