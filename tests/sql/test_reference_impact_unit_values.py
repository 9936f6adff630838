"""sql/reference/impact_unit_values.sql: a unit value, sourced or marked as none, for every item
the impact indicators value (real CSVs)."""

from __future__ import annotations


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
