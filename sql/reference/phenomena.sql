-- Reference table phenomena from data/reference/phenomena.csv (sources in
-- data/reference/README.md).
create or replace table reference.phenomena as
select *
from
    reference_csv(
        $path,
        {
            'phenomenon_code': 'VARCHAR',
            'label_nl': 'VARCHAR',
            'label_en': 'VARCHAR'
        }
    )
order by phenomenon_code;
