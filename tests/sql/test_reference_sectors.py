"""sql/reference/*.sql: every reporting sector, site setting and seizure location maps to a
sector (real CSVs)."""

from __future__ import annotations


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
