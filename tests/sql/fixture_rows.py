"""The raw rows of the fixture years 2023 and 2024, as the delivered files hold them (strings).

The numbers in the tests' hand-computed expectations come from these rows and the geography of
fixture_reference.py."""

from __future__ import annotations

# Population breakdown keys for the all-sexes, all-ages, all-marital-states total.
POP_TOTAL = ("T001038", "10000", "T001019")


def incident(crime_type: str, region: str, value: str | None, year: int = 2024) -> tuple:
    return ("0", crime_type, region, f"{year}JJ00", value)


def population(region: str, value: str, year: int = 2024, keys=POP_TOTAL) -> tuple:
    return ("0", *keys, region, f"{year}JJ00", value)


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
