"""The sensor on data/raw/ asks for the years whose files appeared or changed, by content."""

import os
import shutil
from pathlib import Path

from dagster import build_sensor_context

from pipeline.definitions import build_definitions
from tests.conftest import DEMO_DIR, REFERENCE_DIR


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
    # The reference files: a StatLine download's labels are read through the code lists there.
    shutil.copytree(REFERENCE_DIR, data / "reference")
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
    drop(raw, "financial", "om_beslag_2023.csv")  # a second source folder's naming
    drop(raw, "financial", "fiu_2023.csv")
    requests, cursor, _ = evaluate(defs, cursor)
    by_year = {r.partition_key: r for r in requests}
    assert sorted(by_year) == ["2023", "2024"]
    assert by_year["2024"].tags["changed_files"] == "incidents/83648NED_2024.csv"
    assert by_year["2023"].tags["changed_files"] == (
        "financial/fiu_2023.csv, financial/om_beslag_2023.csv"
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


def two_year_file(path: Path) -> Path:
    """83648NED.csv holding the demo's 2022 and 2023 rows, as one CBS download of two years."""
    first = (DEMO_DIR / "incidents" / "83648NED_2022.csv").read_text(encoding="utf-8")
    second = (DEMO_DIR / "incidents" / "83648NED_2023.csv").read_text(encoding="utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(first + "".join(second.splitlines(keepends=True)[1:]), encoding="utf-8")
    return path


def test_a_file_of_several_years_requests_the_years_it_holds(tmp_path):
    raw, defs = workspace(tmp_path)
    raw.mkdir(parents=True)
    _, cursor, _ = evaluate(defs)
    # The years come from the rows, not the name: a StatLine download is named by its title.
    combined = two_year_file(raw / "incidents" / "83648NED.csv")
    statline = next((DEMO_DIR / "incidents").glob("Geregistreerde_criminaliteit*.csv"))
    drop(raw, "incidents", statline.name)
    requests, cursor, _ = evaluate(defs, cursor)
    assert {r.partition_key: r.tags["changed_files"] for r in requests} == {
        "2022": "incidents/83648NED.csv",
        "2023": "incidents/83648NED.csv",
        "2025": f"incidents/{statline.name}",
    }

    # A change anywhere in the file rebuilds exactly the years it feeds.
    combined.write_bytes(combined.read_bytes().replace(b'"2023JJ00";"', b'"2023JJ00";"1', 1))
    requests, cursor, _ = evaluate(defs, cursor)
    assert sorted(r.partition_key for r in requests) == ["2022", "2023"]

    # A removed file rebuilds the years it fed (from other files or the demo).
    combined.unlink()
    requests, cursor, _ = evaluate(defs, cursor)
    assert sorted(r.partition_key for r in requests) == ["2022", "2023"]
    assert evaluate(defs, cursor)[0] == []


def test_code_lists_beside_a_v4_extract_feed_its_years(tmp_path):
    raw, defs = workspace(tmp_path)
    raw.mkdir(parents=True)
    _, cursor, _ = evaluate(defs)
    for name in ("03759NED.json", "03759NED_MeasureCodes.json", "03759NED_PeriodenCodes.json"):
        drop(raw, "population", name)
    requests, cursor, _ = evaluate(defs, cursor)
    years = sorted(int(r.partition_key) for r in requests)
    # The extract holds 2015-2026; 2026 is not a year partition yet on this date.
    partitions = {
        int(k) for k in defs.resolve_job_def("threat_picture").partitions_def.get_partition_keys()
    }
    assert years == sorted(set(range(2015, 2027)) & partitions)
    assert {r.tags["changed_files"] for r in requests} == {
        "population/03759NED.json, population/03759NED_MeasureCodes.json, "
        "population/03759NED_PeriodenCodes.json"
    }
    # A changed code list rebuilds the years of the extract beside it.
    codes = raw / "population" / "03759NED_PeriodenCodes.json"
    codes.write_text(codes.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    requests, cursor, _ = evaluate(defs, cursor)
    assert sorted(int(r.partition_key) for r in requests) == years
    assert {r.tags["changed_files"] for r in requests} == {"population/03759NED_PeriodenCodes.json"}


def test_files_outside_the_naming_or_the_years_are_not_requested(tmp_path):
    raw, defs = workspace(tmp_path)
    (raw / "incidents").mkdir(parents=True)
    (raw / "incidents" / "notes.txt").write_text("not a source file")
    (raw / "incidents" / "83648NED_1999.csv").write_text("ID\n")  # before the first year
    (raw / "unknown").mkdir()
    (raw / "unknown" / "83648NED_2024.csv").write_text("ID\n")  # not a source folder
    requests, _, skip = evaluate(defs)
    assert requests == [] and skip == "no new or changed files"
