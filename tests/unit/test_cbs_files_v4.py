"""A CBS table delivered as OData v4 Observations (JSON pages, or cbsodata4's CSV) reads into the
same frame as its v3 export (pipeline/domain/files/cbs_files.py)."""

from __future__ import annotations

import json

import pytest

from pipeline.domain.files.cbs_frames import years_of
from pipeline.domain.files.cbs_tables import POPULATION_TABLE
from pipeline.domain.files.delimited_files import UnreadableFile
from tests.unit.cbs_file_helpers import cells, read, write


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
