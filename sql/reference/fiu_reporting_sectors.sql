-- Reference table fiu_reporting_sectors from data/reference/fiu_reporting_sectors.csv (sources in
-- data/reference/README.md).
create or replace table reference.fiu_reporting_sectors as
select *
from
    reference_csv(
        $path,
        {
            'reporting_sector_code': 'VARCHAR',
            'label_nl': 'VARCHAR',
            'label_en': 'VARCHAR',
            'sector_code': 'VARCHAR'
        }
    )
order by reporting_sector_code;
