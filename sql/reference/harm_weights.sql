-- Reference table harm_weights from data/reference/harm_weights.csv (sources in
-- data/reference/README.md).
create or replace table reference.harm_weights as
select *
from
    reference_csv(
        $path,
        {
            'weight_set': 'VARCHAR',
            'phenomenon_code': 'VARCHAR',
            'weight': 'DOUBLE',
            'rationale': 'VARCHAR'
        }
    )
order by weight_set, phenomenon_code;
