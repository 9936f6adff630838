"""sql/quality/queries/known_*.sql: the codes a delivered file may use, on the fixture reference."""

from __future__ import annotations

import pytest

from pipeline.plumbing.sql_runner import SQL_DIR, query


@pytest.mark.parametrize(
    ("name", "column", "values"),
    [
        (
            "known_crime_type_codes",
            "crime_type_code",
            [("CRI1200",), ("CRI1700",), ("CRI2300",), ("T001161",)],
        ),
        ("known_drug_site_types", "site_type_nl", [("dumping",), ("kwekerij",), ("opslag",)]),
        (
            "known_municipality_codes",
            "source_code",
            # the 2025 division and the old codes that map to it
            [
                ("GM0001",),
                ("GM0002",),
                ("GM0003",),
                ("GM0004",),
                ("GM0901",),
                ("GM0902",),
                ("GM0903",),
            ],
        ),
        ("known_reporting_sectors", "reporting_sector_code", [("banken",), ("notarissen",)]),
        # the Dutch codes as the files deliver them, not the English codes
        ("known_drugs", "drug_nl", [("cannabis",), ("cocaine",), ("heroine",), ("synthetisch",)]),
        (
            "known_site_settings",
            "setting_nl",
            [("bedrijventerrein",), ("buitengebied",), ("woonwijk",)],
        ),
        # the keys CBS gives the sections in its tables, and its total
        ("known_sbi_sections", "code", [("301000",), ("396300",), ("402000",), ("T001081",)]),
        # municipalities of any division and the CBS aggregates beside them
        (
            "known_cbs_region_codes",
            "source_code",
            [
                (c,)
                for c in (
                    "GM0001",
                    "GM0002",
                    "GM0003",
                    "GM0004",
                    "GM0901",
                    "GM0902",
                    "GM0903",
                    "NL01",
                    "PV01",
                    "PV02",
                    "PV99",
                    "RE01",
                )
            ],
        ),
        (
            "known_seized_asset_types",
            "asset_type_nl",
            [("geld",), ("onroerend_goed",), ("voertuigen",)],
        ),
        (
            "known_seizure_location_types",
            "location_type_nl",
            [("haven",), ("luchthaven",), ("post",)],
        ),
        (
            "known_signal_themes",
            "theme_nl",
            [("drugs",), ("explosieven",), ("overig",), ("witwassen",)],
        ),
    ],
)
def test_known_values(warehouse, name, column, values):
    assert query(warehouse, f"quality/queries/{name}") == ([column], values)


def test_every_known_query_is_tested():
    tested = {
        "known_cbs_region_codes",
        "known_crime_type_codes",
        "known_drug_site_types",
        "known_municipality_codes",
        "known_reporting_sectors",
        "known_drugs",
        "known_sbi_sections",
        "known_seized_asset_types",
        "known_seizure_location_types",
        "known_signal_themes",
        "known_site_settings",
    }
    assert {path.stem for path in (SQL_DIR / "quality" / "queries").glob("known_*.sql")} == tested
