"""The pipeline reads only inside its data folder: a file found there that is a link (or lies
in a linked folder) pointing elsewhere is refused, before a byte of it is read, and the refusal
names the file as found, not its target or content. No Dagster, no DuckDB."""

from __future__ import annotations

from pathlib import Path

from pipeline.domain.files.delimited_files import UnreadableFile


def inside_data_folder(path: Path, data_dir: Path) -> Path:
    """``path`` if, with every link followed, it lies inside ``data_dir``; else UnreadableFile."""
    if not path.resolve().is_relative_to(data_dir.resolve()):
        shown = path.relative_to(data_dir) if path.is_relative_to(data_dir) else path.name
        raise UnreadableFile(
            f"{shown}: a link to a file outside the data folder {data_dir}; refused, nothing of "
            "it was read. Put the file itself in the folder (or link only within it).",
            file_name=path.name,
        )
    return path
