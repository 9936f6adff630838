"""The input sources: where their files live and how a file is named for a year.

Pure data, no Dagster: the raw assets, the file lookup and the tests share it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.domain.files.cbs_tables import (
    ESTABLISHMENTS_TABLE,
    INCIDENTS_TABLE,
    POPULATION_TABLE,
    CbsTable,
)


@dataclass(frozen=True)
class Source:
    name: str  # the raw asset's name
    file_prefix: str  # files are named <prefix>_<year>.csv
    separator: str
    columns: tuple[str, ...]  # the header the publisher delivers, in order
    description: str
    key: tuple[str, ...]  # columns that identify a row: no two rows may share them
    folder: str = ""  # folder under data/demo/ and data/raw/; the name when empty
    optional: bool = False  # a year without a file is an empty year, not an error
    # A CBS table: its files are matched by the table id, may hold several years and come in
    # every shape CBS delivers (pipeline/domain/files/cbs_files.py).
    cbs_table: CbsTable | None = None

    @property
    def directory(self) -> str:
        return self.folder or self.name

    def file_name(self, year: int) -> str:
        return f"{self.file_prefix}_{year}.csv"


def cbs_source(name: str, table: CbsTable, description: str, folder: str = "") -> Source:
    return Source(
        name=name,
        file_prefix=table.table_id,
        separator=";",
        columns=table.columns,
        description=description,
        key=table.key,
        folder=folder,
        cbs_table=table,
    )


SOURCES: dict[str, Source] = {
    source.name: source
    for source in (
        cbs_source(
            "incidents",
            INCIDENTS_TABLE,
            "Registered crimes by crime type and region (CBS StatLine 83648NED).",
        ),
        cbs_source(
            "population",
            POPULATION_TABLE,
            "Inhabitants on 1 January by region (CBS StatLine 03759NED).",
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
            key=("registratienummer",),
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
            key=("gemeentecode", "meldersgroep"),
        ),
        Source(
            name="seizures",
            file_prefix="inbeslagnames",
            separator=";",
            columns=(
                "zaaknummer",
                "datum",
                "locatie_type",
                "locatie",
                "gemeentecode",
                "drugssoort",
                "gewicht_kg",
                "land_van_vertrek",
            ),
            description="Drug seizures, one record per seizure, with the country of departure "
            "(Douane / HARC).",
            key=("zaaknummer",),
        ),
        Source(
            name="signals",
            file_prefix="mma",
            separator=";",
            columns=("jaar", "gemeentecode", "thema", "aantal_meldingen"),
            description="Tips forwarded by Meld Misdaad Anoniem, by municipality and theme.",
            key=("gemeentecode", "thema"),
        ),
        cbs_source(
            "establishments",
            ESTABLISHMENTS_TABLE,
            "Business establishments by SBI 2008 section and municipality (CBS StatLine 81575NED).",
        ),
        Source(
            name="seized_assets",
            folder="financial",
            file_prefix="om_beslag",
            separator=";",
            columns=("jaar", "gemeentecode", "soort_beslag", "aantal_zaken", "waarde_eur"),
            description="Criminal assets seized (strafvorderlijk beslag) by municipality and type "
            "(Openbaar Ministerie).",
            key=("gemeentecode", "soort_beslag"),
        ),
        Source(
            name="emergency_freezes",
            folder="financial",
            file_prefix="spoedbevriezingen",
            separator=";",
            columns=("zaak_id", "datum", "gemeentecode", "meldersgroep", "bevroren_bedrag_eur"),
            description="Emergency freezes (spoedbevriezingen) asked of banks by FIU-Nederland, "
            "one record per case; a power that only recent years have.",
            key=("zaak_id",),
            optional=True,
        ),
        Source(
            name="unusual_transactions",
            folder="financial",
            file_prefix="ongebruikelijke_transacties",
            separator=";",
            columns=(
                "transactie_id",
                "datum",
                "meldersgroep",
                "gemeentecode",
                "bedrag_eur",
                "verdacht",
            ),
            description="Unusual transactions reported to FIU-Nederland, one record per "
            "transaction (millions a year; optional: the aggregates in fiu_<year>.csv suffice).",
            key=("transactie_id",),
            optional=True,
        ),
    )
}


@dataclass(frozen=True)
class SourceFile:
    path: Path
    is_synthetic: bool


def find_policy_file(data_dir: Path, programme: str) -> SourceFile | None:
    """The list of municipalities taking part in ``programme``: data/raw/policy/ wins over the
    demo's synthetic selection."""
    for folder, is_synthetic in (("raw", False), ("demo", True)):
        path = data_dir / folder / "policy" / f"{programme}.csv"
        if path.is_file():
            return SourceFile(path, is_synthetic=is_synthetic)
    return None
