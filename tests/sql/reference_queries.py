"""Small queries of the reference tests on a loaded warehouse."""

from __future__ import annotations


def scalar(conn, sql):
    # fetchall, not fetchone: a half-read result would block relation calls on the shared `real`.
    [(value,)] = conn.execute(sql).fetchall()
    return value


def reference_values(conn, table: str, column: str) -> set[str]:
    return {value for (value,) in conn.table(f"reference.{table}").project(column).fetchall()}
