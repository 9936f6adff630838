"""The national figures and invented groups the SYNTHETIC seizure records are made from
(Douane / HARC). No Dagster here."""

from __future__ import annotations

# Seizures (Douane / HARC) ---------------------------------------------------------------------

SEIZURE_DRUGS = ("cocaine", "heroine", "cannabis", "synthetisch", "overig")
# Readable place -> (locatie_type, gemeentecode). Terneuzen has no port seizures in the demo, so
# "Vlissingen + Moerdijk" and "Vlissingen + Moerdijk + Terneuzen" give the same sum.
SEIZURE_PLACES: dict[str, tuple[str, str]] = {
    "Haven Rotterdam": ("haven", "GM0599"),
    "Haven Vlissingen": ("haven", "GM0718"),
    "Haven Moerdijk": ("haven", "GM1709"),
    "Haven Amsterdam": ("haven", "GM0363"),
    "Haven IJmuiden": ("haven", "GM0453"),
    "Schiphol": ("luchthaven", "GM0394"),
    "Eindhoven Airport": ("luchthaven", "GM0772"),
    "Rotterdam The Hague Airport": ("luchthaven", "GM0599"),
    "Maastricht Aachen Airport": ("luchthaven", "GM0888"),
    "Postcentrum Schiphol": ("post", "GM0394"),
    "Postcentrum Nieuwegein": ("post", "GM0356"),
    "A16 Breda": ("weg", "GM0758"),
    "A58 Roosendaal": ("weg", "GM1674"),
    "A4 Bergen op Zoom": ("weg", "GM0748"),
    "A2 Maastricht": ("weg", "GM0935"),
    "A67 Venlo": ("weg", "GM0983"),
    "A12 Zevenaar": ("weg", "GM0299"),
    "A1 Oldenzaal": ("weg", "GM0173"),
}
SEIZURE_CALIBRATION = {
    "rotterdam_cocaine": ("cocaine_seized_rotterdam_port_harc",),
    "rotterdam_all": ("drugs_seized_rotterdam_port_om",),
    "zeeland_all": ("drugs_seized_zeeland_westbrabant_ports",),
    "national_cocaine": ("cocaine_seized_nl_ports_airports_douane",),
}
# INVENTED kg: cocaine at Rotterdam port where no HARC figure exists; other drugs at Rotterdam
# port; all drugs at Vlissingen + Moerdijk; cocaine at the other ports and the airports.
SEIZURE_INVENTED: dict[str, dict[int, int]] = {
    "rotterdam_cocaine": {2025: 22000},
    "rotterdam_other": {
        2015: 1800, 2016: 2100, 2017: 1500, 2018: 2000, 2019: 2400, 2020: 2600,
        2021: 3000, 2022: 2500, 2023: 2200, 2024: 1700, 2025: 1500,
    },
    "zeeland_all": {
        2015: 1200, 2016: 2000, 2017: 1800, 2018: 3000, 2019: 4200, 2020: 4000,
        2021: 6500, 2022: 3000, 2025: 9000,
    },
    "other_cocaine": {
        2015: 2200, 2016: 2600, 2017: 2400, 2018: 2900, 2019: 3300, 2021: 3600,
        2024: 3000, 2025: 2800,
    },
}  # fmt: skip
ZEELAND_COCAINE_SHARE = 0.9
MIN_OTHER_COCAINE_KG = 500  # ports + airports outside Rotterdam/Zeeland in calibrated years
# Uncalibrated record groups (INVENTED): places with probabilities, drugs with probabilities,
# expected records in 2015 (+3% a year), median kg, lognormal sigma, minimum weight in 0.1 kg.
_FreeGroup = tuple[dict[str, float], dict[str, float], int, float, float, int]
SEIZURE_FREE_GROUPS: tuple[_FreeGroup, ...] = (
    (
        {"Schiphol": 0.8, "Eindhoven Airport": 0.1, "Rotterdam The Hague Airport": 0.05,
         "Maastricht Aachen Airport": 0.05},
        {"heroine": 0.15, "cannabis": 0.3, "synthetisch": 0.35, "overig": 0.2},
        80, 3.0, 1.2, 1,
    ),
    (
        {"Haven Amsterdam": 0.7, "Haven IJmuiden": 0.3},
        {"heroine": 0.1, "cannabis": 0.5, "synthetisch": 0.25, "overig": 0.15},
        15, 150.0, 1.5, 10,
    ),
    (
        {"Postcentrum Schiphol": 0.7, "Postcentrum Nieuwegein": 0.3},
        {"cocaine": 0.15, "heroine": 0.05, "cannabis": 0.2, "synthetisch": 0.5, "overig": 0.1},
        280, 0.4, 1.3, 1,
    ),
    (
        {"A16 Breda": 0.25, "A58 Roosendaal": 0.1, "A4 Bergen op Zoom": 0.1, "A2 Maastricht": 0.15,
         "A67 Venlo": 0.15, "A12 Zevenaar": 0.15, "A1 Oldenzaal": 0.1},
        {"cocaine": 0.15, "heroine": 0.1, "cannabis": 0.45, "synthetisch": 0.25, "overig": 0.05},
        90, 20.0, 1.6, 1,
    ),
)  # fmt: skip
# Inland seizures (locatie_type binnenland): spread by population x drugs hotspot.
SEIZURE_INLAND = (
    {"cocaine": 0.25, "heroine": 0.05, "cannabis": 0.35, "synthetisch": 0.3, "overig": 0.05},
    200,
    8.0,
    1.8,
    1,
)
# Country of departure (ISO 3166-1 alpha-2) per drug, with overrides per locatie_type (INVENTED).
SEIZURE_COUNTRIES: dict[tuple[str, str | None], dict[str, float]] = {
    ("cocaine", None): {"EC": 0.32, "CO": 0.16, "BR": 0.13, "PA": 0.12, "CR": 0.09, "DO": 0.07,
                        "SR": 0.05, "GY": 0.04, "CL": 0.02},
    ("cocaine", "luchthaven"): {"SR": 0.3, "CW": 0.15, "BR": 0.15, "CO": 0.1, "DO": 0.1,
                                "PE": 0.05, "AW": 0.05, "EC": 0.05, "PA": 0.05},
    ("cocaine", "post"): {"SR": 0.3, "CW": 0.2, "BR": 0.2, "CO": 0.15, "PE": 0.15},
    ("cocaine", "weg"): {"BE": 0.5, "ES": 0.25, "FR": 0.15, "DE": 0.1},
    ("heroine", None): {"TR": 0.5, "IR": 0.15, "PK": 0.15, "IN": 0.1, "BG": 0.1},
    ("heroine", "weg"): {"TR": 0.3, "BG": 0.3, "DE": 0.2, "BE": 0.2},
    ("cannabis", None): {"MA": 0.55, "ES": 0.35, "LB": 0.05, "AL": 0.05},
    ("cannabis", "luchthaven"): {"US": 0.4, "CA": 0.3, "TH": 0.3},
    ("synthetisch", None): {"NL": 0.85, "BE": 0.1, "DE": 0.05},
    ("synthetisch", "haven"): {"NL": 1.0},
    ("overig", None): {"ET": 0.25, "KE": 0.25, "CN": 0.25, "IN": 0.15, "NL": 0.1},
    ("*", "binnenland"): {"NL": 0.9, "BE": 0.06, "DE": 0.04},
}  # fmt: skip

SEIZURE_SERIES = {
    "rotterdam_cocaine": "seizures kg cocaine, haven Rotterdam",
    "rotterdam_all": "seizures kg all drugs, haven Rotterdam",
    "zeeland_all": "seizures kg all drugs, haven Vlissingen + Moerdijk",
    "national_cocaine": "seizures kg cocaine, haven + luchthaven NL",
    "records": "seizures records",
}


# --------------------------------------------------------------------------------------------
# Seizures (Douane / HARC: record per seizure)
# --------------------------------------------------------------------------------------------
