"""pipeline.plumbing.checked_rows: the rows as the raw checks see them, made by DuckDB."""

import duckdb
import pandas as pd

from pipeline.domain.files.value_rules import PARTITION_COPY, YEAR_MARK
from tests.unit.checked_frames import checked_frame


def delivered(dates: list[str | None], years: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "transactie_id": [f" {n} " for n in range(len(dates))],
            "datum": dates,
            "meldersgroep": "banken",
            "gemeentecode": "GM0363\t",
            "bedrag_eur": "1.00",
            "verdacht": "0",
            "partition_year": years,
            "source_file": "ot.csv",
            "source_row": range(2, len(dates) + 2),
            "source_sha256": "ab",
        }
    )


def values(column: pd.Series) -> list[str | None]:
    return column.astype(object).where(column.notna(), None).tolist()


def test_a_date_of_the_rows_own_year_is_marked_and_others_kept():
    checked = checked_frame(
        delivered(
            ["2024-03-01", "2023-12-31", None, " 2025-01-01", "202"], [2024, 2024, 2024, 2025, 2024]
        ),
        "unusual_transactions",
    )
    # in file order: the 2025 row last
    assert values(checked["datum" + PARTITION_COPY]) == [
        f"{YEAR_MARK}-03-01", "2023-12-31", None, "202", f"{YEAR_MARK}-01-01",
    ]  # fmt: skip
    assert values(checked["datum"]) == ["2024-03-01", "2023-12-31", None, "202", "2025-01-01"]


def test_spaces_are_trimmed_a_tab_is_kept_and_the_load_provenance_left_out():
    checked = checked_frame(delivered(["2024-03-01"], [2024]), "unusual_transactions")
    assert checked["transactie_id"].tolist() == ["0"]
    assert checked["gemeentecode"].tolist() == ["GM0363\t"]
    assert "source_sha256" not in checked.columns
    assert checked["source_row"].tolist() == [2]


def test_rows_come_in_file_order():
    frame = delivered(["2024-01-01"] * 3, [2025, 2024, 2024]).assign(source_row=[2, 3, 2])
    with duckdb.connect():
        checked = checked_frame(frame, "unusual_transactions")
    assert list(zip(checked["partition_year"], checked["source_row"], strict=True)) == [
        (2024, 2), (2024, 3), (2025, 2),
    ]  # fmt: skip
