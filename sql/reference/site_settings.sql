-- Reference table site_settings from data/reference/site_settings.csv (sources in
-- data/reference/README.md).
create or replace table reference.site_settings as
select *
from
    reference_csv(
        $path,
        {
            'setting_nl': 'VARCHAR',
            'setting': 'VARCHAR',
            'label_en': 'VARCHAR',
            'sector_code': 'VARCHAR'
        }
    )
order by setting;
