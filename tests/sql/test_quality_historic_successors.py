"""sql/quality/queries/historic_successors.sql: the codes created after an old code ended, on
the fixture reference and the real municipal reclassifications."""

from __future__ import annotations

from pipeline.plumbing.sql_runner import query


def test_an_old_code_is_mixed_only_with_codes_created_after_it_ended(warehouse):
    # Fixture: GM0903 went into GM0901, created that day (2019), which went into the existing
    # GM0001 (2021); GM0902 was split over the existing GM0003 and GM0004. Only GM0901 never
    # existed alongside an old code: GM0001, GM0003 and GM0004 did.
    assert query(warehouse, "quality/queries/historic_successors") == (
        ["source_code", "successors"],
        [("GM0903", ["GM0901"])],
    )


def test_the_real_changes_name_the_codes_created_after_each_old_code(tmp_path):
    import duckdb

    from pipeline.plumbing.resources import PROJECT_ROOT
    from pipeline.plumbing.sql_runner import prepare_connection, run_sql

    conn = duckdb.connect(str(tmp_path / "w.duckdb"))
    prepare_connection(conn)
    reference = PROJECT_ROOT / "data" / "reference" / "municipal_reclassifications.csv"
    run_sql(conn, "reference/municipal_reclassifications", {"path": str(reference)})
    successors = dict(query(conn, "quality/queries/historic_successors")[1])
    # Bussum became Gooise Meren (created 2016); Heerhugowaard became Dijk en Waard (2022).
    assert successors["GM0381"] == ["GM1942"]
    assert successors["GM0398"] == ["GM1980"]
    # Littenseradiel (2018) went partly to Waadhoeke, created that day, and partly to Leeuwarden
    # and Súdwest-Fryslân, which existed alongside it.
    assert successors["GM0140"] == ["GM1949"]
    # Weesp and Amsterdam existed side by side until 2022; Leeuwarderadeel and Leeuwarden too.
    assert "GM0457" not in successors
    assert "GM0081" not in successors
