"""Ask the warehouse a question from the command line, without holding up runs.

    python -m pipeline.query "select * from quality.check_results where not passed"

Reads the readers' copy each run publishes as it ends (``data/warehouse_readers.duckdb``),
read-only: the warehouse itself stays free for the runs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import duckdb

from pipeline.plumbing.allowed_folders import PROJECT_DATA
from pipeline.plumbing.warehouse_files import readers_copy_of, warehouse_file

# Rows printed at most; DuckDB's table shows how many there were.
MAX_ROWS = 200


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sql", help='one SQL statement, e.g. "select * from quality.quarantine"')
    parser.add_argument(
        "--database",
        type=Path,
        help="the DuckDB file to read (default: the readers' copy in the project's data/)",
    )
    args = parser.parse_args(argv)
    database = args.database or readers_copy_of(warehouse_file(PROJECT_DATA))
    if not database.is_file():
        print(f"{database} does not exist yet: it is written as a run ends", file=sys.stderr)
        return 1
    with duckdb.connect(str(database), read_only=True) as conn:
        try:
            # The analyst's own statement, on a read-only connection to a copy: it can only read.
            conn.sql(args.sql).show(max_rows=MAX_ROWS, max_width=200)
        except duckdb.Error as error:
            print(f"query failed: {error}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
