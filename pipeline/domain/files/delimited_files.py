"""Read a delivered source file into a frame of strings with its row numbers. No Dagster here.

Anything that stops a file from being read at all raises ``UnreadableFile`` with one message that
names the file, the row where it can, and the problem. Everything else (bad values) is left to
the validation, which can name the cell.
"""

from __future__ import annotations

import csv
import hashlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import polars as pl

from pipeline.domain.files.sources import Source

SEPARATOR_NAMES = {";": "semicolon", ",": "comma", "\t": "tab", "|": "pipe"}


class UnreadableFile(ValueError):
    """The file cannot be loaded at all; the message names the file and the problem."""

    def __init__(self, message: str, row: int | None = None, file_name: str | None = None) -> None:
        super().__init__(message)
        self.row = row
        self.file_name = file_name  # set where the file is not the one being read


def file_sha256(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _first_non_utf8_row(path: Path) -> tuple[int, str] | None:
    """Row number (header = 1) and the offending bytes of the first line that is not UTF-8."""
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                line.decode("utf-8")
            except UnicodeDecodeError as error:
                return number, line[error.start : error.end].hex(" ")
    return None


def _row_with_extra_fields(path: Path, separator: str) -> tuple[int, int] | None:
    """Row number of the first line with more fields than the header, and the header's number
    of fields (only on the error path)."""
    with path.open(encoding="utf-8", newline="") as handle:
        header = None
        for number, fields in enumerate(csv.reader(handle, delimiter=separator), start=1):
            if header is None:
                header = len(fields)
            elif len(fields) > header:
                return number, header
    return None


def _unclosed_quote_row(path: Path) -> int | None:
    """Row number where a quoted value opens that is never closed (only on the error path)."""
    opened_at = None
    with path.open(encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            # A doubled quote inside a quoted value counts twice, so parity tells open or closed.
            if line.count('"') % 2:
                opened_at = number if opened_at is None else None
    return opened_at


def _guess_separator(header: str) -> str | None:
    counts = {sep: header.count(sep) for sep in SEPARATOR_NAMES}
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else None


def _header_problem(path: Path, source: Source, delivered: list[str]) -> str | None:
    missing = [c for c in source.columns if c not in delivered]
    extra = [c for c in delivered if c not in source.columns]
    if not missing and not extra:
        return None
    expected = f"expected {SEPARATOR_NAMES[source.separator]}-separated columns " + ", ".join(
        source.columns
    )
    if len(delivered) == 1:
        guess = _guess_separator(delivered[0])
        if guess and guess != source.separator:
            return (
                f"{path.name}, row 1 (header): the file seems {SEPARATOR_NAMES[guess]}-separated; "
                f"{expected}"
            )
    problems = []
    if missing:
        problems.append(f"missing column(s) {', '.join(missing)}")
    if extra:
        problems.append(f"unexpected column(s) {', '.join(repr(c) for c in extra)}")
    return f"{path.name}, row 1 (header): {'; '.join(problems)}; {expected}"


def _refuse_empty(path: Path) -> None:
    if path.stat().st_size == 0:
        raise UnreadableFile(f"{path.name}: the file is empty (0 bytes); expected a header row")


def hash_and_parse(path: Path, source: Source) -> tuple[str, pl.DataFrame]:
    """The file's SHA-256 and its rows (see ``parse_delivered_rows``).

    The hash is computed in a second thread while Polars parses: both release the GIL, so a large
    file costs little more than its parse.
    """
    _refuse_empty(path)
    with ThreadPoolExecutor(max_workers=1) as pool:
        hashing = pool.submit(file_sha256, path)
        frame = parse_delivered_rows(path, source)
        return hashing.result(), frame


def _not_utf8(path: Path) -> UnreadableFile | None:
    found = _first_non_utf8_row(path)
    if found is None:
        return None
    row, hex_bytes = found
    return UnreadableFile(
        f"{path.name}, row {row}: not UTF-8 (bytes {hex_bytes}); the file may be Latin-1 or "
        "Windows-1252: save it as UTF-8",
        row=row,
    )


def read_delivered_rows(path: Path, source: Source) -> pl.DataFrame:
    """All cells as delivered (strings, empty cells as null) plus ``source_row``.

    ``source_row`` counts lines as a spreadsheet does: the header is row 1, the first data row 2.
    Values are kept as text so that the validation can name a bad cell instead of the parser
    stopping at it. A UTF-8 byte-order mark and Windows line endings are accepted; blank lines
    carry no data and are skipped.
    """
    _refuse_empty(path)
    return parse_delivered_rows(path, source)


def parse_delivered_rows(path: Path, source: Source) -> pl.DataFrame:
    """The rows of a non-empty file. Polars checks that every value is UTF-8; only when parsing
    fails is the file read again, line by line, to name the row."""
    frame = read_csv_cells(path, source.separator)
    delivered = [c for c in frame.columns if c != "source_row"]
    problem = _header_problem(path, source, delivered)
    if problem:
        raise UnreadableFile(problem, row=1)
    return without_blank_lines(path, frame.select("source_row", *source.columns))


def read_csv_cells(path: Path, separator: str, skip_lines: int = 0) -> pl.DataFrame:
    """Every cell of a CSV file as text (empty cells null) and ``source_row``, the line number
    of each row as a spreadsheet counts it (the header is row ``skip_lines + 1``). A file that
    cannot be parsed raises ``UnreadableFile`` naming the row where it can."""
    try:
        frame = pl.read_csv(
            path,
            separator=separator,
            quote_char='"',
            infer_schema=False,
            skip_lines=skip_lines,
            row_index_name="source_row",
            row_index_offset=skip_lines + 2,
            encoding="utf8",
        )
    except pl.exceptions.ComputeError as error:
        not_utf8 = _not_utf8(path)
        if not_utf8 is not None:
            raise not_utf8 from error
        extra = _row_with_extra_fields(path, separator)
        if extra is not None:
            row, fields = extra
            raise UnreadableFile(
                f"{path.name}, row {row}: more fields than the header's {fields} "
                "(a separator inside an unquoted value?)",
                row=row,
            ) from error
        quote_row = _unclosed_quote_row(path)
        if quote_row is not None:
            raise UnreadableFile(
                f"{path.name}, row {quote_row}: a quoted value opens here and is never closed",
                row=quote_row,
            ) from error
        raise UnreadableFile(f"{path.name}: cannot be read as CSV ({error})") from error
    except pl.exceptions.PolarsError as error:
        not_utf8 = _not_utf8(path)
        if not_utf8 is not None:
            raise not_utf8 from error
        raise UnreadableFile(f"{path.name}: cannot be read as CSV ({error})") from error
    return frame.with_columns(pl.col("source_row").cast(pl.Int64))


def without_blank_lines(path: Path, frame: pl.DataFrame) -> pl.DataFrame:
    """``frame`` without blank lines (every cell empty: no data); refused if nothing is left."""
    cells = [c for c in frame.columns if c != "source_row"]
    # Null counts are known without a scan, so a file whose first column has no empty cell has
    # no blank line and is not filtered.
    if cells and frame[cells[0]].null_count():
        frame = frame.filter(~pl.all_horizontal(pl.col(c).is_null() for c in cells))
    if frame.height == 0:
        raise UnreadableFile(f"{path.name}: a header but no data rows")
    return frame


def empty_delivery(source: Source) -> pl.DataFrame:
    """The frame of a year without a file: the source's columns and no rows (every row names
    its file, as a year may come from several)."""
    cells = dict.fromkeys(source.columns, pl.String)
    return pl.DataFrame(schema={"source_row": pl.Int64, **cells, "source_file": pl.String})
