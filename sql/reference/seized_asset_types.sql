-- Reference table seized_asset_types from data/reference/seized_asset_types.csv (sources in
-- data/reference/README.md).
create or replace table reference.seized_asset_types as
select *
from
    reference_csv(
        $path,
        {
            'asset_type_nl': 'VARCHAR',
            'asset_type': 'VARCHAR',
            'label_en': 'VARCHAR'
        }
    )
order by asset_type;
