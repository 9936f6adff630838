"""Validation rules for each raw source, as plain data.

``pipeline.quality`` turns them into a Great Expectations suite. Keeping them as data lets tests
read them and keeps GX's slow import out of everything but the checks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assets.sources import SOURCES

COUNT_PATTERN = r"^[0-9]+$"
# CBS StatLine marks a suppressed or unavailable cell with "." (an empty cell arrives as null).
CBS_COUNT_PATTERN = r"^(?:[0-9]+|\.)$"


@dataclass(frozen=True)
class Rule:
    """One expectation: ``kind`` names the check, ``column`` the column it looks at."""

    kind: str  # not_null | match_regex | in_set | unique | columns_match
    column: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def describe(self) -> str:
        if self.kind == "match_regex":
            return f"must match {self.params['regex']}"
        if self.kind == "in_set":
            return f"must be one of the {self.params['set_name']}"
        if self.kind == "unique":
            return "must be unique"
        if self.kind == "not_null":
            return "must not be empty"
        return self.kind


@dataclass(frozen=True)
class KnownValues:
    """Sets a raw file is validated against, read from the warehouse's reference tables."""

    municipality_codes: frozenset[str]
    crime_type_codes: frozenset[str]
    drug_site_types: frozenset[str]
    reporting_sectors: frozenset[str]


def raw_rules(source_name: str, year: int, known: KnownValues) -> list[Rule]:
    """The rules a raw file of ``source_name`` for ``year`` must satisfy."""
    source = SOURCES[source_name]
    rules = [Rule("columns_match", params={"columns": list(source.columns)})]
    rules += [Rule("not_null", column) for column in source.columns]
    municipalities = {
        "value_set": sorted(known.municipality_codes),
        "set_name": "municipality codes of the 2025 division",
    }
    if source_name == "incidents":
        rules += [
            Rule("match_regex", "ID", {"regex": COUNT_PATTERN}),
            Rule(
                "in_set",
                "SoortMisdrijf",
                {
                    "value_set": sorted(known.crime_type_codes),
                    "set_name": "known crime types (data/reference/crime_types.csv)",
                },
            ),
            Rule("in_set", "RegioS", municipalities),
            Rule(
                "in_set",
                "Perioden",
                {"value_set": [f"{year}JJ00"], "set_name": f"period {year}JJ00 of the partition"},
            ),
            Rule("match_regex", "TotaalGeregistreerdeMisdrijven_1", {"regex": CBS_COUNT_PATTERN}),
        ]
    elif source_name == "population":
        rules += [
            Rule("in_set", "RegioS", municipalities),
            Rule(
                "in_set",
                "Perioden",
                {"value_set": [f"{year}JJ00"], "set_name": f"period {year}JJ00 of the partition"},
            ),
            Rule("match_regex", "BevolkingOp1Januari_1", {"regex": COUNT_PATTERN}),
        ]
    elif source_name == "drug_sites":
        rules += [
            Rule("unique", "registratienummer"),
            Rule(
                "match_regex",
                "datum",
                {"regex": rf"^{year}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$"},
            ),
            Rule("in_set", "gemeentecode", municipalities),
            Rule(
                "in_set",
                "soort_locatie",
                {
                    "value_set": sorted(known.drug_site_types),
                    "set_name": "site types (data/reference/drug_site_types.csv)",
                },
            ),
        ]
    elif source_name == "financial":
        rules += [
            Rule(
                "in_set",
                "jaar",
                {"value_set": [str(year)], "set_name": f"year {year} of the partition"},
            ),
            Rule("in_set", "gemeentecode", municipalities),
            Rule(
                "in_set",
                "meldersgroep",
                {
                    "value_set": sorted(known.reporting_sectors),
                    "set_name": "FIU reporting sectors (data/reference/fiu_reporting_sectors.csv)",
                },
            ),
            Rule("match_regex", "ongebruikelijke_transacties", {"regex": COUNT_PATTERN}),
            Rule("match_regex", "verdachte_transacties", {"regex": COUNT_PATTERN}),
            Rule("match_regex", "verdacht_bedrag_eur", {"regex": COUNT_PATTERN}),
        ]
    else:
        raise KeyError(f"no rules for source {source_name!r}")
    return rules
