-- Reference table impact_unit_values from data/reference/impact_unit_values.csv (sources in
-- data/reference/README.md).
create or replace table reference.impact_unit_values as
select *
from
    reference_csv(
        $path,
        {
            'component': 'VARCHAR',
            'item': 'VARCHAR',
            'quantity_unit': 'VARCHAR',
            'value_eur': 'DOUBLE',
            'low_eur': 'DOUBLE',
            'high_eur': 'DOUBLE',
            'reference_year': 'INTEGER',
            'basis': 'VARCHAR',
            'source': 'VARCHAR',
            'note': 'VARCHAR'
        }
    )
order by component, item;
