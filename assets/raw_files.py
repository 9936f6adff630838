"""Read a delivered source file into a frame of strings with its row numbers. No Dagster here."""

from __future__ import annotations

import hashlib
from pathlib import Path

import polars as pl

from assets.sources import Source


class UnreadableFile(ValueError):
    """The file cannot be loaded at all; the message names the file and the problem."""


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_delivered_rows(path: Path, source: Source) -> pl.DataFrame:
    """All cells as delivered (strings, empty cells as null) plus ``source_row``.

    ``source_row`` counts lines as a spreadsheet does: the header is row 1, the first data row 2.
    Values are kept as text so that the validation can name a bad cell instead of the parser
    stopping at it.
    """
    try:
        frame = pl.read_csv(
            path,
            separator=source.separator,
            quote_char='"',
            infer_schema=False,
            row_index_name="source_row",
            row_index_offset=2,
            encoding="utf8",
        )
    except (pl.exceptions.PolarsError, UnicodeDecodeError) as error:
        raise UnreadableFile(
            f"{path.name}: cannot be read as {source.separator!r}-separated UTF-8 CSV ({error})"
        ) from error
    delivered = [c for c in frame.columns if c != "source_row"]
    missing = [c for c in source.columns if c not in delivered]
    extra = [c for c in delivered if c not in source.columns]
    if missing or extra:
        problems = []
        if missing:
            problems.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            problems.append(f"unexpected column(s) {', '.join(extra)}")
        raise UnreadableFile(
            f"{path.name}, row 1 (header): {'; '.join(problems)}; "
            f"expected {', '.join(source.columns)}"
        )
    return frame.select("source_row", *source.columns).with_columns(
        pl.col("source_row").cast(pl.Int64)
    )
