"""Every delivered shape of a CBS table reads into the same frame
(pipeline/domain/files/cbs_files.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.domain.files.cbs_files import is_metadata_file, read_cbs_file
from pipeline.domain.files.cbs_frames import row_years, years_of
from pipeline.domain.files.cbs_labels import load_code_lists
from pipeline.domain.files.cbs_tables import (
    ESTABLISHMENTS_TABLE,
    INCIDENTS_TABLE,
    POPULATION_TABLE,
    table_id_of,
)
from pipeline.domain.files.delimited_files import UnreadableFile

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
CODES = load_code_lists(REFERENCE)
FULL_HEADER = (
    '"ID";"SoortMisdrijf";"RegioS";"Perioden";"TotaalGeregistreerdeMisdrijven_1";'
    '"GeregistreerdeMisdrijvenRelatief_2";"GeregistreerdeMisdrijvenPer1000Inw_3";'
    '"TotaalOpgehelderdeMisdrijven_4";"OpgehelderdeMisdrijvenRelatief_5";'
    '"RegistratiesVanVerdachten_6"\n'
)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path, table=INCIDENTS_TABLE):
    return read_cbs_file(path, table, CODES)


def cells(frame, *columns):
    return [tuple(row) for row in frame.select(*columns).iter_rows()]


# --- OData v3 TypedDataSet --------------------------------------------------------------------


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


# --- OData v4 Observations --------------------------------------------------------------------


def observation(id_, measure, region, period, value, attribute="None"):
    return {
        "Id": id_, "Measure": measure, "ValueAttribute": attribute, "Value": value,
        "StringValue": None, "BurgerlijkeStaat": "T001019", "Geslacht": "T001038",
        "Leeftijd": "10000", "RegioS": region, "Perioden": period,
    }  # fmt: skip


MEASURE_CODES = {
    "@odata.context": "https://datasets.cbs.nl/odata/v1/CBS/03759ned/$metadata#MeasureCodes",
    "value": [
        {"Identifier": "M000352", "Title": "Bevolking op 1 januari"},
        {"Identifier": "M000365", "Title": "Gemiddelde bevolking "},
        {"Identifier": "M009999", "Title": "Een maat die wij niet kennen"},
    ],
}


def page(observations, next_link=None):
    document = {
        "@odata.context": "https://datasets.cbs.nl/odata/v1/CBS/03759ned/$metadata#Observations",
        "value": observations,
    }
    if next_link:
        document["@odata.nextLink"] = next_link
    return document


def test_v4_pages_pivot_to_rows_and_leave_out_impossible_cells(tmp_path):
    pages = [
        page(
            [
                observation(59, "M000352", "NL01", "2021JJ00", 17475415),
                observation(60, "M000365", "NL01", "2021JJ00", 17533043.5),
                observation(61, "M000352", "GM0457", "2023JJ00", None, "Impossible"),
            ],
            next_link="https://datasets.cbs.nl/odata/v1/CBS/03759ned/Observations?$skip=3",
        ),
        page(
            [
                observation(62, "M000365", "GM0457", "2023JJ00", None, "Impossible"),
                observation(63, "M000352", "GM0014", "2021JJ00", None, "Missing"),
                observation(64, "M009999", "GM0014", "2021JJ00", 7),
            ]
        ),
    ]
    write(tmp_path / "03759NED.json", json.dumps(pages))
    write(tmp_path / "03759NED_MeasureCodes.json", json.dumps(MEASURE_CODES))
    frame = read(tmp_path / "03759NED.json", POPULATION_TABLE)
    assert cells(frame, "RegioS", "ID", "BevolkingOp1Januari_1", "GemiddeldeBevolking_2") == [
        ("NL01", "59", "17475415", "17533043.5"),
        ("GM0014", "63", ".", None),  # an empty value that may exist is CBS's '.'
    ]
    assert frame["source_row"].to_list() == [1, 5]  # the observation's place in the file
    assert json.loads(frame["other_cells"][1]) == {"M009999": "7"}
    assert years_of(tmp_path / "03759NED.json", frame) == {2021}


def test_a_measure_missing_from_measure_codes_is_named(tmp_path):
    write(
        tmp_path / "03759NED.json",
        json.dumps(page([observation(1, "M123456", "NL01", "2021JJ00", 5)])),
    )
    write(tmp_path / "03759NED_MeasureCodes.json", json.dumps(MEASURE_CODES))
    with pytest.raises(
        UnreadableFile,
        match=r"row 1, column Measure: 'M123456' is not in 03759NED_MeasureCodes.json",
    ):
        read(tmp_path / "03759NED.json", POPULATION_TABLE)


def test_without_measure_codes_only_known_measure_codes_are_read(tmp_path):
    write(
        tmp_path / "03759NED.json",
        json.dumps(page([observation(1, "M000352", "NL01", "2021JJ00", 5)])),
    )
    assert read(tmp_path / "03759NED.json", POPULATION_TABLE)[
        "BevolkingOp1Januari_1"
    ].to_list() == ["5"]
    write(
        tmp_path / "03759NED.json",
        json.dumps(page([observation(1, "M000999", "NL01", "2021JJ00", 5)])),
    )
    with pytest.raises(
        UnreadableFile, match=r"no 03759NED_MeasureCodes\.json lies beside the file"
    ):
        read(tmp_path / "03759NED.json", POPULATION_TABLE)


def test_periods_the_period_codes_call_provisional_are_marked(tmp_path):
    write(
        tmp_path / "03759NED.json",
        json.dumps(page([observation(1, "M000352", "NL01", "2025JJ00", 5)])),
    )
    write(
        tmp_path / "03759NED_PeriodenCodes.json",
        json.dumps({"value": [{"Identifier": "2025JJ00", "Status": "Voorlopig"}]}),
    )
    assert read(tmp_path / "03759NED.json", POPULATION_TABLE)["Perioden"].to_list() == ["2025JJ00*"]


def test_a_v4_page_that_is_not_json_names_the_file_and_line(tmp_path):
    write(tmp_path / "03759NED.json", '{"value": [{"Id": 1,\n "Measure": ')
    with pytest.raises(UnreadableFile, match=r"03759NED.json, row 2: not JSON"):
        read(tmp_path / "03759NED.json", POPULATION_TABLE)


def test_a_code_list_named_like_data_is_not_taken_for_observations(tmp_path):
    write(tmp_path / "03759NED_2021.json", json.dumps(MEASURE_CODES))
    with pytest.raises(UnreadableFile, match="'MeasureCodes', not Observations"):
        read(tmp_path / "03759NED_2021.json", POPULATION_TABLE)


def test_cbsodata4_observations_csv_reads_like_the_json(tmp_path):
    write(
        tmp_path / "03759NED_Observations.csv",
        "Id,Measure,ValueAttribute,Value,BurgerlijkeStaat,Geslacht,Leeftijd,RegioS,Perioden\n"
        "59,M000352,None,17475415,T001019,T001038,10000,NL01,2021JJ00\n"
        "70,M000365,Impossible,,T001019,T001038,10000,NL01,2026JJ00\n",
    )
    frame = read(tmp_path / "03759NED_Observations.csv", POPULATION_TABLE)
    assert cells(frame, "RegioS", "Perioden", "BevolkingOp1Januari_1", "source_row") == [
        ("NL01", "2021JJ00", "17475415", 2)
    ]


# --- StatLine "Downloaden" --------------------------------------------------------------------


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


# --- names ------------------------------------------------------------------------------------


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
