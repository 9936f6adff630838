"""A CBS file is matched to its table by its name, and code lists and download records beside
the data are not taken for data (pipeline/domain/files/cbs_tables.py, cbs_files.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.domain.files.cbs_files import is_metadata_file
from pipeline.domain.files.cbs_tables import table_id_of


@pytest.mark.parametrize(
    ("name", "table"),
    [
        ("83648NED_2024.csv", "83648NED"),
        ("03759ned.json", "03759NED"),
        ("Geregistreerde_criminaliteit__soort_misdrijf__regio_03102022_121923.csv", "83648NED"),
        ("Vestigingen_van_bedrijven__bedrijfstak__gemeente_01012026_101010.csv", "81575NED"),
        ("misdrijven.csv", None),
    ],
)
def test_a_file_is_matched_to_its_table_by_its_name(name, table):
    assert table_id_of(name) == table


@pytest.mark.parametrize(
    ("name", "metadata"),
    [
        ("03759NED_MeasureCodes.json", True),
        ("03759ned_measure-codes.json", True),
        ("83648NED_PeriodenCodes.csv", True),
        ("83648NED_2019-2025.download.json", True),
        ("83648NED_2019-2025.json", False),
        ("03759NED.json", False),
    ],
)
def test_code_lists_and_download_records_are_not_data(name, metadata):
    assert is_metadata_file(Path(name)) is metadata
