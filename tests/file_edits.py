"""Edits of a delivered file, as the tests make them: one cell of a CSV, or observations of a
v4 JSON file; the rest of the file keeps its bytes."""

from __future__ import annotations

import json
from pathlib import Path


def replace_cell(path: Path, data_line: int, column: str, value: str) -> tuple[str, int]:
    """Set ``column`` of the ``data_line``-th data line (1 = first after the header) to ``value``.

    The header is the first line holding ``column`` (a StatLine download has a title above it).
    Edits the text, so the rest of the file keeps its bytes and quoting; returns the old value and
    the edited cell's row in spreadsheet numbering (the file's line, the first being 1).
    """
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header_index = next(i for i, line in enumerate(lines) if column in _cells(line))
    index = _cells(lines[header_index]).index(column)
    row_index = header_index + data_line
    line = lines[row_index]
    ending = line[len(line.rstrip("\r\n")) :]
    cells = line.rstrip("\r\n").split(";")
    old = cells[index]
    quoted = old.startswith('"') and old.endswith('"')
    cells[index] = f'"{value}"' if quoted else value
    lines[row_index] = ";".join(cells) + ending
    path.write_text("".join(lines), encoding="utf-8")
    return old.strip('"'), row_index + 1


def _cells(line: str) -> list[str]:
    return [name.strip('"') for name in line.rstrip("\r\n").split(";")]


def replace_observations(path: Path, where: dict[str, str], changes: dict[str, str]) -> list[int]:
    """In a v4 Observations file (one page or a list of pages), apply ``changes`` to every
    observation that matches ``where``; returns their positions (the first observation is 1)."""
    document = json.loads(path.read_text(encoding="utf-8"))
    pages = document if isinstance(document, list) else [document]
    positions = []
    observations = (o for page in pages for o in page["value"])
    for position, observation in enumerate(observations, start=1):
        if all(observation.get(k) == v for k, v in where.items()):
            observation.update(changes)
            positions.append(position)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return positions
