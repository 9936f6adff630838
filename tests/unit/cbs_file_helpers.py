"""Writing a CBS file into a test's folder and reading it as the loader does: the helpers of the
tests of pipeline/domain/files/cbs_files.py (test_cbs_files_*.py, test_cbs_file_names.py)."""

from __future__ import annotations

from pathlib import Path

from pipeline.domain.files.cbs_files import read_cbs_file
from pipeline.domain.files.cbs_labels import load_code_lists
from pipeline.domain.files.cbs_tables import INCIDENTS_TABLE

REFERENCE = Path(__file__).resolve().parents[2] / "data" / "reference"
CODES = load_code_lists(REFERENCE)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def read(path: Path, table=INCIDENTS_TABLE):
    return read_cbs_file(path, table, CODES)


def cells(frame, *columns):
    return [tuple(row) for row in frame.select(*columns).iter_rows()]
