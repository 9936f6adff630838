-- Reference table riec_regions from data/reference/riec_regions.csv (sources in
-- data/reference/README.md).
create or replace table reference.riec_regions as
select *
from
    reference_csv(
        $path,
        {
            'riec_code': 'VARCHAR',
            'riec_name': 'VARCHAR',
            'police_unit': 'VARCHAR'
        }
    )
order by riec_code;
