"""CBS labels mapped back to codes through the code lists in data/reference. No Dagster here.

A StatLine "Downloaden" file names every dimension value by its title ("Groningen (PV)",
"1.1.1 Diefstal en inbraak met geweld", "2016*"); the loader turns them into the codes an OData
file would hold, so that every shape reaches raw alike. A label that maps to no code is returned
as None and the reader reports it with the file and row.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pipeline.domain.files.cbs_tables import normalised_title
from pipeline.domain.files.divisions import Divisions, load_divisions

REGION = "RegioS"
PERIOD = "Perioden"
CRIME_TYPE = "SoortMisdrijf"
# StatLine marks a region's level after its name; a municipality may carry "(gemeente)".
_LEVEL_SUFFIX = re.compile(r"^(?P<name>.*?)\s*\((?P<level>PV|LD|RE|CR|gemeente|gem\.)\)$", re.I)
_SUFFIX_LEVEL = {"pv": "province", "ld": "landsdeel", "re": "police_unit"}
_PERIOD_LABEL = re.compile(r"^(?P<year>\d{4})(?:JJ00)?(?P<mark>\*{0,2})$")
_NUMBERING = re.compile(r"^\d+(?:\.\d+)*$")


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class CodeLists:
    crime_titles: dict[str, tuple[str, ...]]  # code -> its titles (CBS title, dotted label)
    dimension_titles: dict[tuple[str, str], dict[str, str]]  # (table, dim) -> code -> title
    aggregates: tuple[tuple[str, str, str], ...]  # (code, level, name)
    divisions: Divisions
    _year_names: dict[int, dict[str, str]] = field(default_factory=dict, compare=False)

    @cached_property
    def _crime_by_number(self) -> dict[str, str]:
        by_number: dict[str, str] = {}
        for code, titles in self.crime_titles.items():
            first = titles[0].split(" ", 1)[0]
            if _NUMBERING.match(first):
                by_number[first.replace(".", "")] = code
        return by_number

    @cached_property
    def _crime_by_title(self) -> dict[str, str]:
        return {_key(title): code for code, titles in self.crime_titles.items() for title in titles}

    def crime_type(self, label: str) -> str | None:
        label = label.strip()
        if label in self.crime_titles:
            return label
        first = label.split(" ", 1)[0]
        if _NUMBERING.match(first):
            return self._crime_by_number.get(first.replace(".", ""))
        return self._crime_by_title.get(_key(label))

    def period(self, label: str) -> str | None:
        match = _PERIOD_LABEL.match(label.strip())
        if match is None:
            return None
        # '*' provisional, '**' nader voorlopig: both still provisional.
        return f"{match['year']}JJ00" + ("*" if match["mark"] else "")

    def _municipality_names(self, year: int) -> dict[str, str]:
        if year not in self._year_names:
            names = self.divisions.names()
            self._year_names[year] = {
                _key(names[code]): code for code in self.divisions.in_year(year)
            }
        return self._year_names[year]

    def region(self, label: str, year: int | None) -> str | None:
        label = label.strip()
        if label in {code for code, _, _ in self.aggregates} or re.match(r"^GM\d{4}$", label):
            return label
        if _key(label) == "nederland":
            return "NL01"
        match = _LEVEL_SUFFIX.match(label)
        name, level = (match["name"], match["level"].casefold()) if match else (label, "")
        if level in _SUFFIX_LEVEL:
            if _key(name) == "niet in te delen":
                return f"{level.upper()}99"
            for code, code_level, code_name in self.aggregates:
                if code_level == _SUFFIX_LEVEL[level] and _key(code_name) == _key(name):
                    return code
            return None
        if _key(name) == "niet in te delen":
            return "GM0999"
        if level == "cr" or year is None:
            return None
        return self._municipality_names(year).get(_key(name))

    def dimension(self, table_id: str, dimension: str, label: str) -> str | None:
        titles = self.dimension_titles.get((table_id, dimension), {})
        label = label.strip()
        if label in titles:
            return label
        wanted = normalised_title(label)
        for code, title in titles.items():
            if normalised_title(title) == wanted:
                return code
        return None

    def code_for(self, table_id: str, dimension: str, label: str, year: int | None) -> str | None:
        """The code of ``label`` in ``dimension`` (``year`` picks the municipal division)."""
        if dimension == REGION:
            return self.region(label, year)
        if dimension == PERIOD:
            return self.period(label)
        if dimension == CRIME_TYPE:
            return self.crime_type(label)
        return self.dimension(table_id, dimension, label)

    def total_code(self, table_id: str, dimension: str) -> str | None:
        """The dimension's total ("Totaal ..."), assumed where a download leaves it out."""
        for code, title in self.dimension_titles.get((table_id, dimension), {}).items():
            if title.casefold().startswith("totaal"):
                return code
        return None


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_code_lists(reference_dir: Path) -> CodeLists:
    crime_titles: dict[str, tuple[str, ...]] = {
        r["crime_type_code"]: (r["cbs_title"], r["label_nl"])
        for r in _rows(reference_dir / "crime_types.csv")
    }
    dimension_titles: dict[tuple[str, str], dict[str, str]] = {}
    for r in _rows(reference_dir / "cbs_dimension_codes.csv"):
        dimension_titles.setdefault((r["table_id"], r["dimension"]), {})[r["code"]] = r["title"]
    aggregates = tuple(
        (r["region_code"], r["region_level"], r["region_name"])
        for r in _rows(reference_dir / "cbs_aggregate_regions.csv")
    )
    return CodeLists(crime_titles, dimension_titles, aggregates, load_divisions(reference_dir))
