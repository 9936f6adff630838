"""A CBS table delivered as an OData v3 TypedDataSet export reads into the loader's frame
(pipeline/domain/files/cbs_files.py)."""

from __future__ import annotations

import json

import pytest

from pipeline.domain.files.cbs_tables import POPULATION_TABLE
from pipeline.domain.files.delimited_files import UnreadableFile
from tests.unit.cbs_file_helpers import cells, read, write

FULL_HEADER = (
    '"ID";"SoortMisdrijf";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1";'
    '"GeregistreerdeMisdrijvenRelatief_2";"GeregistreerdeMisdrijvenPer1000Inw_3";'
    '"TotaalOpgehelderdeMisdrijven_4";"OpgehelderdeMisdrijvenRelatief_5";'
    '"RegistratiesVanVerdachten_6"\n'
)


def test_a_full_v3_export_keeps_every_measure_and_the_aggregate_rows(tmp_path):
    path = write(
        tmp_path / "83648NED_2021.csv",
        FULL_HEADER
        + '"5";"T001161";"NL01  ";"2021JJ00";"  758025";"   100.0";"    43.4";"  181200";'
        '"    23.9";"  212345"\n'
        '"45";"T001161";"LD99  ";"2021JJ00";"";"";"";"";"";""\n'
        '"157";"CRI1700";"GM1680";"2021JJ00";"      10";"     0.9";"     0.4";"       5";'
        '"    50.0";"       5"\n',
    )
    frame = read(path)
    assert frame["source_row"].to_list() == [2, 3, 4]
    assert cells(frame, "ID", "SoortMisdrijf", "RegioS")[0] == ("5", "T001161", "NL01  ")
    # Values stay text as delivered (padded); unknown cells of the 'niet in te delen' row empty.
    assert frame["GeregistreerdeMisdrijvenPer1000Inw_3"].to_list()[0] == "    43.4"
    assert frame["TotaalGeregistreerdeMisdrijven_1"].to_list()[1] == ""
    assert frame["other_cells"].null_count() == 3


def test_a_selection_of_columns_loads_and_an_unknown_measure_is_kept(tmp_path):
    path = write(
        tmp_path / "83648NED.csv",
        '"SoortMisdrijf";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1";"NieuweMaat_7"\n'
        '"CRI1700";"GM0363";"2020JJ00";"215";"12"\n',
    )
    frame = read(path)
    assert cells(
        frame, "ID", "TotaalGeregistreerdeMisdrijven_1", "TotaalOpgehelderdeMisdrijven_4"
    ) == [(None, "215", None)]
    assert json.loads(frame["other_cells"][0]) == {"NieuweMaat_7": "12"}


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ('"ID";"SoortMisdrijf";"RegioS";"Perioden";"Opmerking";"TotaalGeregistreerdeMisdrijven_1"',
         "unexpected column(s) 'Opmerking'"),
        ('"ID";"SoortMisdrijf";"RegioS";"Perioden";"GeregistreerdeMisdrijvenPer1000Inw_3"',
         "missing column(s) TotaalGeregistreerdeMisdrijven_1"),
        ('"ID";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1"',
         "missing column(s) SoortMisdrijf"),
    ],
)  # fmt: skip
def test_a_v3_header_the_table_cannot_take_names_the_problem(tmp_path, header, message):
    row = ";".join(f'"{n}"' for n in range(header.count(";") + 1))
    path = write(tmp_path / "83648NED_2021.csv", f"{header}\n{row}\n")
    with pytest.raises(UnreadableFile, match="row 1") as error:
        read(path)
    assert message in str(error.value)
    assert "83648NED_2021.csv" in str(error.value)


def test_population_without_its_total_dimensions_assumes_the_totals(tmp_path):
    path = write(
        tmp_path / "03759NED.csv",
        "RegioS;Perioden;BevolkingOp1Januari_1\nGM0014;2021JJ00;234649\n",
    )
    frame = read(path, POPULATION_TABLE)
    assert cells(frame, "Geslacht", "Leeftijd", "BurgerlijkeStaat") == [
        ("T001038", "10000", "T001019")
    ]
