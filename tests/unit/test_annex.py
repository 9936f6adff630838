"""The data annex: CSV, Parquet and XLSX round trips, byte reproducibility, stale files, and
no text cell a spreadsheet would take for a formula."""

import csv
import datetime as dt
import io
import math
import time
import zipfile

import openpyxl
import polars as pl
import pytest
from polars.testing import assert_frame_equal

from pipeline.domain.publishing.annex import neutralise_formulas, write_annex

TRICKY_STRINGS = [
    "plain",
    "comma, inside",
    'a "quoted" word',
    "two\nlines",
    "=1+1",
    "<script>alert(1)</script>",
    "http://x",
    "",
    None,
    "+31 6 1234",
    "0042",
    "1e5",
    "café ≥ 5",
]


def sample() -> pl.DataFrame:
    n = len(TRICKY_STRINGS)
    return pl.DataFrame(
        {
            "region": TRICKY_STRINGS,
            "count": [*range(n - 1), None],
            "rate": [0.1, 1e-12, 1.5e300, -2.5, 1 / 3, None, 123456789.125, 0.0, *[7.0] * (n - 8)],
            "flag": [True, False, None, *[True] * (n - 3)],
            "reference_date": [dt.date(2024, 1, 31), None, *[dt.date(1999, 12, 31)] * (n - 2)],
        },
        schema={
            "region": pl.String,
            "count": pl.Int64,
            "rate": pl.Float64,
            "flag": pl.Boolean,
            "reference_date": pl.Date,
        },
    )


def xlsx_rows(path):
    sheet = openpyxl.load_workbook(path).active
    return sheet, [[cell for cell in row] for row in sheet.iter_rows()]


def test_csv_round_trip(tmp_path):
    frame = sample()
    write_annex({"regions": frame}, tmp_path)
    raw = (tmp_path / "regions.csv").read_bytes()
    assert b"\r" not in raw.replace(b"two\nlines", b"")
    assert raw.startswith(b"region,count,rate,flag,reference_date\n")
    assert not raw.startswith(b"\xef\xbb\xbf")
    back = pl.read_csv(io.BytesIO(raw), schema=frame.schema)
    # exact: floats, nulls and empty strings survive; text that would be a formula comes back
    # with the apostrophe that keeps a spreadsheet from running it
    assert_frame_equal(back, neutralise_formulas(frame))


def test_csv_floats_are_written_exactly_and_with_a_decimal_point(tmp_path):
    frame = pl.DataFrame({"x": [0.1, 1e-12, 1.5e300, 2.0]})
    write_annex({"floats": frame}, tmp_path)
    assert (tmp_path / "floats.csv").read_text(encoding="utf-8") == (
        "x\n0.1\n1e-12\n1.5e+300\n2.0\n"
    )


def test_parquet_round_trip(tmp_path):
    frame = sample()
    write_annex({"regions": frame}, tmp_path)
    assert_frame_equal(pl.read_parquet(tmp_path / "regions.parquet"), frame)


def test_xlsx_round_trip(tmp_path):
    frame = sample()
    write_annex({"regions": frame}, tmp_path)
    sheet, rows = xlsx_rows(tmp_path / "regions.xlsx")
    assert sheet.title == "regions"
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in rows[0]] == frame.columns
    assert all(cell.font.b for cell in rows[0])
    assert len(rows) == frame.height + 1
    for row, expected in zip(rows[1:], frame.iter_rows(), strict=True):
        region, count, rate, flag, reference_date = (cell.value for cell in row)
        assert region == expected[0]  # an empty string stays a string cell, null stays empty
        assert count == expected[1]
        assert rate == expected[2]
        assert flag is expected[3]
        assert reference_date == (
            None if expected[4] is None else dt.datetime(*expected[4].timetuple()[:3])
        )
        assert row[4].value is None or row[4].number_format == "yyyy-mm-dd"


def test_xlsx_types_numbers_as_numbers_and_strings_as_strings(tmp_path):
    write_annex({"regions": sample()}, tmp_path)
    _, rows = xlsx_rows(tmp_path / "regions.xlsx")
    by_value = {row[0].value: row for row in rows[1:]}
    for text in ("=1+1", "http://x", "<script>alert(1)</script>", "0042", "1e5", "+31 6 1234"):
        assert by_value[text][0].data_type == "s"
        assert by_value[text][0].hyperlink is None
    assert rows[1][1].data_type == "n"
    assert rows[1][2].data_type == "n"
    assert rows[1][3].data_type == "b"
    assert rows[-1][1].value is None  # null count


def test_xlsx_keeps_formulas_out_of_the_file(tmp_path):
    write_annex({"regions": sample()}, tmp_path)
    with zipfile.ZipFile(tmp_path / "regions.xlsx") as archive:
        sheet_xml = archive.read("xl/worksheets/sheet1.xml").decode()
        assert "<f>" not in sheet_xml
        assert "hyperlink" not in sheet_xml


def test_long_table_names_are_cut_to_excel_sheet_names(tmp_path):
    name = "a_very_long_table_name_that_exceeds_excel_limits"
    write_annex({name: pl.DataFrame({"x": [1]})}, tmp_path)
    sheet, _ = xlsx_rows(tmp_path / f"{name}.xlsx")
    assert sheet.title == name[:31]


def test_same_frames_give_identical_bytes(tmp_path):
    frame = sample()
    # The same values in several chunks must not change the Parquet layout.
    chunked = pl.concat([frame.head(4), frame.tail(frame.height - 4)], rechunk=False)
    assert chunked.n_chunks() > 1
    first = write_annex({"regions": frame, "other": frame.head(3)}, tmp_path / "one")
    time.sleep(1.1)
    second = write_annex({"regions": chunked, "other": frame.head(3)}, tmp_path / "two")
    assert [p.name for p in first] == [p.name for p in second]
    assert len(first) == 6
    for a, b in zip(first, second, strict=True):
        assert a.read_bytes() == b.read_bytes(), a.name


def test_xlsx_has_no_current_time(tmp_path):
    write_annex({"regions": sample()}, tmp_path)
    with zipfile.ZipFile(tmp_path / "regions.xlsx") as archive:
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = archive.read("docProps/core.xml").decode()
    assert "2000-01-01T00:00:00Z" in core
    assert str(dt.date.today().year) not in core


def test_returns_sorted_paths_and_removes_stale_annex_files(tmp_path):
    (tmp_path / "old_table.csv").write_text("x\n1\n")
    (tmp_path / "old_table.parquet").write_bytes(b"stale")
    (tmp_path / "old_table.xlsx").write_bytes(b"stale")
    (tmp_path / "README.md").write_text("keep me")
    (tmp_path / "notes.txt").write_text("keep me")
    written = write_annex(
        {"zeta": pl.DataFrame({"x": [1]}), "alpha": pl.DataFrame({"x": [2]})}, tmp_path
    )
    assert written == sorted(written)
    assert [p.name for p in written] == [
        "alpha.csv",
        "alpha.parquet",
        "alpha.xlsx",
        "zeta.csv",
        "zeta.parquet",
        "zeta.xlsx",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["README.md", "notes.txt", *(p.name for p in written)]
    )
    write_annex({"alpha": pl.DataFrame({"x": [2]})}, tmp_path)
    assert not (tmp_path / "zeta.csv").exists()


def test_creates_the_directory(tmp_path):
    target = tmp_path / "nested" / "annex"
    write_annex({"t": pl.DataFrame({"x": [1]})}, target)
    assert (target / "t.parquet").is_file()


@pytest.mark.parametrize(
    "name",
    ["", "Regions", "two words", "../escape", "a/b", "1st", "naïve", "x.csv", "ok\n", "history"],
)
def test_bad_names_are_rejected_before_anything_is_written(tmp_path, name):
    (tmp_path / "old.csv").write_text("x\n")
    with pytest.raises(ValueError, match="name"):
        write_annex({"good": pl.DataFrame({"x": [1]}), name: pl.DataFrame({"x": [1]})}, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.csv"]


def test_nan_and_infinity_are_written_as_the_csv_text_not_as_formulas(tmp_path):
    frame = pl.DataFrame({"x": [math.nan, None, math.inf, -math.inf, 1.0]})
    write_annex({"nans": frame}, tmp_path)
    assert (tmp_path / "nans.csv").read_text() == "x\nNaN\n\ninf\n-inf\n1.0\n"
    _, rows = xlsx_rows(tmp_path / "nans.xlsx")
    assert [(row[0].value, row[0].data_type) for row in rows[1:]] == [
        ("NaN", "s"),
        (None, "n"),
        ("inf", "s"),
        ("-inf", "s"),
        (1, "n"),
    ]


@pytest.mark.parametrize(
    "frame",
    [
        pl.DataFrame({"x": ["a" * 32_768]}),
        pl.DataFrame({"x": [dt.datetime(2024, 1, 1)]}).with_columns(
            pl.col("x").dt.replace_time_zone("Europe/Amsterdam")
        ),
    ],
)
def test_frames_excel_cannot_hold_are_rejected_before_anything_is_written(tmp_path, frame):
    with pytest.raises(ValueError, match="bad_table"):
        write_annex({"fine": pl.DataFrame({"x": [1]}), "bad_table": frame}, tmp_path / "annex")
    assert not (tmp_path / "annex").exists()


FORMULAS = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


def test_no_text_cell_of_the_csv_can_become_a_formula(tmp_path):
    frame = pl.DataFrame(
        {"source_file": [*FORMULAS, "gewoon.csv", None], "count": [-5, 1, 2, 3, 4, 5, -6, 7]}
    )
    write_annex({"input_files": frame}, tmp_path)
    back = pl.read_csv(tmp_path / "input_files.csv", schema=frame.schema)
    assert back["source_file"].to_list() == [*(f"'{text}" for text in FORMULAS), "gewoon.csv", None]
    assert back["count"].to_list() == frame["count"].to_list()  # numbers stay numbers
    # what a spreadsheet sees: no text cell begins with a formula character
    with (tmp_path / "input_files.csv").open(newline="", encoding="utf-8") as file:
        cells = [row[0] for row in csv.reader(file)][1:]
    assert all(cell[:1] not in {"=", "+", "-", "@", "\t", "\r"} for cell in cells), cells


def test_no_text_cell_of_the_xlsx_can_become_a_formula(tmp_path):
    formulas = FORMULAS[:-1]  # a carriage return is stored as _x000D_, which openpyxl keeps
    frame = pl.DataFrame({"source_file": formulas})
    write_annex({"input_files": frame}, tmp_path)
    _, rows = xlsx_rows(tmp_path / "input_files.xlsx")
    assert [row[0].value for row in rows[1:]] == formulas
    assert all(row[0].data_type == "s" for row in rows[1:])
    with zipfile.ZipFile(tmp_path / "input_files.xlsx") as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()
