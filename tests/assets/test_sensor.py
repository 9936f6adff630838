"""The sensor on data/raw/ asks for the years whose files appeared or changed, by content."""

import os
import shutil
from pathlib import Path

from dagster import build_sensor_context

from pipeline.definitions import build_definitions
from tests.conftest import DEMO_DIR


def evaluate(defs, cursor=None):
    sensor = defs.resolve_sensor_def("new_source_files")
    context = build_sensor_context(
        cursor=cursor,
        resources={"paths": defs.resources["paths"]},
        repository_def=defs.get_repository_def(),
    )
    result = sensor.evaluate_tick(context)
    return result.run_requests, result.cursor, result.skip_message


def workspace(tmp_path):
    data = tmp_path / "data"
    defs = build_definitions(data_dir=data, reports_dir=tmp_path / "r", database=tmp_path / "w")
    return data / "raw", defs


def drop(raw, source_folder, file_name):
    (raw / source_folder).mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy2(DEMO_DIR / source_folder / file_name, raw / source_folder))


def test_new_and_changed_files_request_their_year_once(tmp_path):
    raw, defs = workspace(tmp_path)
    raw.mkdir(parents=True)
    requests, cursor, skip = evaluate(defs)
    assert requests == [] and skip == "no new or changed files"

    incidents = drop(raw, "incidents", "83648NED_2024.csv")
    drop(raw, "population", "03759NED_2023.csv")
    drop(raw, "financial", "om_beslag_2023.csv")  # a second source folder's naming
    requests, cursor, _ = evaluate(defs, cursor)
    by_year = {r.partition_key: r for r in requests}
    assert sorted(by_year) == ["2023", "2024"]
    assert by_year["2024"].tags["changed_files"] == "incidents/83648NED_2024.csv"
    assert by_year["2023"].tags["changed_files"] == (
        "financial/om_beslag_2023.csv, population/03759NED_2023.csv"
    )

    # Nothing new: no request. A touched file with the same content: no request either.
    assert evaluate(defs, cursor)[0] == []
    os.utime(incidents, ns=(1, 1))
    requests, cursor, _ = evaluate(defs, cursor)
    assert requests == []

    # A corrected file: its year again, under a new run key.
    incidents.write_bytes(incidents.read_bytes().replace(b'"2024JJ00";"', b'"2024JJ00";"1', 1))
    requests, cursor, _ = evaluate(defs, cursor)
    assert [r.partition_key for r in requests] == ["2024"]
    assert requests[0].run_key != by_year["2024"].run_key
    corrected_key = requests[0].run_key

    # Put back to the first content: built again, under a key not used before.
    shutil.copy2(DEMO_DIR / "incidents" / "83648NED_2024.csv", incidents)
    requests, cursor, _ = evaluate(defs, cursor)
    assert [r.partition_key for r in requests] == ["2024"]
    assert requests[0].run_key not in {by_year["2024"].run_key, corrected_key}


def test_files_outside_the_naming_or_the_years_are_not_requested(tmp_path):
    raw, defs = workspace(tmp_path)
    (raw / "incidents").mkdir(parents=True)
    (raw / "incidents" / "notes.txt").write_text("not a source file")
    (raw / "incidents" / "83648NED_1999.csv").write_text("ID\n")  # before the first year
    (raw / "unknown").mkdir()
    (raw / "unknown" / "83648NED_2024.csv").write_text("ID\n")  # not a source folder
    requests, _, skip = evaluate(defs)
    assert requests == [] and skip == "no new or changed files"
