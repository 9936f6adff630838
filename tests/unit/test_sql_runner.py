"""pipeline.plumbing.sql_runner: SQL files run statement by statement with exactly the parameters
they name."""

import duckdb
import pytest

from pipeline.plumbing import sql_runner as sql


@pytest.fixture
def sql_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(sql, "SQL_DIR", tmp_path)
    (tmp_path / "demo").mkdir()
    return tmp_path


def test_runs_every_statement_with_its_own_parameters(sql_dir):
    (sql_dir / "demo" / "script.sql").write_text(
        "create table t (year int, n int);\n"
        "delete from t where year = $year;\n"
        "insert into t values ($year, $n);\n"
        "select year, n from t;\n"
    )
    conn = duckdb.connect()
    assert sql.run_sql(conn, "demo/script", {"year": 2024, "n": 7}) == [(2024, 7)]


def test_unused_parameter_is_an_error(sql_dir):
    (sql_dir / "demo" / "one.sql").write_text("select $year")
    with pytest.raises(sql.SqlParameterError, match="does not use parameters \\['yaer'\\]"):
        sql.run_sql(duckdb.connect(), "demo/one", {"year": 1, "yaer": 2})


def test_missing_parameter_is_an_error(sql_dir):
    (sql_dir / "demo" / "one.sql").write_text("select $year")
    with pytest.raises(sql.SqlParameterError, match="needs parameters \\['year'\\]"):
        sql.run_sql(duckdb.connect(), "demo/one", {})


def test_query_returns_columns_and_rows(sql_dir):
    (sql_dir / "demo" / "q.sql").write_text("select $a + 1 as b, 'x' as c")
    assert sql.query(duckdb.connect(), "demo/q", {"a": 41}) == (["b", "c"], [(42, "x")])


def test_query_refuses_a_script(sql_dir):
    (sql_dir / "demo" / "two.sql").write_text("select 1; select 2")
    with pytest.raises(ValueError, match="exactly one query"):
        sql.query(duckdb.connect(), "demo/two")


def test_transaction_leaves_nothing_behind_on_failure(sql_dir):
    (sql_dir / "demo" / "fails.sql").write_text(
        "delete from t where year = $year;\ninsert into t values ($year, 'not a number');\n"
    )
    conn = duckdb.connect()
    conn.execute("create table t (year int, n int); insert into t values (2024, 1)")
    with pytest.raises(duckdb.ConversionException):
        sql.run_in_transaction(conn, "demo/fails", {"year": 2024})
    assert conn.sql("select * from t").fetchall() == [(2024, 1)]


def test_names_cannot_leave_the_sql_folder(sql_dir):
    with pytest.raises(ValueError, match="outside"):
        sql.sql_path("../secrets")
