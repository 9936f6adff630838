-- Reference table seizure_location_types from data/reference/seizure_location_types.csv (sources in
-- data/reference/README.md).
create or replace table reference.seizure_location_types as
select *
from
    reference_csv(
        $path,
        {
            'location_type_nl': 'VARCHAR',
            'location_type': 'VARCHAR',
            'label_en': 'VARCHAR',
            'sector_code': 'VARCHAR'
        }
    )
order by location_type;
