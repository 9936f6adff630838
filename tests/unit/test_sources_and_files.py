"""Source lookup (real files win over demo files) and reading delivered files."""

import polars as pl
import pytest

from assets.raw_files import UnreadableFile, file_sha256, read_delivered_rows
from assets.sources import SOURCES, find_source_file, years_with_data

INCIDENTS = SOURCES["incidents"]
HEADER = '"ID";"SoortMisdrijf";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1"\n'


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding=encoding)
    return path


def test_a_real_file_replaces_the_demo_file_for_its_year(tmp_path):
    demo = write(tmp_path / "demo" / "incidents" / "83648NED_2024.csv", HEADER)
    write(tmp_path / "demo" / "incidents" / "83648NED_2023.csv", HEADER)
    real = write(tmp_path / "raw" / "incidents" / "83648NED_2024.csv", HEADER)
    assert find_source_file(tmp_path, INCIDENTS, 2024).path == real
    assert find_source_file(tmp_path, INCIDENTS, 2024).is_synthetic is False
    assert find_source_file(tmp_path, INCIDENTS, 2023).is_synthetic is True
    assert find_source_file(tmp_path, INCIDENTS, 2022) is None
    assert demo.exists()
    assert years_with_data(tmp_path, INCIDENTS) == [2023, 2024]


def test_rows_are_numbered_as_in_a_spreadsheet_and_kept_as_text(tmp_path):
    path = write(
        tmp_path / "f.csv",
        HEADER + '"0";"CRI1700";"GM0363";"2024JJ00";"12"\n"1";"CRI1700";"GM0014";"2024JJ00";"."\n',
    )
    frame = read_delivered_rows(path, INCIDENTS)
    assert frame["source_row"].to_list() == [2, 3]
    assert frame["TotaalGeregistreerdeMisdrijven_1"].to_list() == ["12", "."]
    assert frame.schema["RegioS"] == pl.String


def test_a_missing_column_names_the_file_and_the_column(tmp_path):
    path = write(tmp_path / "83648NED_2024.csv", '"ID";"SoortMisdrijf";"RegioS";"Perioden"\n')
    with pytest.raises(UnreadableFile, match=r"83648NED_2024.csv, row 1.*TotaalGeregistreerde"):
        read_delivered_rows(path, INCIDENTS)


def test_a_comma_separated_file_is_refused(tmp_path):
    path = write(tmp_path / "x.csv", HEADER.replace(";", ","))
    with pytest.raises(UnreadableFile, match=r"x\.csv"):
        read_delivered_rows(path, INCIDENTS)


def test_latin1_bytes_are_refused_with_the_file_name(tmp_path):
    path = write(
        tmp_path / "latin.csv", HEADER + '"0";"CRI1700";"Fryslân";"2024JJ00";"1"\n', "latin-1"
    )
    with pytest.raises(UnreadableFile, match=r"latin\.csv"):
        read_delivered_rows(path, INCIDENTS)


def test_sha256_of_a_known_text(tmp_path):
    path = write(tmp_path / "abc.txt", "abc")
    assert file_sha256(path) == ("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
