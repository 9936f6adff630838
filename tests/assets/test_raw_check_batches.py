"""The raw checks validate runs of whole years of bounded size: the same outcome per year as one
validation over all years, with the rows of only one batch in memory at a time."""

from __future__ import annotations

import assets.raw.checks as raw_checks
from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.expectations import Expectations
from tests.conftest import Workspace

YEARS = range(2024, 2026)


def test_years_are_batched_up_to_the_row_limit(demo_build: Workspace, monkeypatch) -> None:
    source = SOURCES["drug_sites"]
    with demo_build.connect() as conn:
        rows = dict(
            conn.execute(
                "select partition_year, count(*) from raw.drug_sites group by all"
            ).fetchall()
        )
        both = rows[2024] + rows[2025]
        monkeypatch.setattr(raw_checks, "ROWS_PER_VALIDATION", both)
        assert raw_checks._year_batches(conn, source, YEARS) == [range(2024, 2026)]
        monkeypatch.setattr(raw_checks, "ROWS_PER_VALIDATION", both - 1)
        assert raw_checks._year_batches(conn, source, YEARS) == [
            range(2024, 2025),
            range(2025, 2026),
        ]
        # A year larger than the limit is a batch of its own, never split.
        monkeypatch.setattr(raw_checks, "ROWS_PER_VALIDATION", 1)
        assert raw_checks._year_batches(conn, source, YEARS) == [
            range(2024, 2025),
            range(2025, 2026),
        ]


def test_batched_years_have_the_outcome_of_one_validation(demo_build: Workspace) -> None:
    source = SOURCES["incidents"]
    with demo_build.connect() as conn:
        known = raw_checks._known_values(conn)
        together = raw_checks._validated_years(conn, Expectations(), source, YEARS, known)
        apart = {
            **raw_checks._validated_years(conn, Expectations(), source, range(2024, 2025), known),
            **raw_checks._validated_years(conn, Expectations(), source, range(2025, 2026), known),
        }
    assert together == apart
    assert [outcome.rows_checked > 20_000 for outcome in together.values()] == [True, True]
