"""sql/reference/*.sql: the codes that map to a phenomenon (crime types, drug-site types, drugs,
signal themes) on the real CSVs."""

from __future__ import annotations

import pytest

from .reference_queries import reference_values


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
