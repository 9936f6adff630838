"""Where a run may read and write: inside the project's folder, or inside a folder the operator
named in DREIGINGSBEELD_ALLOWED_FOLDERS (paths separated by ':'), which run config cannot set.
A run launched from a web page can thus not point the warehouse, the data or the reports at
another place on the machine. Checked when a run starts, never at import."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# The project's own data folder: demo files, reference tables, analysts' files, the warehouse.
PROJECT_DATA = PROJECT_ROOT / "data"
ALLOWED_FOLDERS_VARIABLE = "DREIGINGSBEELD_ALLOWED_FOLDERS"


class OutsideAllowedFolders(ValueError):
    """A configured path leads outside the folders a run may use."""


def allowed_folders() -> list[Path]:
    extra = os.environ.get(ALLOWED_FOLDERS_VARIABLE, "")
    return [PROJECT_ROOT, *(Path(p).resolve() for p in extra.split(os.pathsep) if p.strip())]


def check_allowed(setting: str, value: str) -> None:
    """Raise OutsideAllowedFolders if ``value`` (links followed) is outside every allowed folder."""
    resolved = Path(value).resolve()
    folders = allowed_folders()
    if not any(resolved.is_relative_to(folder) for folder in folders):
        raise OutsideAllowedFolders(
            f"{setting} = {value!r} is outside the folders a run may use "
            f"({', '.join(map(str, folders))}). Keep it inside the project, or have the operator "
            f"add its folder to {ALLOWED_FOLDERS_VARIABLE} where the webserver and daemon start."
        )
