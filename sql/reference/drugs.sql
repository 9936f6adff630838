-- Reference table drugs from data/reference/drugs.csv (sources in data/reference/README.md).
create or replace table reference.drugs as
select *
from
    reference_csv(
        $path,
        {
            'drug_nl': 'VARCHAR',
            'drug': 'VARCHAR',
            'label_en': 'VARCHAR',
            'phenomenon_code': 'VARCHAR'
        }
    )
order by drug;
