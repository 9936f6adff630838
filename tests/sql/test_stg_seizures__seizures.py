"""sql/staging/stg_seizures__seizures.sql."""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent
from .raw_loaders import load_raw
from .runners import stage_new_source

NAME = "staging/stg_seizures__seizures"
TABLE = "staging.stg_seizures__seizures"


@pytest.fixture
def seizures(warehouse):
    """fixture_rows.SEIZURES_2023 and SEIZURES_2024 loaded and staged."""
    return stage_new_source(warehouse, "seizures")


def rows(conn, year=2024):
    return conn.execute(
        "select case_id, seized_on, location_type, municipality_code, drug, weight_kg, "
        "departure_country from staging.stg_seizures__seizures where year = ? order by case_id",
        [year],
    ).fetchall()


def test_typed_trimmed_english_codes_and_2025_division(seizures):
    assert rows(seizures) == [
        # '1250,5' (decimal comma) -> 1250.5; haven -> port
        ("DOU2024-00001", dt.date(2024, 1, 5), "port", "GM0004", "cocaine", 1250.5, "EC"),
        # every field padded: trimmed; ' Luchthaven ' -> airport, ' HEROINE ' -> heroin,
        # ' 12,3 ' -> 12.3, ' tr ' -> TR; 29 February 2024 is a date
        ("DOU2024-00002", dt.date(2024, 2, 29), "airport", "GM0001", "heroin", 12.3, "TR"),
        # post -> mail, synthetisch -> synthetic, '0,1' -> 0.1
        ("DOU2024-00003", dt.date(2024, 3, 10), "mail", "GM0002", "synthetic", 0.1, "NL"),
        # GM0902 split 0.25 / 0.75: the seizure goes whole to GM0004 (0.75 > 0.25)
        ("DOU2024-00004", dt.date(2024, 4, 1), "port", "GM0004", "cocaine", 3000.0, "CO"),
        # GM0903 -> GM0901 -> GM0001 (chain); '7' without a decimal -> 7.0
        ("DOU2024-00005", dt.date(2024, 12, 31), "airport", "GM0001", "cocaine", 7.0, "SR"),
    ]


def test_location_trimmed_and_provenance_kept(seizures):
    assert seizures.execute(
        "select case_id, location, source_file, source_row from staging.stg_seizures__seizures "
        "where year = 2024 order by case_id"
    ).fetchall() == [
        ("DOU2024-00001", "Haven A", "inbeslagnames_2024.csv", 3),
        ("DOU2024-00002", "Vliegveld B", "inbeslagnames_2024.csv", 4),  # ' Vliegveld B '
        ("DOU2024-00003", "Postcentrum", "inbeslagnames_2024.csv", 2),
        ("DOU2024-00004", "Haven C", "inbeslagnames_2024.csv", 5),
        ("DOU2024-00005", "Vliegveld O", "inbeslagnames_2024.csv", 6),
    ]


def test_types_and_weight_total(seizures):
    assert seizures.execute(
        "select typeof(seized_on), typeof(weight_kg), count(*), round(sum(weight_kg), 1) "
        "from staging.stg_seizures__seizures where year = 2024 group by all"
    ).fetchall() == [("DATE", "DOUBLE", 5, 4269.9)]  # 1250.5 + 12.3 + 0.1 + 3000.0 + 7.0


def test_no_old_code_survives(seizures):
    assert seizures.execute(
        "select count(*) from staging.stg_seizures__seizures where municipality_code like 'GM09%'"
    ).fetchall() == [(0,)]


def test_unknown_drug_or_location_type_is_not_staged(warehouse):
    load_raw(
        warehouse,
        "seizures",
        2024,
        [
            ("A", "2024-01-01", "HAVEN", "x", "GM0001", "Cocaine", "1,0", "EC"),
            ("B", "2024-01-01", "weg", "x", "GM0001", "cocaine", "1,0", "EC"),  # no such type
            ("C", "2024-01-01", "haven", "x", "GM0001", "lsd", "1,0", "EC"),  # no such drug
        ],
    )
    run_in_transaction(warehouse, NAME, {"first_year": 2024, "last_year": 2024})
    assert warehouse.execute(
        "select case_id, location_type, drug from staging.stg_seizures__seizures"
    ).fetchall() == [("A", "port", "cocaine")]


def test_idempotent_and_years_apart(seizures):
    assert rows(seizures, 2023) == [
        ("DOU2023-00001", dt.date(2023, 6, 1), "port", "GM0003", "cocaine", 99.9, "BR"),
    ]
    assert_idempotent(seizures, NAME, TABLE, {"first_year": 2024, "last_year": 2024})
    assert_idempotent(seizures, NAME, TABLE, {"first_year": 2023, "last_year": 2023})
    assert seizures.execute(
        "select year, count(*) from staging.stg_seizures__seizures group by 1 order by 1"
    ).fetchall() == [(2023, 1), (2024, 5)]


def test_rerun_after_reingest_replaces_the_year(seizures):
    load_raw(
        seizures,
        "seizures",
        2024,
        [("DOU2024-09999", "2024-07-07", "post", "P", "GM0002", "heroine", "0,5", "DE")],
    )
    run_in_transaction(seizures, NAME, {"first_year": 2024, "last_year": 2024})
    assert [row[0] for row in rows(seizures)] == ["DOU2024-09999"]
    assert len(rows(seizures, 2023)) == 1  # 2023 untouched
