"""sql/indicators/phenomenon_indicators.sql run again on the fixture warehouse: another or an
unknown weight set, the same year twice, the same files reingested, a year without population."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.plumbing.sql_runner import run_in_transaction

from .idempotence import assert_idempotent, snapshot
from .phenomenon_indicator_rows import NAME, TABLE, row
from .raw_loaders import load_2024, load_raw
from .runners import phenomenon_params, run_staging


def test_weight_set_selection(built):
    run_in_transaction(built, NAME, phenomenon_params(weight_set="alt_v1"))
    # alt_v1 weights fraud 2, violence 20, drug_trafficking 1:
    # NL harm 100 * 2 = 200, 13 * 20 = 260, 1 * 1 = 1
    assert row(built, "national", "NL01", "fraud")[4:] == ("alt_v1", 2.0, 200.0)
    assert row(built, "national", "NL01", "violence")[4:] == ("alt_v1", 20.0, 260.0)
    assert row(built, "national", "NL01", "drug_trafficking")[4:] == ("alt_v1", 1.0, 1.0)
    # only alt_v1 rows for 2024 now, still 45 of them; 2023 keeps default_v0
    assert built.execute(
        "select year, harm_weight_set, count(*) from indicators.phenomenon_indicators "
        "group by all order by all"
    ).fetchall() == [(2023, "default_v0", 45), (2024, "alt_v1", 45)]


def test_unknown_weight_set_fails_and_keeps_the_previous_rows(built):
    def count_2024():
        return built.execute(
            "select count(*) from indicators.phenomenon_indicators where year = 2024"
        ).fetchall()

    before = count_2024()
    assert before == [(45,)]
    with pytest.raises(duckdb.InvalidInputException, match="unknown harm weight set: no_such_set"):
        run_in_transaction(built, NAME, phenomenon_params(weight_set="no_such_set"))
    assert count_2024() == before


def test_idempotent_and_years_apart(built):
    # 2023: NL fraud 20 (pop 4 * 40000 = 160000, rate 20 * 100000 / 160000 = 12.5), violence 5
    assert row(built, "national", "NL01", "fraud", 2023) == (
        20,
        0,
        160000,
        12.5,
        "default_v0",
        4.0,
        80.0,
    )
    assert row(built, "national", "NL01", "violence", 2023)[0] == 5
    assert_idempotent(built, NAME, TABLE, phenomenon_params())
    assert_idempotent(built, NAME, TABLE, phenomenon_params(2023))


def test_reingest_does_not_double_count(built):
    before = snapshot(built, TABLE, 2024)
    load_2024(built)  # same files again through raw
    run_staging(built, 2024)
    run_in_transaction(built, NAME, phenomenon_params())
    assert snapshot(built, TABLE, 2024) == before


def test_missing_population_gives_null_rate(built):
    load_raw(built, "population", 2024, [])
    run_staging(built, 2024)
    run_in_transaction(built, NAME, phenomenon_params())
    assert row(built, "national", "NL01", "fraud") == (100, 0, None, None, "default_v0", 4.0, 400.0)
