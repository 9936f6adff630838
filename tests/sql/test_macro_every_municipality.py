"""sql/macros/every_municipality.sql: a row for every municipality and item, zero where nothing
was counted, with the inhabitants."""

from __future__ import annotations

from .macro_connections import connection


def test_every_municipality_makes_zero_explicit_and_adds_the_inhabitants():
    conn = connection(
        "reference.municipalities as select * from (values ('GM0001'), ('GM0002')) "
        "t(municipality_code)",
        "staging.stg_population__inhabitants as select * from (values "
        "(2024, 'GM0001', 100), (2024, 'GM0002', 200), (2023, 'GM0001', 90)) "
        "t(year, municipality_code, inhabitants)",
        "items as select * from (values ('incidents', 'drugs', 'L1'), ('sites', 'drugs', 'L2')) "
        "t(source, phenomenon_code, label)",
        # the keys in another order than in items: a count finds its item by name
        "counts as select * from (values ('drugs', 'GM0002', 'sites', 7)) "
        "t(phenomenon_code, municipality_code, source, event_count)",
    )
    rows = conn.execute(
        "select municipality_code, source, phenomenon_code, label, population, event_count "
        "from every_municipality(items, counts, ['source', 'phenomenon_code'], ['event_count'], "
        "2024) order by all"
    ).fetchall()
    assert rows == [
        ("GM0001", "incidents", "drugs", "L1", 100, 0),
        ("GM0001", "sites", "drugs", "L2", 100, 0),
        ("GM0002", "incidents", "drugs", "L1", 200, 0),
        ("GM0002", "sites", "drugs", "L2", 200, 7),
    ]
