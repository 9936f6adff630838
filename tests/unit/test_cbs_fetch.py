"""Fetching the public CBS tables, against a stand-in for the OData v4 API on 127.0.0.1.

No test here reaches the internet: tests/fake_cbs.py serves pages in the v4 shape made from the
committed demo files, with paging and pages that fail on demand.
"""

from __future__ import annotations

import hashlib
import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.domain.files.cbs_fetch import FetchError, fetch_all, observation_filter
from pipeline.domain.files.cbs_tables import CBS_TABLES
from tests.fake_cbs import MODIFIED, FakeCbs, serving

ROOT = Path(__file__).resolve().parents[2]
TABLES = ("83648NED", "03759NED", "81575NED")
FOLDERS = {"83648NED": "incidents", "03759NED": "population", "81575NED": "establishments"}


def files_under(raw_dir: Path) -> list[str]:
    return sorted(str(p.relative_to(raw_dir)) for p in raw_dir.rglob("*") if p.is_file())


def fetch(fake: FakeCbs, raw_dir: Path, first=2023, last=2024, overwrite=False) -> list[str]:
    said: list[str] = []
    fetch_all(fake.base_url, raw_dir, first, last, overwrite, said.append)
    return said


def test_every_table_is_written_as_the_api_returned_it_with_a_record(tmp_path):
    raw_dir = tmp_path / "raw"
    with serving(FakeCbs(page_size=4_000)) as fake:
        said = fetch(fake, raw_dir)
        years = ("2023JJ00", "2024JJ00")
        expected = {t: [o for o in fake.observations[t] if o["Perioden"] in years] for t in TABLES}
    for table in TABLES:
        folder = raw_dir / FOLDERS[table]
        pages = json.loads((folder / f"{table}_2023-2024.json").read_text(encoding="utf-8"))
        got = [o for page in pages for o in page["value"]]
        assert [o["Id"] for o in got] == [o["Id"] for o in expected[table]]
        assert len(pages) == -(-len(expected[table]) // 4_000)  # one page per 4,000 cells
        assert {o["Perioden"] for o in got} == {"2023JJ00", "2024JJ00"}
        record = json.loads((folder / f"{table}_2023-2024.download.json").read_text())
        assert record["modified"] == MODIFIED
        assert len(record["urls"]) == 3 + len(pages)  # Properties, two code lists, the pages
        for entry in record["files"]:
            data = (folder / entry["file"]).read_bytes()
            assert entry["sha256"] == hashlib.sha256(data).hexdigest()
            assert entry["bytes"] == len(data)
        assert (folder / f"{table}_MeasureCodes.json").is_file()
        assert (folder / f"{table}_PeriodenCodes.json").is_file()
    assert not [p for p in raw_dir.rglob(".*.part")]
    assert any("page 2" in line for line in said)  # progress is shown page by page


def test_only_the_used_measure_of_a_many_measure_table_is_asked_for():
    incidents = CBS_TABLES["83648NED"]
    query = observation_filter(incidents, 2019, 2025, "M004200_2")
    assert "Perioden ge '2019JJ00'" in query and "Perioden le '2025JJ00'" in query
    assert "Measure eq 'M004200_2'" in query


def test_a_page_that_fails_once_is_asked_again(tmp_path):
    with serving(FakeCbs(page_size=4_000, failures={("83648NED", 4_000): 1})) as fake:
        fetch(fake, tmp_path / "raw")
        asked = [r for r in fake.requests if re.search(r"83648NED/Observations.*skip=4000($|&)", r)]
    assert len(asked) == 2
    pages = json.loads((tmp_path / "raw/incidents/83648NED_2023-2024.json").read_text())
    assert len(pages) >= 2


def test_a_page_that_keeps_failing_writes_nothing_of_its_table(tmp_path):
    raw_dir = tmp_path / "raw"
    failing = FakeCbs(page_size=4_000, failures={("83648NED", 4_000): 99})
    with serving(failing) as fake, pytest.raises(FetchError, match=r"500 .*after 3 attempt"):
        fetch(fake, raw_dir)
    assert files_under(raw_dir) == []


def test_an_offline_machine_is_told_so(tmp_path):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError, match="seems to be offline"):
        fetch_all(f"http://127.0.0.1:{port}/CBS", tmp_path / "raw", 2024, 2024, False, print)
    assert not (tmp_path / "raw").exists()


def test_an_analysts_file_is_not_overwritten_unless_asked(tmp_path):
    raw_dir = tmp_path / "raw"
    theirs = raw_dir / "population" / "03759NED_2023-2024.json"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("[]\n")
    with serving(FakeCbs()) as fake:
        with pytest.raises(FetchError, match=r"03759NED_2023-2024\.json exists .* not overwritten"):
            fetch(fake, raw_dir)
        assert theirs.read_text() == "[]\n"
        fetch(fake, raw_dir, overwrite=True)
    assert json.loads(theirs.read_text())[0]["value"]


def test_a_second_fetch_replaces_its_own_files(tmp_path):
    raw_dir = tmp_path / "raw"
    with serving(FakeCbs()) as fake:
        fetch(fake, raw_dir)
        fetch(fake, raw_dir)  # its own files, unchanged since: replaced without asking
        mine = raw_dir / "incidents" / "83648NED_2023-2024.json"
        mine.write_text(mine.read_text() + " ")  # changed by hand: no longer its own
        with pytest.raises(FetchError, match="or was changed since"):
            fetch(fake, raw_dir)


def test_years_in_the_wrong_order_are_refused_before_anything_is_asked(tmp_path):
    with serving(FakeCbs()) as fake:
        with pytest.raises(FetchError, match="first year comes after the last"):
            fetch(fake, tmp_path / "raw", first=2025, last=2019)
        assert fake.requests == []


def test_make_fetch_writes_into_the_data_folder_given(tmp_path):
    with serving(FakeCbs()) as fake:
        done = subprocess.run(
            ["make", "--no-print-directory", "fetch", "YEARS=2024",
             f"CBS_API={fake.base_url}", f"DATA_DIR={tmp_path}", f"PYTHON={sys.executable}"],
            cwd=ROOT, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "done: build with `make report`" in done.stdout
    for table in TABLES:
        assert (tmp_path / "raw" / FOLDERS[table] / f"{table}_2024.json").is_file()
