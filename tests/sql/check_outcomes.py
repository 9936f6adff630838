"""Record a check's outcome in quality.check_results (and its failures in quality.quarantine)
as the asset checks do."""

from __future__ import annotations

from pipeline.plumbing.check_outcomes import RejectedValue, ValidationOutcome, record_outcome


def record(conn, year, asset_key, check_name, passed, failures, summary="s"):
    outcome = ValidationOutcome(passed, 10, 3, [RejectedValue(*failure) for failure in failures])
    record_outcome(conn, asset_key, check_name, year, outcome, summary=summary)
