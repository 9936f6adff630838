"""The input sources: where their files live and how a file is named for a year.

Pure data, no Dagster: the raw assets, the file lookup and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    name: str  # folder under data/demo/ and data/raw/, and the raw asset's name
    file_prefix: str  # files are named <prefix>_<year>.csv
    separator: str
    columns: tuple[str, ...]  # the header the publisher delivers, in order
    description: str

    def file_name(self, year: int) -> str:
        return f"{self.file_prefix}_{year}.csv"


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        Source(
            name="incidents",
            file_prefix="83648NED",
            separator=";",
            columns=(
                "ID",
                "SoortMisdrijf",
                "RegioS",
                "Perioden",
                "TotaalGeregistreerdeMisdrijven_1",
            ),
            description="Registered crimes by crime type and municipality (CBS StatLine 83648NED).",
        ),
        Source(
            name="population",
            file_prefix="03759NED",
            separator=";",
            columns=(
                "ID",
                "Geslacht",
                "Leeftijd",
                "BurgerlijkeStaat",
                "RegioS",
                "Perioden",
                "BevolkingOp1Januari_1",
            ),
            description="Inhabitants on 1 January by municipality (CBS StatLine 03759NED).",
        ),
        Source(
            name="drug_sites",
            file_prefix="drugslocaties",
            separator=";",
            columns=(
                "registratienummer",
                "datum",
                "gemeentecode",
                "soort_locatie",
                "drugssoort",
                "omgeving",
            ),
            description="Drug sites found, one record per site (Politie, Nationaal Overzicht "
            "Drugslocaties).",
        ),
        Source(
            name="financial",
            file_prefix="fiu",
            separator=";",
            columns=(
                "jaar",
                "gemeentecode",
                "meldersgroep",
                "ongebruikelijke_transacties",
                "verdachte_transacties",
                "verdacht_bedrag_eur",
            ),
            description="Unusual and suspicious transactions by reporting sector and municipality "
            "(FIU-Nederland).",
        ),
    )
}


@dataclass(frozen=True)
class SourceFile:
    path: Path
    is_synthetic: bool


def find_source_file(data_dir: Path, source: Source, year: int) -> SourceFile | None:
    """The file for ``source`` and ``year``: a file in data/raw/ wins over the demo."""
    real = data_dir / "raw" / source.name / source.file_name(year)
    if real.is_file():
        return SourceFile(real, is_synthetic=False)
    demo = data_dir / "demo" / source.name / source.file_name(year)
    if demo.is_file():
        return SourceFile(demo, is_synthetic=True)
    return None


def years_with_data(data_dir: Path, source: Source) -> list[int]:
    """Years for which a real or demo file of ``source`` exists."""
    years: set[int] = set()
    for folder in (data_dir / "raw" / source.name, data_dir / "demo" / source.name):
        for path in folder.glob(f"{source.file_prefix}_*.csv"):
            suffix = path.stem.removeprefix(f"{source.file_prefix}_")
            if suffix.isdigit() and len(suffix) == 4:
                years.add(int(suffix))
    return sorted(years)
