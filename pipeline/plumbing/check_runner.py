"""Run a Great Expectations suite on a pandas frame and describe failures by file, row and column.

GX is imported inside the functions: importing it takes seconds and only checks need it. In a
run the suites run in a worker process started with the run (``expectations.Expectations``).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from pipeline.domain.files.value_rules import REAL_DATE, Rule
from pipeline.plumbing.check_outcomes import RejectedValue, ValidationOutcome

if TYPE_CHECKING:
    import pandas as pd  # imported where frames are made: it takes a third of a second


def _expectation(rule: Rule, index: int):
    """The GX expectation for ``rule``; ``meta`` carries the rule's index back in the result."""
    expectation = _bare_expectation(rule)
    expectation.meta = {"rule_index": index}
    return expectation


def _column_of(rule: Rule) -> str:
    """The column a one-column rule guards (a rule list without it is a programming error)."""
    if rule.column is None:
        raise ValueError(f"a {rule.kind!r} rule needs a column")
    return rule.column


def _shown_column_of(rule: Rule) -> str:
    """The delivered column a failure of a one-column rule names."""
    if rule.shown_column is None:
        raise ValueError(f"a {rule.kind!r} rule needs a column")
    return rule.shown_column


def _bare_expectation(rule: Rule):
    import great_expectations as gx

    expectations = gx.expectations
    if rule.kind == "columns_match":
        return expectations.ExpectTableColumnsToMatchSet(
            column_set=rule.params["columns"], exact_match=False
        )
    if rule.kind == "date":
        return expectations.ExpectColumnValuesToMatchRegex(
            column=_column_of(rule), regex=REAL_DATE.regex
        )
    if rule.kind == "not_null":
        return expectations.ExpectColumnValuesToNotBeNull(column=_column_of(rule))
    if rule.kind == "match_regex":
        return expectations.ExpectColumnValuesToMatchRegex(
            column=_column_of(rule), regex=rule.params["regex"]
        )
    if rule.kind == "in_set":
        return expectations.ExpectColumnValuesToBeInSet(
            column=_column_of(rule), value_set=rule.params["value_set"]
        )
    if rule.kind == "unique":
        return expectations.ExpectColumnValuesToBeUnique(column=_column_of(rule))
    if rule.kind == "unique_together":
        return expectations.ExpectCompoundColumnsToBeUnique(column_list=rule.params["columns"])
    raise ValueError(f"unknown rule kind {rule.kind!r}")


def prepare_context() -> None:
    """Import GX and make the process's context now, before the first validation needs it."""
    _context()


@functools.cache
def _context() -> Any:
    """One ephemeral GX context per process: making one costs more than most validations."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig
    from great_expectations.execution_engine import pandas_execution_engine

    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    # GX hashes every frame under this size into a batch marker nothing here reads: seconds for
    # a year of record-level transactions. The rules' results do not depend on it.
    pandas_execution_engine.HASH_THRESHOLD = 0
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    return context


@functools.cache
def _batch_definition(suite_name: str) -> Any:
    """The suite's pandas batch definition in the process's context, made once: adding a data
    source saves the context's configuration (YAML), most of a small validation's time."""
    return (
        _context()
        .data_sources.add_or_update_pandas(suite_name)
        .add_dataframe_asset(suite_name)
        .add_batch_definition_whole_dataframe("partition")
    )


@contextmanager
def _configurations_made_once() -> Iterator[None]:
    """GX 1.x's ``Expectation.configuration`` makes the expectation's whole configuration anew
    on every call (a value set of hundreds of codes copied element by element), and a validation
    calls it dozens of times per expectation (once per domain and success key): for the raw
    files' rules, most of a validation's time. An expectation does not change while it is
    validated, so here each makes its configuration once. One validation at a time in a process
    (the checks service takes them in turn)."""
    from great_expectations.expectations.expectation import Expectation

    original = Expectation.__dict__["configuration"]
    made: dict[int, tuple[object, object]] = {}  # id -> (expectation, its configuration)

    def configuration(expectation: object) -> object:
        key = id(expectation)
        if key not in made:  # the expectation is kept with it: its id is not reused meanwhile
            made[key] = (expectation, original.fget(expectation))
        return made[key][1]

    Expectation.configuration = property(configuration)
    try:
        yield
    finally:
        Expectation.configuration = original


def validate_frame(frame: pd.DataFrame, rules: list[Rule], suite_name: str) -> ValidationOutcome:
    """Validate ``frame`` (with provenance columns ``source_file`` and ``source_row``)."""
    success, failed = unexpected_rows(frame, rules, suite_name)
    failures = [
        value for rule, rows in failed for value in rejected_values(frame, rule, rows, suite_name)
    ]
    return outcome_of(len(frame), rules, success, failures)


def unexpected_rows(
    frame: pd.DataFrame, rules: list[Rule], suite_name: str
) -> tuple[bool, list[tuple[Rule, list[Any]]]]:
    """GX's verdict on ``frame``: whether the suite of ``rules`` passed, and each failed rule
    with the index labels of the rows it rejects."""
    import great_expectations as gx

    batch = _batch_definition(suite_name).get_batch(batch_parameters={"dataframe": frame})
    suite = gx.ExpectationSuite(
        name=suite_name, expectations=[_expectation(r, i) for i, r in enumerate(rules)]
    )
    with _configurations_made_once():
        result = batch.validate(suite, result_format="COMPLETE")
    failed = []
    # GX returns results grouped by column, not in suite order: match them by the rule's index.
    for expectation_result in result.results:
        if expectation_result.success:
            continue
        config = expectation_result.expectation_config
        if config is None or config.meta is None:
            raise RuntimeError(f"{suite_name}: GX returned a result without its expectation")
        details = expectation_result.result or {}
        failed.append(
            (rules[config.meta["rule_index"]], list(details.get("unexpected_index_list") or []))
        )
    return bool(result.success), failed


def outcome_of(
    rows_checked: int, rules: list[Rule], success: bool, failures: list[RejectedValue]
) -> ValidationOutcome:
    failures = sorted(failures, key=lambda f: (f.source_file, f.source_row or 0, f.column or ""))
    return ValidationOutcome(
        passed=success and not failures,
        rows_checked=rows_checked,
        rules_checked=len(rules),
        failures=failures,
    )


def rejected_values(
    frame: pd.DataFrame, rule: Rule, rows: list[Any], suite_name: str
) -> list[RejectedValue]:
    """The values of ``frame`` in ``rows`` (index labels) that a failed rule rejects, each with
    its file, row and column."""
    import pandas as pd

    if rule.kind == "columns_match":
        files = sorted(frame["source_file"].dropna().unique()) if "source_file" in frame else []
        return missing_from_header(files, list(frame.columns), rule, suite_name)
    together = rule.kind == "unique_together"
    # A rule may look at a derived copy of a column, or at a key with its year: the failure
    # names the delivered columns and their values.
    shown_columns: list[str] = (
        rule.params.get("shown", rule.params["columns"]) if together else [_shown_column_of(rule)]
    )
    years = frame.get("partition_year")
    rejected = []
    for index in rows:
        row = frame.loc[index]
        values = [row[column] for column in shown_columns]
        shown = " / ".join("" if pd.isna(v) else str(v) for v in values)
        year = None if years is None else int(years.loc[index])
        rejected.append(
            RejectedValue(
                source_file=str(row["source_file"]),
                source_row=int(row["source_row"]),
                column=", ".join(shown_columns),
                value=None if all(pd.isna(v) for v in values) else shown,
                rule=_broken(rule, len(shown_columns), year),
                partition_year=year,
            )
        )
    return rejected


def missing_from_header(
    files: list[str], columns: list[str], rule: Rule, suite_name: str
) -> list[RejectedValue]:
    """The columns a failed ``columns_match`` rule wants that the ``files`` lack."""
    file_label = ", ".join(files) or suite_name
    missing = sorted(set(rule.params["columns"]) - set(columns))
    return [
        RejectedValue(file_label, 1, column, None, "is missing from the header")
        for column in missing
    ]


def _broken(rule: Rule, columns: int, year: int | None) -> str:
    """What a failure of ``rule`` says, with the row's partition year where it matters."""
    if rule.kind == "unique_together":
        return "must identify one row only" if columns > 1 else "must be unique"
    return rule.describe_for(year)
