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
        "counts as select * from (values ('drugs', 'GM0002', 'sites', 7, 2024), "
        "('drugs', 'GM0001', 'sites', 3, 2023)) "
        "t(phenomenon_code, municipality_code, source, event_count, year)",
    )
    rows = conn.execute(
        "select year, municipality_code, source, phenomenon_code, label, population, event_count "
        "from every_municipality(items, counts, ['source', 'phenomenon_code'], ['event_count'], "
        "2023, 2024) order by all"
    ).fetchall()
    assert rows == [
        # 2023: GM0002 has no inhabitants that year (null, not zero), GM0001 its 3 sites
        (2023, "GM0001", "incidents", "drugs", "L1", 90, 0),
        (2023, "GM0001", "sites", "drugs", "L2", 90, 3),
        (2023, "GM0002", "incidents", "drugs", "L1", None, 0),
        (2023, "GM0002", "sites", "drugs", "L2", None, 0),
        (2024, "GM0001", "incidents", "drugs", "L1", 100, 0),
        (2024, "GM0001", "sites", "drugs", "L2", 100, 0),
        (2024, "GM0002", "incidents", "drugs", "L1", 200, 0),
        (2024, "GM0002", "sites", "drugs", "L2", 200, 7),
    ]
