"""Validation rules for each raw source, as plain data.

``pipeline.plumbing.check_runner`` turns them into a Great Expectations suite. Keeping them as
data lets tests read them and keeps GX's slow import out of everything but the checks. Sets of
allowed codes are named (``known``): the check reads them from the warehouse's reference tables.

One suite checks every year of a source at once: a rule that depends on the year partition (a
date in the year, the year's CBS period) looks at a copy of its column in which each row's own
partition year is written ``<year>`` (``PARTITION_COPY``, made where the rows are read for the
check: ``pipeline.plumbing.checked_rows``), and a key identifies one row within its year.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, NamedTuple

from pipeline.domain.files.sources import SOURCES


class Pattern(NamedTuple):
    regex: str
    meaning: str  # for the messages


# Counts stay below a billion and euro amounts below ten trillion: anything larger is a broken
# cell, not a figure.
COUNT = Pattern(r"^[0-9]{1,9}$", "a whole number from 0 to 999999999")
# CBS marks a suppressed or unavailable cell with "." (an empty cell arrives as null, and passes).
CBS_COUNT = Pattern(r"^(?:[0-9]{1,9}|\.|)$", "a whole number from 0 to 999999999, '.' or empty")
EUROS = Pattern(r"^[0-9]{1,13}$", "whole euros from 0 to 9999999999999")
# A weight in kg with a Dutch decimal comma and one decimal, as the customs records write it.
KILOGRAMS = Pattern(r"^[0-9]{1,6}(?:,[0-9])?$", "kilograms such as 1250,5 (decimal comma)")
AMOUNT = Pattern(r"^[0-9]{1,13}(?:\.[0-9]{2})?$", "an amount in euros such as 1250.00")
COUNTRY = Pattern(r"^[A-Z]{2}$", "an ISO 3166 two-letter country code")
WHOLE_ID = Pattern(r"^[0-9]{1,9}$", "a row number")
# A real calendar date written YYYY-MM-DD (months of 30 and 31 days, 29 February only in a leap
# year), as a pattern: matched on a whole column at once, where parsing each value with strptime
# takes seconds per million rows.
_MONTH_DAY = r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"  # noqa: E501
_LEAP_YEAR = r"(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
REAL_DATE = Pattern(
    rf"^(?:[0-9]{{4}}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)$", "a real date written YYYY-MM-DD"
)


class Choice(NamedTuple):
    values: tuple[str, ...]
    meaning: str  # for the messages


FLAG = Choice(("0", "1"), "flags 0 or 1")

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

    @property
    def shown_column(self) -> str | None:
        """The delivered column a failure names (a rule may look at a derived copy of it)."""
        shown = self.params.get("shown_as", self.column)
        return None if shown is None else str(shown)

    def describe_for(self, year: int | None) -> str:
        """``describe``, with a partition year rule's year filled in."""
        text = self.describe()
        return text if year is None else text.replace(YEAR_MARK, str(year))

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
            shown = self.params.get("shown", self.params["columns"])
            return f"with {', '.join(shown)} must identify one row only"
        if self.kind == "not_null":
            return "must not be empty"
        return self.kind


class Partition(Enum):
    """Checks that depend on the year partition the file is loaded into."""

    DATE = "a real date in the year"
    PERIOD = "the year's CBS period"
    YEAR = "the year itself"


# Per source, what each column must hold beyond not being empty: a pattern, a choice, the name
# of a set of known values (KNOWN_SETS) or a check of the year partition.
Check = Pattern | Choice | str | Partition
COLUMN_CHECKS: dict[str, dict[str, Check]] = {
    "incidents": {
        "ID": WHOLE_ID, "SoortMisdrijf": "crime_type_codes", "RegioS": "cbs_region_codes",
        "Perioden": Partition.PERIOD, "TotaalGeregistreerdeMisdrijven_1": CBS_COUNT,
    },
    "population": {
        "ID": WHOLE_ID, "RegioS": "cbs_region_codes", "Perioden": Partition.PERIOD,
        "BevolkingOp1Januari_1": COUNT,
    },
    "drug_sites": {
        "datum": Partition.DATE, "gemeentecode": "municipality_codes",
        "soort_locatie": "drug_site_types", "drugssoort": "drugs", "omgeving": "site_settings",
    },
    "financial": {
        "jaar": Partition.YEAR, "gemeentecode": "municipality_codes",
        "meldersgroep": "reporting_sectors", "ongebruikelijke_transacties": COUNT,
        "verdachte_transacties": COUNT, "verdacht_bedrag_eur": EUROS,
    },
    "seizures": {
        "datum": Partition.DATE, "locatie_type": "seizure_location_types",
        "gemeentecode": "municipality_codes", "drugssoort": "drugs", "gewicht_kg": KILOGRAMS,
        "land_van_vertrek": COUNTRY,
    },
    "signals": {
        "jaar": Partition.YEAR, "gemeentecode": "municipality_codes", "thema": "signal_themes",
        "aantal_meldingen": COUNT,
    },
    "establishments": {
        "ID": WHOLE_ID, "BedrijfstakkenBranchesSBI2008": "sbi_sections",
        "RegioS": "cbs_region_codes", "Perioden": Partition.PERIOD, "Vestigingen_1": CBS_COUNT,
    },
    "seized_assets": {
        "jaar": Partition.YEAR, "gemeentecode": "municipality_codes",
        "soort_beslag": "seized_asset_types", "aantal_zaken": COUNT, "waarde_eur": EUROS,
    },
    "unusual_transactions": {
        "datum": Partition.DATE, "meldersgroep": "reporting_sectors",
        "gemeentecode": "municipality_codes", "bedrag_eur": AMOUNT, "verdacht": FLAG,
    },
    "emergency_freezes": {
        "datum": Partition.DATE, "gemeentecode": "municipality_codes",
        "meldersgroep": "reporting_sectors", "bevroren_bedrag_eur": EUROS,
    },
}  # fmt: skip


def _in(column: str, known: Mapping[str, frozenset[str]], name: str) -> Rule:
    values = sorted(known[name])
    return Rule("in_set", column, {"value_set": values, "set_name": KNOWN_SETS[name]})


def _equals(column: str, value: str, what: str, extra: Iterable[str] = ()) -> Rule:
    return Rule("in_set", column, {"value_set": [value, *extra], "set_name": what})


def _matches(column: str, pattern: Pattern) -> Rule:
    return Rule("match_regex", column, {"regex": pattern.regex, "meaning": pattern.meaning})


# A row's own partition year, in the copy of a column that a partition year rule looks at.
YEAR_MARK = "<year>"
PARTITION_COPY = " (partition year)"


def _partition_rules(column: str, check: Partition) -> list[Rule]:
    year, copy = YEAR_MARK, column + PARTITION_COPY
    if check is Partition.DATE:
        in_year = _matches(copy, Pattern(rf"^{year}-[0-9]{{2}}-[0-9]{{2}}$", f"a date in {year}"))
        return [Rule("date", column), _shown_as(in_year, column)]
    if check is Partition.PERIOD:
        # CBS marks a provisional year with an asterisk; staging keeps it as is_provisional.
        what = f"period {year}JJ00 of the partition ({year}JJ00* if provisional)"
        return [_shown_as(_equals(copy, f"{year}JJ00", what, extra=(f"{year}JJ00*",)), column)]
    return [_shown_as(_equals(copy, year, f"year {year} of the partition"), column)]


def _shown_as(rule: Rule, column: str) -> Rule:
    return Rule(rule.kind, rule.column, {**rule.params, "shown_as": column})


def partition_columns(source_name: str) -> list[str]:
    """The columns of a source whose rules depend on the row's partition year."""
    checks = COLUMN_CHECKS[source_name]
    return [column for column, check in checks.items() if isinstance(check, Partition)]


def _column_rules(column: str, check: Check, known: Mapping[str, frozenset[str]]) -> list[Rule]:
    if isinstance(check, Partition):
        return _partition_rules(column, check)
    if isinstance(check, Pattern):
        return [_matches(column, check)]
    if isinstance(check, Choice):
        return [_equals(column, check.values[0], check.meaning, extra=check.values[1:])]
    return [_in(column, known, check)]


def _specific_rules(source_name: str, known: Mapping[str, frozenset[str]]) -> list[Rule]:
    if source_name not in COLUMN_CHECKS:
        raise KeyError(f"no rules for source {source_name!r}")
    checks = COLUMN_CHECKS[source_name]
    return [
        rule for column, check in checks.items() for rule in _column_rules(column, check, known)
    ]


def raw_rules(source_name: str, known: Mapping[str, frozenset[str]]) -> list[Rule]:
    """The rules the raw rows of ``source_name`` must satisfy, for any number of years (see
    ``PARTITION_COPY``)."""
    source = SOURCES[source_name]
    rules = [Rule("columns_match", params={"columns": list(source.columns)})]
    # A CBS table's keys must be there; its cells may be empty (CBS leaves unknown cells empty,
    # and a file need not hold every measure).
    required = source.cbs_table.dimensions if source.cbs_table else source.columns
    rules += [Rule("not_null", column) for column in required]
    # A key identifies one row within its year (each year comes from its own file or rows).
    key = {"columns": [*source.key, "partition_year"], "shown": list(source.key)}
    rules.append(Rule("unique_together", source.key[0], key))
    return rules + _specific_rules(source_name, known)
