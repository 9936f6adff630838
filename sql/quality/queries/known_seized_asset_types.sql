-- Values of asset_type_nl a source file may use (data/reference/seized_asset_types.csv).
select asset_type_nl from reference.seized_asset_types order by 1
