-- Reference table provinces from data/reference/provinces.csv (sources in
-- data/reference/README.md).
create or replace table reference.provinces as
select *
from
    reference_csv(
        $path,
        {
            'province_code': 'VARCHAR',
            'province_name': 'VARCHAR'
        }
    )
order by province_code;
