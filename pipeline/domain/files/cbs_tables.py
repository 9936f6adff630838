"""The CBS tables the pipeline reads, as CBS publishes them: dimensions, measures, rounding.

Pure data, no Dagster. Every delivered shape of a table (OData v3 TypedDataSet, OData v4
Observations, StatLine label download) is read into the same columns: the table's OData v3 keys.
Measures are recognised by their v3 key, their v4 identifier where it is known, or their title
(v4 MeasureCodes, StatLine column labels); see data/reference/README.md for the sources.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Cells of measures the pipeline does not know (a measure CBS adds later) are kept, as JSON, here.
OTHER_CELLS = "other_cells"
# Every delivered row's file, for tables that one year may take from several files.
SOURCE_FILE = "source_file"


@dataclass(frozen=True)
class Measure:
    key: str  # the OData v3 key, the raw column's name
    titles: tuple[str, ...]  # CBS titles and StatLine labels it is known by (normalised on use)
    v4_identifiers: tuple[str, ...] = ()  # OData v4 Measure codes seen in real use


@dataclass(frozen=True)
class CbsTable:
    table_id: str
    title: str
    dimensions: tuple[str, ...]  # v3 keys, in the table's order (Perioden last)
    dimension_labels: dict[str, tuple[str, ...]]  # StatLine column labels of each dimension
    measures: tuple[Measure, ...]
    used_measure: str  # the measure the pipeline counts with
    # CBS rounds the used measure to a multiple of this (1: not rounded).
    rounding_base: int
    # Dimensions a download may leave out when it holds only their total, with that total's code.
    assumable_totals: tuple[tuple[str, str], ...] = ()

    @property
    def statline_file_prefix(self) -> str:
        """How StatLine's "Downloaden" names the file: the title with ';', ',' and spaces as
        '_', then the date and time (Geregistreerde_criminaliteit__soort_misdrijf__regio_...)."""
        return re.sub(r"[;, ]", "_", self.title)

    @property
    def assumed_totals(self) -> dict[str, str]:
        return dict(self.assumable_totals)

    @property
    def measure_keys(self) -> tuple[str, ...]:
        return tuple(measure.key for measure in self.measures)

    @property
    def columns(self) -> tuple[str, ...]:
        """The raw table's delivered columns."""
        return ("ID", *self.dimensions, *self.measure_keys, OTHER_CELLS)

    @property
    def key(self) -> tuple[str, ...]:
        return self.dimensions

    def measure_for_title(self, title: str) -> Measure | None:
        """The measure a v4 MeasureCodes title or a StatLine column label names, if any."""
        # A StatLine header names the measure in its last level, or only with the levels above.
        levels = [part for part in re.split(r"\|+", title) if part.strip()]
        forms = [
            normalised_title(levels[-1] if levels else title),
            normalised_title(" ".join(levels)),
        ]
        for form in forms:
            for measure in self.measures:
                if any(normalised_title(name) == form for name in (measure.key, *measure.titles)):
                    return measure
        return None

    def measure_for_identifier(self, identifier: str) -> Measure | None:
        for measure in self.measures:
            if identifier == measure.key or identifier in measure.v4_identifiers:
                return measure
        return None


def normalised_title(text: str) -> str:
    """A title or label reduced to what identifies it: StatLine puts the unit in brackets, and
    spaces, case, accents and punctuation vary."""
    text = re.sub(
        r"\((aantal|absoluut|%|per 1 ?000 inw(oners|\.)?|x ?1 ?000)\)\s*$", "", text.strip()
    )
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.lower().replace("1 000", "1000")
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


INCIDENTS_TABLE = CbsTable(
    table_id="83648NED",
    title="Geregistreerde criminaliteit; soort misdrijf, regio",
    dimensions=("SoortMisdrijf", "RegioS", "Perioden"),
    dimension_labels={
        "SoortMisdrijf": ("Soort misdrijf", "Soort misdrijven"),
        "RegioS": ("Regio's", "Regio", "Regios"),
        "Perioden": ("Perioden", "Periode"),
    },
    measures=(
        Measure(
            "TotaalGeregistreerdeMisdrijven_1",
            (
                "Totaal geregistreerde misdrijven",
                "Geregistreerde misdrijven, totaal",
                "Totaal geregistreerde misdrijven (absoluut)",
                "Geregistreerde misdrijven",
            ),
            ("M004200_2",),
        ),
        Measure(
            "GeregistreerdeMisdrijvenRelatief_2",
            ("Geregistreerde misdrijven, relatief", "Geregistreerde misdrijven relatief"),
        ),
        Measure(
            "GeregistreerdeMisdrijvenPer1000Inw_3",
            (
                "Geregistreerde misdrijven per 1000 inwoners",
                "Geregistreerde misdrijven per 1000 inw.",
                "Per 1000 inwoners",
            ),
            ("M004200_4",),
        ),
        Measure(
            "TotaalOpgehelderdeMisdrijven_4",
            ("Totaal opgehelderde misdrijven", "Opgehelderde misdrijven, totaal"),
        ),
        Measure(
            "OpgehelderdeMisdrijvenRelatief_5",
            ("Opgehelderde misdrijven, relatief", "Opgehelderde misdrijven relatief"),
        ),
        Measure("RegistratiesVanVerdachten_6", ("Registraties van verdachten",)),
    ),
    used_measure="TotaalGeregistreerdeMisdrijven_1",
    rounding_base=5,
)

POPULATION_TABLE = CbsTable(
    table_id="03759NED",
    title="Bevolking op 1 januari en gemiddeld; geslacht, leeftijd en regio",
    dimensions=("Geslacht", "Leeftijd", "BurgerlijkeStaat", "RegioS", "Perioden"),
    dimension_labels={
        "Geslacht": ("Geslacht",),
        "Leeftijd": ("Leeftijd",),
        "BurgerlijkeStaat": ("Burgerlijke staat",),
        "RegioS": ("Regio's", "Regio", "Regios"),
        "Perioden": ("Perioden", "Periode"),
    },
    measures=(
        Measure("BevolkingOp1Januari_1", ("Bevolking op 1 januari",), ("M000352",)),
        Measure("GemiddeldeBevolking_2", ("Gemiddelde bevolking",), ("M000365",)),
    ),
    used_measure="BevolkingOp1Januari_1",
    rounding_base=1,
    assumable_totals=(
        ("Geslacht", "T001038"),
        ("Leeftijd", "10000"),
        ("BurgerlijkeStaat", "T001019"),
    ),
)

ESTABLISHMENTS_TABLE = CbsTable(
    table_id="81575NED",
    title="Vestigingen van bedrijven; bedrijfstak, gemeente",
    dimensions=("BedrijfstakkenBranchesSBI2008", "RegioS", "Perioden"),
    dimension_labels={
        "BedrijfstakkenBranchesSBI2008": (
            "Bedrijfstakken/branches (SBI 2008)",
            "Bedrijfstakken/branches SBI 2008",
            "Bedrijfstakken",
        ),
        "RegioS": ("Regio's", "Regio", "Regios"),
        "Perioden": ("Perioden", "Periode"),
    },
    measures=(Measure("Vestigingen_1", ("Vestigingen", "Vestigingen van bedrijven")),),
    used_measure="Vestigingen_1",
    rounding_base=5,
)

CBS_TABLES: dict[str, CbsTable] = {
    table.table_id: table for table in (INCIDENTS_TABLE, POPULATION_TABLE, ESTABLISHMENTS_TABLE)
}


def table_id_of(file_name: str) -> str | None:
    """The CBS table a file name starts with: its id (in any case: v4 writes '03759ned') or the
    name StatLine gives a download of it."""
    upper = file_name.upper()
    for table_id, table in CBS_TABLES.items():
        if upper.startswith(table_id) or file_name.startswith(table.statline_file_prefix + "_"):
            return table_id
    return None
