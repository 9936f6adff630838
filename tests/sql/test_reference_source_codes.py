"""sql/reference/*.sql: the code tables of the later sources (seizures, signals, establishments,
seized assets, emergency freezes) against each other and against the demo files."""

from __future__ import annotations

import polars as pl
import pytest

from pipeline.domain.files.sources import SOURCES

from .reference_files import REPO
from .reference_queries import reference_values, scalar

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
