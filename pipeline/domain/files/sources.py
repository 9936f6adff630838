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


def records_source(
    name: str,
    file_prefix: str,
    header: str,
    key: tuple[str, ...],
    description: str,
    *,
    folder: str = "",
    optional: bool = False,
) -> Source:
    """A publisher's own record file, one a year: ``header`` is its first line as delivered."""
    return Source(
        name=name,
        file_prefix=file_prefix,
        separator=";",
        columns=tuple(header.split(";")),
        description=description,
        key=key,
        folder=folder,
        optional=optional,
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
        records_source(
            "drug_sites",
            "drugslocaties",
            "registratienummer;datum;gemeentecode;soort_locatie;drugssoort;omgeving",
            ("registratienummer",),
            "Drug sites found, one record per site (Politie, Nationaal Overzicht Drugslocaties).",
        ),
        records_source(
            "financial",
            "fiu",
            "jaar;gemeentecode;meldersgroep;ongebruikelijke_transacties;verdachte_transacties;"
            "verdacht_bedrag_eur",
            ("gemeentecode", "meldersgroep"),
            "Unusual and suspicious transactions by reporting sector and municipality "
            "(FIU-Nederland).",
        ),
        records_source(
            "seizures",
            "inbeslagnames",
            "zaaknummer;datum;locatie_type;locatie;gemeentecode;drugssoort;gewicht_kg;"
            "land_van_vertrek",
            ("zaaknummer",),
            "Drug seizures, one record per seizure, with the country of departure (Douane / HARC).",
        ),
        records_source(
            "signals",
            "mma",
            "jaar;gemeentecode;thema;aantal_meldingen",
            ("gemeentecode", "thema"),
            "Tips forwarded by Meld Misdaad Anoniem, by municipality and theme.",
        ),
        cbs_source(
            "establishments",
            ESTABLISHMENTS_TABLE,
            "Business establishments by SBI 2008 section and municipality (CBS StatLine 81575NED).",
        ),
        records_source(
            "seized_assets",
            "om_beslag",
            "jaar;gemeentecode;soort_beslag;aantal_zaken;waarde_eur",
            ("gemeentecode", "soort_beslag"),
            "Criminal assets seized (strafvorderlijk beslag) by municipality and type "
            "(Openbaar Ministerie).",
            folder="financial",
        ),
        records_source(
            "emergency_freezes",
            "spoedbevriezingen",
            "zaak_id;datum;gemeentecode;meldersgroep;bevroren_bedrag_eur",
            ("zaak_id",),
            "Emergency freezes (spoedbevriezingen) asked of banks by FIU-Nederland, one record "
            "per case; a power that only recent years have.",
            folder="financial",
            optional=True,
        ),
        records_source(
            "unusual_transactions",
            "ongebruikelijke_transacties",
            "transactie_id;datum;meldersgroep;gemeentecode;bedrag_eur;verdacht",
            ("transactie_id",),
            "Unusual transactions reported to FIU-Nederland, one record per transaction "
            "(millions a year; optional: the aggregates in fiu_<year>.csv suffice).",
            folder="financial",
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
    # here, not at the top: data_folder's error class lives beside the readers, which use this
    from pipeline.domain.files.data_folder import inside_data_folder

    for folder, is_synthetic in (("raw", False), ("demo", True)):
        path = data_dir / folder / "policy" / f"{programme}.csv"
        if path.is_file():
            return SourceFile(inside_data_folder(path, data_dir), is_synthetic=is_synthetic)
    return None
