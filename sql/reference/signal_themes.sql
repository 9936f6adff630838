-- Reference table signal_themes from data/reference/signal_themes.csv (sources in
-- data/reference/README.md).
create or replace table reference.signal_themes as
select *
from
    reference_csv(
        $path,
        {
            'theme_nl': 'VARCHAR',
            'theme': 'VARCHAR',
            'label_en': 'VARCHAR',
            'phenomenon_code': 'VARCHAR'
        }
    )
order by theme;
