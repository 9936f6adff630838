"""The raw checks validate runs of whole years of bounded size (``batches.batched``): the same
outcome per year as one validation over all years, with the rows of only one batch in memory."""

from __future__ import annotations

import assets.raw.validation as validation
from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.expectations import Expectations
from tests.conftest import Workspace

YEARS = [2024, 2025]


def test_batched_years_have_the_outcome_of_one_validation(
    demo_build: Workspace, monkeypatch
) -> None:
    source = SOURCES["incidents"]
    with demo_build.connect() as conn:
        known = validation.known_values(conn)
        together = validation.validate_loaded(conn, Expectations(), source, YEARS, known)
        # Every year a batch of its own.
        monkeypatch.setattr(validation, "ROWS_PER_VALIDATION", 1)
        apart = validation.validate_loaded(conn, Expectations(), source, YEARS, known)
    assert together == apart
    assert [outcome.rows_checked > 20_000 for outcome in together.values()] == [True, True]
    assert all(outcome.passed for outcome in together.values())
