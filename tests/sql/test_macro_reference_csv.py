"""sql/macros/reference_csv.sql: a reference CSV read with the types given."""

from __future__ import annotations

import duckdb
import pytest

from .macro_connections import connection


def test_reference_csv_reads_the_types_given(tmp_path):
    path = tmp_path / "codes.csv"
    path.write_text('code,label,rank\nA,"one, quoted",1\nB,two,2\n', encoding="utf-8")
    conn = connection()
    read = (
        "select * from reference_csv(?, {'code': 'VARCHAR', 'label': 'VARCHAR', 'rank': 'INTEGER'})"
    )
    assert conn.execute(read, [str(path)]).fetchall() == [("A", "one, quoted", 1), ("B", "two", 2)]
    path.write_text("code,label,rank\nA,one,first\n", encoding="utf-8")
    with pytest.raises(duckdb.Error):  # no type guessing: a value that does not fit fails
        conn.execute(read, [str(path)]).fetchall()
