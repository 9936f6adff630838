"""sql/reference/*.sql on the real data/reference CSVs, and on the tiny fixture CSVs."""

from __future__ import annotations

from datetime import date

import duckdb
import polars as pl
import pytest

from pipeline.domain.files.sources import SOURCES
from pipeline.plumbing.sql_runner import prepare_connection
from tests.divisions import current_codes, division_on

from .helpers import (
    FIXTURE_REFERENCE,
    REAL_REFERENCE,
    REFERENCE_TABLES,
    REPO,
    load_reference,
    real_header,
)


@pytest.fixture(scope="module")
def real():
    conn = duckdb.connect()
    prepare_connection(conn)
    load_reference(conn, {t: REAL_REFERENCE / f"{t}.csv" for t in REFERENCE_TABLES})
    yield conn
    conn.close()


def scalar(conn, sql):
    # fetchall, not fetchone: a half-read result would block relation calls on the shared `real`.
    [(value,)] = conn.execute(sql).fetchall()
    return value


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


def test_real_crime_types_map_to_known_phenomena_or_nothing(real):
    unknown = real.execute(
        "select crime_type_code, phenomenon_code from reference.crime_types "
        "where phenomenon_code is not null "
        "and phenomenon_code not in (select phenomenon_code from reference.phenomena)"
    ).fetchall()
    assert unknown == []
    # The total T001161 maps to no phenomenon (an empty cell is read as null).
    assert real.execute(
        "select phenomenon_code from reference.crime_types where crime_type_code = 'T001161'"
    ).fetchall() == [(None,)]


def test_the_real_crime_type_hierarchy(real):
    """The 75 SoortMisdrijf codes of 83648NED: one root, every parent a code of the list, the
    counted codes never one inside another (a crime counted twice), human trafficking CRI3624."""
    rows = real.execute(
        "select crime_type_code, parent_code, level, phenomenon_code from reference.crime_types"
    ).fetchall()
    codes = {code for code, *_ in rows}
    assert len(rows) == 75 and "CRI3624" in codes and "CRI3600" not in codes
    assert [code for code, parent, *_ in rows if parent is None] == ["T001161"]
    assert {parent for _, parent, *_ in rows if parent} <= codes
    counted = {code for code, _, _, phenomenon in rows if phenomenon}
    nested = real.execute(
        "select crime_type_code, ancestor_code from reference.crime_type_paths "
        "where distance > 0 and crime_type_code in (select unnest(?)) "
        "and ancestor_code in (select unnest(?))",
        [sorted(counted), sorted(counted)],
    ).fetchall()
    assert nested == []
    assert real.execute(
        "select phenomenon_code, list(crime_type_code order by crime_type_code) "
        "from reference.crime_types where phenomenon_code is not null group by 1 order by 1"
    ).fetchall() == [
        ("drug_trafficking", ["CRI6000"]),
        ("extortion", ["CRI1500"]),
        ("fraud", ["CRI1210", "CRI1230", "CRI1300", "CRI1600"]),
        ("human_trafficking", ["CRI3624"]),
        ("money_laundering", ["CRI1700"]),
        ("violence", ["CRI2300", "CRI3400", "CRI3500", "CRI7000"]),
    ]


def test_real_drug_site_types_and_fiu_sectors_are_known(real):
    assert (
        real.execute(
            "select site_type from reference.drug_site_types "
            "where phenomenon_code not in (select phenomenon_code from reference.phenomena)"
        ).fetchall()
        == []
    )
    assert (
        real.execute(
            "select reporting_sector_code from reference.fiu_reporting_sectors "
            "where sector_code not in (select sector_code from reference.sectors)"
        ).fetchall()
        == []
    )


def test_real_harm_weight_sets_cover_every_phenomenon_once(real):
    sets = {
        row[0]
        for row in real.execute("select weight_set from reference.harm_weight_sets").fetchall()
    }
    assert {"default_v0", "paoli_greenfield_v1", "statutory_maximum_v1"} <= sets
    missing = real.execute(
        "select s.weight_set, p.phenomenon_code "
        "from (select distinct weight_set from reference.harm_weight_sets) as s "
        "cross join reference.phenomena as p "
        "anti join reference.harm_weight_sets as w using (weight_set, phenomenon_code)"
    ).fetchall()
    assert missing == []
    assert (
        real.execute(
            "select weight_set, phenomenon_code from reference.harm_weight_sets "
            "group by all having count(*) > 1 or min(weight) <= 0"
        ).fetchall()
        == []
    )
    # Every phenomenon is rated for each of the four bearers, on the scale's levels.
    assert (
        real.execute(
            "select phenomenon_code, list(bearer order by bearer) from reference.harm_matrix "
            "group by 1 having list(bearer order by bearer) <> "
            "['businesses', 'environment', 'government', 'individuals']"
        ).fetchall()
        == []
    )
    assert (
        real.execute(
            "select severity from reference.harm_matrix "
            "where severity not in (select severity from reference.harm_severity_scale)"
        ).fetchall()
        == []
    )
    assert scalar(
        real, "select count(*) from reference.harm_weights where weight_set = 'default_v0'"
    ) == scalar(real, "select count(*) from reference.phenomena")


def test_real_typed_columns(real):
    types = dict(
        real.execute(
            "select column_name, data_type from information_schema.columns "
            "where table_schema = 'reference' and table_name = 'municipalities'"
        ).fetchall()
    )
    assert types["population_2025_01_01"] == "BIGINT"
    assert scalar(real, "select typeof(weight) from reference.harm_weights limit 1") == "DOUBLE"


@pytest.mark.parametrize("table", REFERENCE_TABLES)
def test_fixture_csvs_have_the_real_headers(table):
    assert FIXTURE_REFERENCE[table][0] == real_header(table)


def test_the_derived_weight_sets_follow_their_rules(warehouse):
    got = warehouse.execute(
        "select weight_set, phenomenon_code, weight, method from reference.harm_weight_sets "
        "where weight_set <> 'alt_v1' and weight_set <> 'default_v0' order by all"
    ).fetchall()
    assert got == [
        # harm matrix: fraud moderate (2) to businesses + serious (4) to individuals = 6;
        # violence none (0) + catastrophic (16) = 16
        ("paoli_greenfield_v1", "fraud", 6.0, "harm_matrix"),
        ("paoli_greenfield_v1", "violence", 16.0, "harm_matrix"),
        # statutory maximum in days: 4 years and 15 years; Sr 225 represents nothing
        ("statutory_maximum_v1", "fraud", 4 * 365.0, "statutory_maximum"),
        ("statutory_maximum_v1", "violence", 15 * 365.0, "statutory_maximum"),
    ]
    rationale = warehouse.execute(
        "select rationale from reference.harm_weight_sets "
        "where weight_set = 'statutory_maximum_v1' order by phenomenon_code"
    ).fetchall()
    assert rationale == [("Sr art. 326: 4.0 years",), ("Sr art. 287: 15.0 years (UNVERIFIED)",)]
    # The given sets pass through unchanged.
    assert scalar(
        warehouse, "select count(*) from reference.harm_weight_sets where method = 'given'"
    ) == scalar(warehouse, "select count(*) from reference.harm_weights")


def test_fixture_reference_loaded_and_reload_replaces(warehouse, reference_paths):
    assert scalar(warehouse, "select count(*) from reference.municipalities") == 4
    assert scalar(warehouse, "select count(*) from reference.harm_weights") == 12  # 2 sets x 6
    # Loading again replaces the table (create or replace), it does not append.
    load_reference(warehouse, reference_paths)
    assert scalar(warehouse, "select count(*) from reference.municipalities") == 4
    assert warehouse.execute(
        "select municipality_code from reference.municipalities"
    ).fetchall() == [("GM0001",), ("GM0002",), ("GM0003",), ("GM0004",)]


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


# ----- the reference tables of the later sources --------------------------------------------------

# (table, Dutch code column as the files deliver it, English code column)
CODE_TABLES = [
    ("seizure_location_types", "location_type_nl", "location_type"),
    ("drugs", "drug_nl", "drug"),
    ("signal_themes", "theme_nl", "theme"),
    ("seized_asset_types", "asset_type_nl", "asset_type"),
    ("sbi_sections", "sbi_section", "sbi_section"),
]


def test_real_sbi_sections_are_the_21_sections_a_to_u(real):
    assert scalar(
        real, "select list(sbi_section order by sbi_section) from reference.sbi_sections"
    ) == [chr(c) for c in range(ord("A"), ord("U") + 1)]
    assert scalar(real, "select count(*) from reference.sbi_sections") == 21
    assert scalar(real, "select count(*) from reference.sbi_sections where label_en is null") == 0


@pytest.mark.parametrize("table", ["drugs", "signal_themes"])
def test_real_phenomena_of_drugs_and_themes_are_known_or_empty(real, table):
    known = reference_values(real, "phenomena", "phenomenon_code")
    used = reference_values(real, table, "phenomenon_code")
    assert used - known - {None} == set()


def test_real_drugs_and_themes_phenomena(real):
    # Every drug counts as trafficking; overig and ondermijning map to no phenomenon.
    assert real.execute("select distinct phenomenon_code from reference.drugs").fetchall() == [
        ("drug_trafficking",)
    ]
    assert real.execute(
        "select theme_nl from reference.signal_themes where phenomenon_code is null order by 1"
    ).fetchall() == [("ondermijning",), ("overig",)]


@pytest.mark.parametrize(("table", "dutch", "english"), CODE_TABLES)
def test_real_codes_are_unique_and_complete(real, table, dutch, english):
    relation = real.table(f"reference.{table}")
    rows = relation.project(f"{dutch}, {english}, label_en").fetchall()
    assert rows
    # A Dutch code maps to one English code, else the staging join would double rows.
    assert len({row[0] for row in rows}) == len(rows)
    assert len({row[1] for row in rows}) == len(rows)
    assert all(value for row in rows for value in row)  # no empty code or label
    # Codes are written as the staging SQL compares them: trimmed and (Dutch) lower-case.
    if table != "sbi_sections":
        assert all(row[0] == row[0].strip().lower() for row in rows)


def demo_values(source: str, column: str) -> set[str]:
    """Every value of ``column`` in the committed demo files of ``source``, all years."""
    folder = REPO / "data" / "demo" / SOURCES[source].directory
    paths = sorted(folder.glob(f"{SOURCES[source].file_prefix}_*.csv"))
    assert paths, f"no demo files of {source} in {folder}"
    frame = pl.concat(
        pl.read_csv(path, separator=SOURCES[source].separator, infer_schema=False).select(column)
        for path in paths
    )
    return {value.strip() for value in frame.get_column(column).unique().to_list()}


def reference_values(conn, table: str, column: str) -> set[str]:
    return {value for (value,) in conn.table(f"reference.{table}").project(column).fetchall()}


@pytest.mark.parametrize(
    ("source", "column", "table", "reference_column"),
    [
        ("seizures", "locatie_type", "seizure_location_types", "location_type_nl"),
        ("seizures", "drugssoort", "drugs", "drug_nl"),
        ("signals", "thema", "signal_themes", "theme_nl"),
        ("seized_assets", "soort_beslag", "seized_asset_types", "asset_type_nl"),
        ("establishments", "BedrijfstakkenBranchesSBI2008", "cbs_dimension_codes", "code"),
        ("emergency_freezes", "meldersgroep", "fiu_reporting_sectors", "reporting_sector_code"),
    ],
)
def test_real_reference_knows_every_code_of_the_demo_files(
    real, source, column, table, reference_column
):
    used = demo_values(source, column)
    assert used  # the demo uses codes at all
    assert used - reference_values(real, table, reference_column) == set()


def test_real_every_demo_code_is_used_by_the_demo(real):
    # The other way round: the demo files use every location type, drug, theme and asset type.
    assert demo_values("seizures", "locatie_type") == reference_values(
        real, "seizure_location_types", "location_type_nl"
    )
    assert demo_values("seizures", "drugssoort") == reference_values(real, "drugs", "drug_nl")
    assert demo_values("signals", "thema") == reference_values(real, "signal_themes", "theme_nl")
    assert demo_values("seized_assets", "soort_beslag") == reference_values(
        real, "seized_asset_types", "asset_type_nl"
    )


def test_fixture_reference_of_the_later_sources(warehouse):
    assert warehouse.execute(
        "select location_type_nl, location_type from reference.seizure_location_types order by 1"
    ).fetchall() == [("haven", "port"), ("luchthaven", "airport"), ("post", "mail")]
    # The empty phenomenon cell of overig is read as null.
    assert warehouse.execute(
        "select theme, phenomenon_code from reference.signal_themes order by 1"
    ).fetchall() == [
        ("drugs", "drug_trafficking"),
        ("explosives", "violence"),
        ("money_laundering", "money_laundering"),
        ("other", None),
    ]


# Codes that on purpose map to no phenomenon: catch-all themes. (Crime types are a hierarchy:
# only the codes a phenomenon counts carry one, see test_the_real_crime_type_hierarchy.)
MAPS_TO_NOTHING = {
    ("signal_themes", "ondermijning"),  # undermining in general: no single phenomenon
    ("signal_themes", "overig"),  # other
}


@pytest.mark.parametrize(
    ("table", "code_column"),
    [
        ("drug_site_types", "site_type_nl"),
        ("drugs", "drug_nl"),
        ("signal_themes", "theme_nl"),
    ],
)
def test_real_every_source_code_maps_to_a_phenomenon_or_is_meant_not_to(real, table, code_column):
    rows = real.table(f"reference.{table}").select(code_column, "phenomenon_code").fetchall()
    phenomena = {
        row[0] for row in real.execute("select phenomenon_code from reference.phenomena").fetchall()
    }
    unmapped = {(table, code) for code, phenomenon in rows if phenomenon is None}
    assert unmapped == {entry for entry in MAPS_TO_NOTHING if entry[0] == table}
    assert {phenomenon for _, phenomenon in rows if phenomenon is not None} <= phenomena


def test_real_every_reporting_sector_maps_to_a_sector_with_sbi_sections(real):
    assert (
        real.execute(
            "select reporting_sector_code from reference.fiu_reporting_sectors "
            "where sector_code is null"
        ).fetchall()
        == []
    )
    assert (
        real.execute(
            "select sector_code from reference.sectors "
            "where sbi_sections is null or sbi_sections = ''"
        ).fetchall()
        == []
    )


def test_real_every_setting_and_seizure_location_maps_to_a_known_sector(real):
    unknown = real.execute(
        "select setting, sector_code from reference.site_settings "
        "union all select location_type, sector_code from reference.seizure_location_types"
    ).fetchall()
    sectors = {
        row[0] for row in real.execute("select sector_code from reference.sectors").fetchall()
    }
    assert len(unknown) == 8
    assert [(code, sector) for code, sector in unknown if sector not in sectors] == []


def test_real_every_impact_item_has_a_unit_value_row_sourced_or_marked(real):
    items = set(
        real.execute(
            "select 'seizure_street_value', drug from reference.drugs "
            "union all select 'site_clean_up', site_type from reference.drug_site_types "
            "union all select 'seized_assets_value', asset_type from reference.seized_asset_types "
            "union all select unnest(['suspicious_transactions_amount', "
            "'emergency_freezes_amount']), 'all'"
        ).fetchall()
    )
    rows = real.execute(
        "select component, item, value_eur, low_eur, high_eur, basis, source "
        "from reference.impact_unit_values"
    ).fetchall()
    assert {(component, item) for component, item, *_ in rows} == items
    for component, item, value, low, high, basis, source in rows:
        if basis == "none":
            assert (value, low, high) == (None, None, None), (component, item)
        else:
            assert basis in {"reported", "sourced", "derived", "assumption"}, (component, item)
            assert source, (component, item)
            assert low <= value <= high, (component, item)
