"""A CBS table delivered as a StatLine "Downloaden" CSV (labels, not codes) reads into the same
frame as its v3 export (pipeline/domain/files/cbs_files.py)."""

from __future__ import annotations

import pytest

from pipeline.domain.files.cbs_frames import row_years
from pipeline.domain.files.cbs_tables import ESTABLISHMENTS_TABLE
from pipeline.domain.files.delimited_files import UnreadableFile
from tests.unit.cbs_file_helpers import cells, read, write

STATLINE = (
    '"Geregistreerde criminaliteit; soort misdrijf, regio"\n'
    "\n"
    '"Soort misdrijf";"Regio\'s";"Perioden";'
    '"Geregistreerde misdrijven||Totaal geregistreerde misdrijven (aantal)";'
    '"Geregistreerde misdrijven||Geregistreerde misdrijven per 1 000 inwoners (per 1 000 inw.)"\n'
    '"";"";"";"aantal";"per 1 000 inwoners"\n'
    '"Misdrijven, totaal";"Nederland";"2016*";"1.139.720";"67,1"\n'
    '"1.1.1 Diefstal en inbraak met geweld";"Groningen (PV)";"2016";"270";"."\n'
    '"36 Mensenhandel en 244 mensensmokkel";"Haaren";"2016";"-";"x"\n'
    '"Bron: CBS";;;;\n'
)


def test_a_statline_download_becomes_codes(tmp_path):
    path = write(
        tmp_path / "Geregistreerde_criminaliteit__soort_misdrijf__regio_03102022_121923.csv",
        STATLINE,
    )
    frame = read(path)
    assert cells(frame, "source_row", "SoortMisdrijf", "RegioS", "Perioden") == [
        (5, "T001161", "NL01", "2016JJ00*"),
        (6, "CRI1110", "PV20", "2016JJ00"),
        (7, "CRI3624", "GM0788", "2016JJ00"),  # Haaren: a municipality of the 2016 division
    ]
    assert frame["TotaalGeregistreerdeMisdrijven_1"].to_list() == ["1139720", "270", "0"]
    assert frame["GeregistreerdeMisdrijvenPer1000Inw_3"].to_list() == ["67.1", ".", "."]
    assert row_years(frame).to_list() == [2016, 2016, 2016]


def test_statline_labels_that_map_to_no_code_are_all_named(tmp_path):
    text = STATLINE.replace('"Haaren"', '"Amsterdm"').replace('"1.1.1 Diefstal', '"9.9.9 Diefstal')
    path = write(tmp_path / "83648NED_2016.csv", text)
    with pytest.raises(UnreadableFile) as error:
        read(path)
    message = str(error.value)
    assert (
        "row 6, column Soort misdrijf: label '9.9.9 Diefstal en inbraak met geweld' maps to no "
        "SoortMisdrijf code" in message
    )
    assert "row 7, column Regio's: label 'Amsterdm' maps to no RegioS code of 2016" in message


def test_a_statline_layout_with_periods_across_is_refused(tmp_path):
    path = write(
        tmp_path / "83648NED_NN.csv",
        ";2021;2022*\nSoort misdrijf;aantal;aantal\nMisdrijven, totaal;60540;63930\nBron: CBS;;\n",
    )
    with pytest.raises(UnreadableFile, match="not a shape of 83648NED this loader knows"):
        read(path)


def test_establishments_statline_labels_map_to_cbs_sbi_keys(tmp_path):
    path = write(
        tmp_path / "81575NED.csv",
        "Bedrijfstakken/branches (SBI 2008);Regio's;Perioden;Vestigingen (aantal)\n"
        "A-U Alle economische activiteiten;Utrecht (gemeente);2024;51.245\n"
        "G Handel;Utrecht (gemeente);2024;6.305\n",
    )
    frame = read(path, ESTABLISHMENTS_TABLE)
    assert cells(frame, "BedrijfstakkenBranchesSBI2008", "RegioS", "Vestigingen_1") == [
        ("T001081", "GM0344", "51245"),
        ("354200", "GM0344", "6305"),
    ]


def test_short_and_long_rows_padded_labels_and_blank_lines_read_as_statline_means_them(tmp_path):
    # After the data: a blank line, a short row (its cells at the end empty), a padded label,
    # and a row with a cell past the header's last column (not read).
    more = (
        "\n"
        '" 1.1.1 Diefstal en inbraak met geweld ";"Haaren";"2017"\n'
        '"Misdrijven, totaal";" Nederland";"2017";"5";"1,5";"niet gelezen"\n'
        '"Bron: CBS";;;;\n'
    )
    path = write(tmp_path / "83648NED_2017.csv", STATLINE.replace('"Bron: CBS";;;;\n', more))
    frame = read(path)
    assert cells(frame, "source_row", "SoortMisdrijf", "RegioS", "Perioden")[3:] == [
        (9, "CRI1110", "GM0788", "2017JJ00"),
        (10, "T001161", "NL01", "2017JJ00"),
    ]
    assert frame["TotaalGeregistreerdeMisdrijven_1"].to_list()[3:] == [None, "5"]
    assert frame["GeregistreerdeMisdrijvenPer1000Inw_3"].to_list()[3:] == [None, "1.5"]


def test_labels_of_no_code_are_named_row_by_row_and_column_by_column(tmp_path):
    text = (
        STATLINE.replace('"Haaren";"2016"', '"Amsterdm";"2016"')
        .replace('"36 Mensenhandel', '"99 Mensenhandel')
        .replace('"Groningen (PV)"', '"Gronigen (PV)"')
    )
    path = write(tmp_path / "83648NED_2016.csv", text)
    with pytest.raises(UnreadableFile) as error:
        read(path)
    message = str(error.value)
    named = ["row 6, column Regio's", "row 7, column Soort misdrijf", "row 7, column Regio's"]
    assert all(part in message for part in named)
    assert sorted(named, key=message.index) == named
