"""Every file in tests/fixtures/bad/, dropped into data/raw/, gives exactly its stated outcome.

One workspace for the module: its warehouse gets a good load (from the demo files) of every
source and year a fixture is dropped in for (the nine sources of 2025, seizures of 2024). Each
fixture is dropped into ``data/raw/<source folder>/<file name of the year>``, with the fixtures
of other sources of its round (``bad_files_rounds.py``), the raw assets and their staging assets
of that year are run (each raw asset's blocking check runs with it), and the test asserts its
fixture's outcome on its source's steps and tables; the files are removed again. Before each
round the sources' partitions are put back to the good load, since earlier rounds replace them
(a readable file replaces raw, a valid one staging too): a copy of everything the good load
wrote, taken right after it, is copied back.

- unreadable: the raw step fails with one message naming the file (and the row), nothing of the
  year changes, and ``quality.quarantine`` holds that message as one row;
- bad values: the file reaches raw, the blocking check fails naming file, row, column and value
  (in its description and in ``quality.quarantine``), staging is not run and keeps the good load;
- valid: the check passes and staging holds the file's values.

The bench and the readers of a run are in ``bad_files_bench.py`` (the partition's parts in
``bad_files_partitions.py``); the expected outcomes, by kind, in ``bad_files_unreadable.py``,
``bad_files_bad_values.py`` and ``bad_files_valid.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from pipeline.domain.files.sources import SOURCES
from tests.assets.bad_files_bad_values import BAD_VALUES
from tests.assets.bad_files_bench import (
    FIXTURE_INFO,
    FIXTURES,
    GOOD_LOADS,
    REFERENCE,
    YEAR,
    Bench,
    check_evaluations,
    check_result,
    delivered_name,
    failed_steps,
    make_fixtures,
    materialized,
    own_steps,
    quarantine,
    raw_key,
    raw_path,
    sha256,
    staging_key,
    staging_rows,
    started_steps,
    step_failure_message,
)
from tests.assets.bad_files_partitions import STAGING
from tests.assets.bad_files_rounds import in_round_order, rounds
from tests.assets.bad_files_unreadable import UNREADABLE
from tests.assets.bad_files_valid import VALID
from tests.conftest import Workspace, step_key


@pytest.fixture(scope="module")
def bench(make_workspace: Callable[..., Workspace]) -> Bench:
    workspace = make_workspace("bad_files", years=sorted(GOOD_LOADS))
    round_of = {
        name: round_
        for kind in (UNREADABLE, BAD_VALUES, VALID)
        for round_ in rounds(kind)
        for name in round_
    }
    bench = Bench(workspace, round_of)
    for year, sources in sorted(GOOD_LOADS.items(), reverse=True):
        selection = [
            *(REFERENCE if year == YEAR else []),
            *(raw_key(source) for source in sources),
            *(staging_key(source) for source in sources),
        ]
        result = workspace.run(year, selection)
        assert result.success
        for source in sources:
            bench.keep_good_load(source, year)
            state = bench.good[(source, year)]
            assert state.raw_sha256 == (sha256(workspace.demo_file(source, year)),)
            assert state.raw_rows > 0
            assert state.staging
    return bench


# --- unreadable files ------------------------------------------------------------------------


@pytest.mark.parametrize("name", in_round_order(UNREADABLE))
def test_unreadable_file_fails_and_changes_nothing(bench: Bench, name: str) -> None:
    info = FIXTURE_INFO[name]
    source, year = info.source, info.year
    row, expected = UNREADABLE[name]
    result, before = bench.outcome(name)

    assert failed_steps(result, source) == {step_key("raw", source)}
    message = step_failure_message(result, step_key("raw", source))
    file_name = delivered_name(name)
    assert message.startswith(file_name)
    if row is not None:
        assert message.startswith(f"{file_name}, row {row}")
    assert message == expected.format(raw=bench.workspace.data / "raw")
    # Neither the raw asset nor anything after it happened: no check ran, staging did not start.
    assert materialized(result, source) == set()
    assert check_evaluations(result, source) == {}
    assert started_steps(result, source) == {step_key("raw", source)}
    # The year keeps its good load: same rows, same file hash, same load time, same staging.
    assert bench.state(source, year) == before
    assert before.raw_sha256 == bench.good[(source, year)].raw_sha256
    # One quarantine row holds the message; the readability check is recorded as failed.
    assert quarantine(bench, source, year, "file_is_readable") == [
        (file_name, row, None, None, message)
    ]
    passed, failed_values, _summary = check_result(bench, source, year, "file_is_readable")
    assert (passed, failed_values) == (False, 1)


# --- readable files with bad values ------------------------------------------------------------


def expected_summary(file_name: str, rejected: list[tuple]) -> str:
    lines = []
    for row, column, value, reason in rejected:
        shown = "" if value is None else f": value {value!r}"
        lines.append(f"- {file_name}, row {row}, column {column}{shown} {reason}")
    return f"{len(rejected)} value(s) break the rules:\n" + "\n".join(lines)


@pytest.mark.parametrize("name", in_round_order(BAD_VALUES))
def test_bad_values_fail_the_blocking_check_and_staging_keeps_the_good_load(
    bench: Bench, name: str
) -> None:
    info = FIXTURE_INFO[name]
    source, year = info.source, info.year
    rejected = BAD_VALUES[name]
    check_name = f"{source}_file_is_valid"
    file_name = delivered_name(name)
    result, before = bench.outcome(name)

    assert failed_steps(result, source) == {step_key("raw", source)}
    # The file was readable but refused: the raw asset reports it, and its year keeps the good
    # load (rows, files and load time) in raw as in staging.
    assert materialized(result, source) == {raw_key(source)}
    after = bench.state(source, year)
    assert after == before
    # The check ran with the raw asset, failed, is blocking, and names file, row, column, value.
    evaluation = check_evaluations(result, source)[check_name]
    assert not evaluation.passed
    assert evaluation.blocking
    assert evaluation.description == expected_summary(file_name, rejected)
    assert evaluation.metadata["failed_values"].value == len(rejected)
    assert quarantine(bench, source, year, check_name) == [
        (file_name, row, column, value, reason) for row, column, value, reason in rejected
    ]
    # Staging was not run.
    assert step_key("staging", STAGING[source]) not in started_steps(result, source)


# --- tricky but valid files ----------------------------------------------------------------------


@pytest.mark.parametrize("name", in_round_order(VALID))
def test_tricky_but_valid_file_passes_and_reaches_staging(bench: Bench, name: str) -> None:
    info = FIXTURE_INFO[name]
    source, year = info.source, info.year
    columns, expected, *crimes = VALID[name]
    check_name = f"{source}_file_is_valid"
    result, _before = bench.outcome(name)

    assert started_steps(result, source) == own_steps(source)
    assert failed_steps(result, source) == set()
    assert materialized(result, source) == {raw_key(source), staging_key(source)}
    evaluation = check_evaluations(result, source)[check_name]
    assert evaluation.passed
    assert quarantine(bench, source, year, check_name) == []
    state = bench.state(source, year)
    assert state.raw_sha256 == (sha256(FIXTURES / name),)
    data_lines = (FIXTURES / name).read_bytes().splitlines()[1:]
    assert state.raw_rows == sum(1 for line in data_lines if line.strip())
    assert staging_rows(bench, source, year, columns, *crimes) == expected


# --- links out of the data folder ----------------------------------------------------------------

# as the first line of /etc/passwd would be
OUTSIDE_CONTENT = "root:x:0:0:geheim-niet-kopieren:/root:/bin/bash"


@pytest.mark.parametrize("linked", ["file", "folder"])
def test_a_link_out_of_the_data_folder_is_refused_without_reading_it(
    bench: Bench, tmp_path: Path, linked: str
) -> None:
    """A file in data/raw/ (or its source folder) that links to a file elsewhere, as a link to
    /etc/passwd would: refused before it is read; neither the error nor the quarantine shows
    any of its content, and the year keeps its good load."""
    source, year = "signals", YEAR
    before = bench.restore_good_load(source, year)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / SOURCES[source].file_name(year)).write_text(OUTSIDE_CONTENT + "\n", encoding="utf-8")
    target = raw_path(bench.workspace, source, year)
    target.parent.parent.mkdir(parents=True, exist_ok=True)
    if linked == "file":
        target.parent.mkdir(exist_ok=True)
        target.symlink_to(outside / target.name)
        link = target
    else:
        folder_existed = target.parent.is_dir()
        if folder_existed:
            target.parent.rmdir()  # empty: the good load came from the demo file
        target.parent.symlink_to(outside, target_is_directory=True)
        link = target.parent
    try:
        result = bench.run(year, source)
    finally:
        link.unlink()
        if linked == "folder" and folder_existed:
            link.mkdir()
    assert not result.success
    message = step_failure_message(result, step_key("raw", source))
    assert "outside the data folder" in message and "refused" in message
    assert "geheim" not in message and "root:x" not in message
    assert materialized(result, source) == set()
    rows = quarantine(bench, source, year, "file_is_readable")
    assert rows and all("geheim" not in str(cell) for row in rows for cell in row)
    assert bench.state(source, year) == before


# --- the fixtures themselves ---------------------------------------------------------------------


def test_a_rounds_sources_do_not_depend_on_each_other() -> None:
    """A round runs several sources' raw and staging assets: none of them may read another's
    (a failed raw asset would then hold up another fixture's staging), and a round holds one
    fixture per source of one year and one kind, every fixture in exactly one round."""
    from pipeline.definitions import defs

    graph = defs.resolve_asset_graph()
    for kind in (UNREADABLE, BAD_VALUES, VALID):
        found = rounds(kind)
        assert sorted(name for round_ in found for name in round_) == sorted(kind)
        for round_ in found:
            infos = [FIXTURE_INFO[name] for name in round_]
            assert len({info.year for info in infos}) == 1, round_
            sources = [info.source for info in infos]
            assert len(set(sources)) == len(sources), round_
            for source in sources:
                others = {raw_key(other) for other in sources if other != source}
                for own in (raw_key(source), staging_key(source)):
                    assert not graph.get(own).parent_keys & others, (own, round_)


def test_every_fixture_has_a_test_of_its_kind() -> None:
    kinds = {
        make_fixtures.UNREADABLE: set(UNREADABLE),
        make_fixtures.BAD_VALUES: set(BAD_VALUES),
        make_fixtures.VALID: set(VALID),
        make_fixtures.NOT_DETECTED: set(),
    }
    on_disk = {path.name for path in FIXTURES.iterdir() if path.suffix in {".csv", ".json"}}
    assert on_disk == set(FIXTURE_INFO)
    for kind, names in kinds.items():
        assert {n for n, info in FIXTURE_INFO.items() if info.kind == kind} == names, kind
    assert len(on_disk) >= 28


def test_generator_reproduces_the_committed_files(tmp_path: Path) -> None:
    make_fixtures.write(tmp_path)
    for path in [*FIXTURES.glob("*.csv"), *FIXTURES.glob("*.json"), FIXTURES / "README.md"]:
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
