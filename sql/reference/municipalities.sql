-- Reference table municipalities from data/reference/municipalities.csv (sources in
-- data/reference/README.md).
create or replace table reference.municipalities as
select *
from
    reference_csv(
        $path,
        {
            'municipality_code': 'VARCHAR',
            'municipality_name': 'VARCHAR',
            'province_code': 'VARCHAR',
            'province_name': 'VARCHAR',
            'police_unit': 'VARCHAR',
            'riec_code': 'VARCHAR',
            'riec_name': 'VARCHAR',
            'population_2023_01_01': 'BIGINT',
            'population_2025_01_01': 'BIGINT'
        }
    )
order by municipality_code;
