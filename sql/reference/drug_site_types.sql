-- Reference table drug_site_types from data/reference/drug_site_types.csv (sources in
-- data/reference/README.md).
create or replace table reference.drug_site_types as
select *
from
    reference_csv(
        $path,
        {
            'site_type_nl': 'VARCHAR',
            'site_type': 'VARCHAR',
            'label_en': 'VARCHAR',
            'phenomenon_code': 'VARCHAR'
        }
    )
order by site_type;
