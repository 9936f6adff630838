"""sql/reference/*.sql on municipalities, provinces and RIEC regions: the region membership and
the code map of old municipality codes, on the real CSVs and the fixture ones."""

from __future__ import annotations

from datetime import date

from tests.divisions import current_codes, division_on

from .reference_queries import scalar


def test_real_counts(real):
    assert scalar(real, "select count(*) from reference.municipalities") == 342
    assert (
        scalar(real, "select count(distinct municipality_code) from reference.municipalities")
        == 342
    )
    assert scalar(real, "select count(*) from reference.riec_regions") == 10
    assert scalar(real, "select count(*) from reference.provinces") == 12


def test_real_municipalities_point_to_known_regions(real):
    unknown_riec = real.execute(
        "select municipality_code from reference.municipalities "
        "where riec_code not in (select riec_code from reference.riec_regions)"
    ).fetchall()
    unknown_province = real.execute(
        "select municipality_code from reference.municipalities "
        "where province_code not in (select province_code from reference.provinces)"
    ).fetchall()
    assert unknown_riec == []
    assert unknown_province == []


def test_region_membership_lists_every_level_of_every_municipality(warehouse):
    rows = warehouse.execute(
        "select municipality_code, region_level, region_code, region_name "
        "from reference.region_membership where municipality_code = 'GM0003' order by all"
    ).fetchall()
    assert rows == [
        ("GM0003", "municipality", "GM0003", "Cadier"),
        ("GM0003", "national", "NL01", "Nederland"),
        ("GM0003", "province", "PV01", "Provincie A"),
        ("GM0003", "riec_region", "RIEC02", "RIEC Zuid"),
    ]
    # 4 municipalities x 4 levels
    assert scalar(warehouse, "select count(*) from reference.region_membership") == 16


def test_real_region_membership(real):
    counts = real.execute(
        "select region_level, count(distinct region_code), count(*) "
        "from reference.region_membership group by 1 order by 1"
    ).fetchall()
    assert counts == [
        ("municipality", 342, 342),
        ("national", 1, 342),
        ("province", 12, 342),
        ("riec_region", 10, 342),
    ]


def test_code_map_follows_chains_and_splits(warehouse):
    assert warehouse.execute(
        "select source_code, municipality_code, share, is_historic "
        "from reference.municipality_code_map where source_code like 'GM09%' order by all"
    ).fetchall() == [
        ("GM0901", "GM0001", 1.0, True),
        ("GM0902", "GM0003", 0.25, True),
        ("GM0902", "GM0004", 0.75, True),
        ("GM0903", "GM0001", 1.0, True),  # GM0903 -> GM0901 -> GM0001
    ]
    # Every current code maps to itself.
    assert (
        scalar(
            warehouse,
            "select count(*) from reference.municipality_code_map "
            "where not is_historic and source_code = municipality_code and share = 1",
        )
        == 4
    )


def test_real_code_map_shares_add_up_to_one_and_end_in_2025(real):
    assert (
        real.execute(
            "select source_code, sum(share) from reference.municipality_code_map "
            "group by 1 having abs(sum(share) - 1) > 1e-9"
        ).fetchall()
        == []
    )
    assert (
        scalar(
            real,
            "select count(*) from reference.municipality_code_map where municipality_code "
            "not in (select municipality_code from reference.municipalities)",
        )
        == 0
    )
    # Weesp (GM0457) went to Amsterdam; every code of a division since 2015 is known.
    assert real.execute(
        "select municipality_code from reference.municipality_code_map where source_code = 'GM0457'"
    ).fetchall() == [("GM0363",)]
    since_2015 = set().union(*(division_on(date(year, 1, 1)) for year in range(2015, 2026)))
    historic = real.execute(
        "select distinct source_code from reference.municipality_code_map where is_historic"
    ).fetchall()
    assert {code for (code,) in historic} == since_2015 - current_codes()
    assert len(historic) == 72
