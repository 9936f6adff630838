"""Validation rules for each raw source, as plain data.

``pipeline.plumbing.check_runner`` turns them into a Great Expectations suite. Keeping them as
data lets tests read them and keeps GX's slow import out of everything but the checks. Sets of
allowed codes are named (``known``): the check reads them from the warehouse's reference tables.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pipeline.domain.files.sources import SOURCES

# Patterns with what they mean, for the messages. Counts stay below a billion and euro amounts
# below ten trillion: anything larger is a broken cell, not a figure.
COUNT = (r"^[0-9]{1,9}$", "a whole number from 0 to 999999999")
# CBS marks a suppressed or unavailable cell with "." (an empty cell arrives as null, and passes).
CBS_COUNT = (r"^(?:[0-9]{1,9}|\.|)$", "a whole number from 0 to 999999999, '.' or empty")
EUROS = (r"^[0-9]{1,13}$", "whole euros from 0 to 9999999999999")
# A weight in kg with a Dutch decimal comma and one decimal, as the customs records write it.
KILOGRAMS = (r"^[0-9]{1,6}(?:,[0-9])?$", "kilograms such as 1250,5 (decimal comma)")
AMOUNT = (r"^[0-9]{1,13}(?:\.[0-9]{2})?$", "an amount in euros such as 1250.00")
COUNTRY = (r"^[A-Z]{2}$", "an ISO 3166 two-letter country code")
WHOLE_ID = (r"^[0-9]{1,9}$", "a row number")

# Named sets of allowed values: the reference table each comes from, for messages.
KNOWN_SETS = {
    "municipality_codes": "municipality codes of the 2025 division or an older one",
    "cbs_region_codes": "region codes of CBS tables: municipalities of the 2025 division or an "
    "older one, NL01, LD01-LD04, PV20-PV31, RE01-RE10 and the 'niet in te delen' codes",
    "crime_type_codes": "known crime types (data/reference/crime_types.csv)",
    "drug_site_types": "site types (data/reference/drug_site_types.csv)",
    "reporting_sectors": "FIU reporting sectors (data/reference/fiu_reporting_sectors.csv)",
    "seizure_location_types": "location types (data/reference/seizure_location_types.csv)",
    "drugs": "drugs (data/reference/drugs.csv)",
    "signal_themes": "themes (data/reference/signal_themes.csv)",
    "sbi_sections": "SBI 2008 keys of CBS (data/reference/cbs_dimension_codes.csv)",
    "seized_asset_types": "asset types (data/reference/seized_asset_types.csv)",
    "site_settings": "settings (data/reference/site_settings.csv)",
}


@dataclass(frozen=True)
class Rule:
    """One expectation: ``kind`` names the check, ``column`` the column it looks at."""

    kind: str  # not_null | match_regex | date | in_set | unique | unique_together | columns_match
    column: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        if self.kind == "match_regex":
            return f"must be {self.params['meaning']}"
        if self.kind == "date":
            return "must be a real date written YYYY-MM-DD"
        if self.kind == "in_set":
            return f"must be one of the {self.params['set_name']}"
        if self.kind == "unique":
            return "must be unique"
        if self.kind == "unique_together":
            return f"with {', '.join(self.params['columns'])} must identify one row only"
        if self.kind == "not_null":
            return "must not be empty"
        return self.kind


def _in(column: str, known: Mapping[str, frozenset[str]], name: str, extra=()) -> Rule:
    values = sorted(known[name] | set(extra))
    return Rule("in_set", column, {"value_set": values, "set_name": KNOWN_SETS[name]})


def _equals(column: str, value: str, what: str, extra=()) -> Rule:
    return Rule("in_set", column, {"value_set": [value, *extra], "set_name": what})


def _matches(column: str, pattern: tuple[str, str]) -> Rule:
    regex, meaning = pattern
    return Rule("match_regex", column, {"regex": regex, "meaning": meaning})


def _date_in(column: str, year: int) -> list[Rule]:
    return [
        Rule("date", column),
        _matches(column, (rf"^{year}-[0-9]{{2}}-[0-9]{{2}}$", f"a date in {year}")),
    ]


def _specific_rules(source_name: str, year: int, known: Mapping[str, frozenset[str]]) -> list[Rule]:
    # CBS marks a provisional year with an asterisk; staging keeps the mark as is_provisional.
    period = (
        f"{year}JJ00",
        f"period {year}JJ00 of the partition ({year}JJ00* if provisional)",
        (f"{year}JJ00*",),
    )
    same_year = (str(year), f"year {year} of the partition")
    rules = {
        "incidents": lambda: [
            _matches("ID", WHOLE_ID),
            _in("SoortMisdrijf", known, "crime_type_codes"),
            _in("RegioS", known, "cbs_region_codes"),
            _equals("Perioden", *period),
            _matches("TotaalGeregistreerdeMisdrijven_1", CBS_COUNT),
        ],
        "population": lambda: [
            _matches("ID", WHOLE_ID),
            _in("RegioS", known, "cbs_region_codes"),
            _equals("Perioden", *period),
            _matches("BevolkingOp1Januari_1", COUNT),
        ],
        "drug_sites": lambda: [
            *_date_in("datum", year),
            _in("gemeentecode", known, "municipality_codes"),
            _in("soort_locatie", known, "drug_site_types"),
            _in("drugssoort", known, "drugs"),
            _in("omgeving", known, "site_settings"),
        ],
        "financial": lambda: [
            _equals("jaar", *same_year),
            _in("gemeentecode", known, "municipality_codes"),
            _in("meldersgroep", known, "reporting_sectors"),
            _matches("ongebruikelijke_transacties", COUNT),
            _matches("verdachte_transacties", COUNT),
            _matches("verdacht_bedrag_eur", EUROS),
        ],
        "seizures": lambda: [
            *_date_in("datum", year),
            _in("locatie_type", known, "seizure_location_types"),
            _in("gemeentecode", known, "municipality_codes"),
            _in("drugssoort", known, "drugs"),
            _matches("gewicht_kg", KILOGRAMS),
            _matches("land_van_vertrek", COUNTRY),
        ],
        "signals": lambda: [
            _equals("jaar", *same_year),
            _in("gemeentecode", known, "municipality_codes"),
            _in("thema", known, "signal_themes"),
            _matches("aantal_meldingen", COUNT),
        ],
        "establishments": lambda: [
            _matches("ID", WHOLE_ID),
            _in("BedrijfstakkenBranchesSBI2008", known, "sbi_sections"),
            _in("RegioS", known, "cbs_region_codes"),
            _equals("Perioden", *period),
            _matches("Vestigingen_1", CBS_COUNT),
        ],
        "seized_assets": lambda: [
            _equals("jaar", *same_year),
            _in("gemeentecode", known, "municipality_codes"),
            _in("soort_beslag", known, "seized_asset_types"),
            _matches("aantal_zaken", COUNT),
            _matches("waarde_eur", EUROS),
        ],
        "unusual_transactions": lambda: [
            *_date_in("datum", year),
            _in("meldersgroep", known, "reporting_sectors"),
            _in("gemeentecode", known, "municipality_codes"),
            _matches("bedrag_eur", AMOUNT),
            _equals("verdacht", "0", "flags 0 or 1", extra=("1",)),
        ],
        "emergency_freezes": lambda: [
            *_date_in("datum", year),
            _in("gemeentecode", known, "municipality_codes"),
            _in("meldersgroep", known, "reporting_sectors"),
            _matches("bevroren_bedrag_eur", EUROS),
        ],
    }
    if source_name not in rules:
        raise KeyError(f"no rules for source {source_name!r}")
    return rules[source_name]()


def raw_rules(source_name: str, year: int, known: Mapping[str, frozenset[str]]) -> list[Rule]:
    """The rules a raw file of ``source_name`` for ``year`` must satisfy."""
    source = SOURCES[source_name]
    rules = [Rule("columns_match", params={"columns": list(source.columns)})]
    # A CBS table's keys must be there; its cells may be empty (CBS leaves unknown cells empty,
    # and a file need not hold every measure).
    required = source.cbs_table.dimensions if source.cbs_table else source.columns
    rules += [Rule("not_null", column) for column in required]
    if len(source.key) == 1:
        rules.append(Rule("unique", source.key[0]))
    else:
        rules.append(Rule("unique_together", source.key[0], {"columns": list(source.key)}))
    return rules + _specific_rules(source_name, year, known)
