"""``python -m pipeline.query``: a question answered from the readers' copy, read-only."""

import duckdb

from pipeline.query import main


def test_a_query_prints_its_rows_and_cannot_write(tmp_path, capsys):
    database = tmp_path / "w_readers.duckdb"
    with duckdb.connect(str(database)) as conn:
        conn.execute("create schema quality")
        conn.execute("create table quality.quarantine as select 'fiu_2025.csv' as source_file")
    assert main(["select source_file from quality.quarantine", "--database", str(database)]) == 0
    assert "fiu_2025.csv" in capsys.readouterr().out
    assert main(["drop table quality.quarantine", "--database", str(database)]) == 1
    assert "read-only" in capsys.readouterr().err
    with duckdb.connect(str(database), read_only=True) as conn:
        assert conn.execute("select count(*) from quality.quarantine").fetchall() == [(1,)]


def test_a_missing_copy_says_when_it_comes(tmp_path, capsys):
    assert main(["select 1", "--database", str(tmp_path / "none.duckdb")]) == 1
    assert "written as a run ends" in capsys.readouterr().err
