"""A year's report folder is replaced whole or not at all, even when the writer is killed."""

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.domain.publishing.whole_folder import recover, written_whole


def contents(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def old_build(folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True)
    (folder / "report.html").write_text("old")
    (folder / "stale.csv").write_text("old only")
    return contents(folder)


def test_a_finished_write_replaces_the_folder_whole(tmp_path):
    final = tmp_path / "2025"
    old_build(final)
    with written_whole(final) as writing:
        (writing / "report.html").write_text("new")
        assert contents(final)["report.html"] == b"old"  # readers see the old build meanwhile
    assert contents(final) == {"report.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025"]


def test_a_failed_write_leaves_the_old_folder(tmp_path):
    final = tmp_path / "2025"
    before = old_build(final)
    with pytest.raises(RuntimeError), written_whole(final) as writing:
        (writing / "report.html").write_text("half")
        raise RuntimeError("the PDF could not be rendered")
    assert contents(final) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025"]


def test_what_a_killed_writer_left_is_undone(tmp_path):
    final = tmp_path / "2025"
    before = old_build(final)
    # killed while writing: a hidden half folder
    (tmp_path / ".2025.part").mkdir()
    (tmp_path / ".2025.part" / "report.html").write_text("ha")
    recover(final)
    assert contents(final) == before and not (tmp_path / ".2025.part").exists()
    # killed between the two renames: the old folder aside, none in place
    final.rename(tmp_path / ".2025.old")
    recover(final)
    assert contents(final) == before and not (tmp_path / ".2025.old").exists()


WRITER = """
import sys, time
from pathlib import Path
from pipeline.domain.publishing.whole_folder import written_whole
with written_whole(Path(sys.argv[1])) as writing:
    for n in range(1000):
        (writing / f"file{n}.txt").write_text("new" * 1000)
        if n == 10:
            print("writing", flush=True)
        time.sleep(0.01)
"""


def test_a_writer_killed_with_sigkill_leaves_the_old_build_in_place(tmp_path):
    final = tmp_path / "2025"
    before = old_build(final)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(final)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert writer.stdout is not None and writer.stdout.readline() == b"writing\n"
    time.sleep(0.05)
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert contents(final) == before
    with written_whole(final) as writing:  # the next build cleans up and completes
        (writing / "report.html").write_text("new")
    assert contents(final) == {"report.html": b"new"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025"]
