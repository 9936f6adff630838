"""Which files feed a year (pipeline/domain/files/deliveries.py), and reading a records file as
delivered."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from pipeline.domain.files.delimited_files import UnreadableFile, file_sha256, read_delivered_rows
from pipeline.domain.files.deliveries import files_for_year, years_with_files
from pipeline.domain.files.sources import SOURCES

REPO = Path(__file__).resolve().parents[2]
INCIDENTS = SOURCES["incidents"]
SIGNALS = SOURCES["signals"]
YEARS = range(2015, 2026)
HEADER = '"ID";"SoortMisdrijf";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1"\n'


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def rows(*years: int) -> str:
    return "".join(f'"{i}";"T001161";"GM0363";"{y}JJ00";"10"\n' for i, y in enumerate(years))


@pytest.fixture
def data(tmp_path):
    shutil.copytree(REPO / "data" / "reference", tmp_path / "reference")
    return tmp_path


def names(files):
    return [(f.path.parent.parent.name, f.path.name, f.is_synthetic) for f in files]


def test_a_file_named_for_the_year_feeds_it_and_raw_wins_over_the_demo(data):
    write(data / "demo" / "incidents" / "83648NED_2023.csv", HEADER + rows(2023))
    write(data / "demo" / "incidents" / "83648NED_2024.csv", HEADER + rows(2024))
    write(data / "raw" / "incidents" / "83648NED_2024.csv", HEADER + rows(2024))
    assert names(files_for_year(data, INCIDENTS, 2024, YEARS)) == [
        ("raw", "83648NED_2024.csv", False)
    ]
    assert names(files_for_year(data, INCIDENTS, 2023, YEARS)) == [
        ("demo", "83648NED_2023.csv", True)
    ]
    assert files_for_year(data, INCIDENTS, 2022, YEARS) == []
    assert years_with_files(data, INCIDENTS, YEARS) == [2023, 2024]


def test_a_file_of_several_years_feeds_each_and_a_file_named_for_a_year_wins_that_year(data):
    write(data / "raw" / "incidents" / "83648NED.csv", HEADER + rows(2014, 2019, 2020, 2021))
    write(data / "raw" / "incidents" / "83648NED_2020.csv", HEADER + rows(2020))
    write(data / "raw" / "incidents" / "83648NED_MeasureCodes.json", '{"value": []}')
    assert names(files_for_year(data, INCIDENTS, 2019, YEARS)) == [("raw", "83648NED.csv", False)]
    assert names(files_for_year(data, INCIDENTS, 2020, YEARS)) == [
        ("raw", "83648NED_2020.csv", False)
    ]
    # 2014 lies before the first partition: its rows are not a year of the pipeline.
    assert years_with_files(data, INCIDENTS, YEARS) == [2019, 2020, 2021]


def test_the_pages_of_one_download_saved_apart_feed_the_year_together(data):
    write(data / "raw" / "incidents" / "83648NED_p1.csv", HEADER + rows(2021))
    write(data / "raw" / "incidents" / "83648NED_p2.csv", HEADER + rows(2021, 2022))
    assert names(files_for_year(data, INCIDENTS, 2021, YEARS)) == [
        ("raw", "83648NED_p1.csv", False),
        ("raw", "83648NED_p2.csv", False),
    ]


def test_a_file_whose_years_all_lie_outside_the_data_fails_every_year(data):
    write(data / "raw" / "incidents" / "83648NED_oud.csv", HEADER + rows(1999, 2000))
    write(data / "demo" / "incidents" / "83648NED_2024.csv", HEADER + rows(2024))
    with pytest.raises(UnreadableFile, match=r"83648NED_oud.csv: holds only 1999-2000, outside"):
        files_for_year(data, INCIDENTS, 2024, YEARS)


def test_an_unreadable_file_of_several_years_fails_every_year(data):
    write(data / "raw" / "incidents" / "83648NED.csv", "ID,SoortMisdrijf,RegioS\n1,2,3\n")
    with pytest.raises(UnreadableFile, match="seems comma-separated") as error:
        files_for_year(data, INCIDENTS, 2020, YEARS)
    assert error.value.file_name == "83648NED.csv"


def test_a_statline_download_is_matched_by_the_name_statline_gives_it(data):
    statline = write(
        data / "raw" / "incidents" / "Geregistreerde_criminaliteit__soort_misdrijf__regio_1.csv",
        "Soort misdrijf;Regio's;Perioden;Totaal geregistreerde misdrijven (aantal)\n"
        "Misdrijven, totaal;Nederland;2021*;758.025\n",
    )
    assert [f.path for f in files_for_year(data, INCIDENTS, 2021, YEARS)] == [statline]


def test_records_sources_still_take_one_file_a_year_by_name(data):
    write(data / "demo" / "signals" / "mma_2024.csv", "jaar;gemeentecode;thema;aantal_meldingen\n")
    write(data / "demo" / "signals" / "mma.csv", "jaar;gemeentecode;thema;aantal_meldingen\n")
    assert names(files_for_year(data, SIGNALS, 2024, YEARS)) == [("demo", "mma_2024.csv", True)]
    assert years_with_files(data, SIGNALS, YEARS) == [2024]


# --- reading a records file -----------------------------------------------------------------


SIGNALS_HEADER = "jaar;gemeentecode;thema;aantal_meldingen\n"


def test_rows_are_numbered_as_in_a_spreadsheet_and_kept_as_text(tmp_path):
    path = write(
        tmp_path / "mma_2024.csv", SIGNALS_HEADER + "2024;GM0363;drugs;12\n2024;GM0014;fraude;.\n"
    )
    frame = read_delivered_rows(path, SIGNALS)
    assert frame["source_row"].to_list() == [2, 3]
    assert frame["aantal_meldingen"].to_list() == ["12", "."]
    assert frame.schema["gemeentecode"] == pl.String


def test_an_empty_file_and_a_header_without_rows_are_refused(tmp_path):
    with pytest.raises(UnreadableFile, match="the file is empty"):
        read_delivered_rows(write(tmp_path / "a.csv", ""), SIGNALS)
    with pytest.raises(UnreadableFile, match="a header but no data rows"):
        read_delivered_rows(write(tmp_path / "b.csv", SIGNALS_HEADER), SIGNALS)


def test_latin1_bytes_are_refused_with_the_file_name_and_row(tmp_path):
    path = write(tmp_path / "mma_2024.csv", SIGNALS_HEADER + "2024;GM0363;café;1\n", "latin-1")
    with pytest.raises(UnreadableFile, match=r"mma_2024.csv, row 2: not UTF-8 \(bytes e9\)"):
        read_delivered_rows(path, SIGNALS)


def test_file_sha256_is_the_digest_of_the_bytes(tmp_path):
    path = write(tmp_path / "x.csv", "abc")
    assert file_sha256(path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
