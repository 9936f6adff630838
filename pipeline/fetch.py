"""Download the public CBS tables into data/raw/ from the command line.

    python -m pipeline.fetch --years 2019-2025            # or: make fetch YEARS=2019-2025
    python -m pipeline.fetch --years 2024 --overwrite     # replace files an analyst put there

Writes 83648NED, 03759NED and 81575NED as the CBS OData v4 API returns them (see
pipeline/domain/files/cbs_fetch.py); the ``fetch_cbs_tables`` job does the same from the Dagster UI.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.domain.files.cbs_fetch import CBS_API, FetchError, fetch_all

# The project's data folder without Dagster: downloading needs none of it (three quarters of a
# second).
from pipeline.plumbing.allowed_folders import PROJECT_DATA


def parse_years(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    try:
        return int(first), int(last or first)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected years such as 2019-2025") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=parse_years, required=True, help="e.g. 2019-2025")
    parser.add_argument("--overwrite", action="store_true", help="replace files already there")
    parser.add_argument("--base-url", default=CBS_API, help=f"the OData v4 API (default {CBS_API})")
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="the data folder whose raw/ receives the files (default: the project's data/)",
    )
    args = parser.parse_args(argv)

    raw_dir = (args.data_dir or PROJECT_DATA) / "raw"
    first, last = args.years
    try:
        fetch_all(args.base_url, raw_dir, first, last, args.overwrite, print)
    except FetchError as error:
        print(f"fetch failed: {error}", file=sys.stderr)
        return 1
    print("done: build with `make report` (or the new_source_files sensor picks the files up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
