-- Reference table sectors from data/reference/sectors.csv (sources in data/reference/README.md).
create or replace table reference.sectors as
select *
from
    reference_csv(
        $path,
        {
            'sector_code': 'VARCHAR',
            'label_nl': 'VARCHAR',
            'label_en': 'VARCHAR',
            'sbi_sections': 'VARCHAR'
        }
    )
order by sector_code;
