-- Reference table crime_types from data/reference/crime_types.csv: the 75 SoortMisdrijf codes of
-- CBS 83648NED with their parent and level in the hierarchy, and the phenomenon each counted code
-- belongs to (sources in data/reference/README.md).
create or replace table reference.crime_types as
select *
from
    reference_csv(
        $path,
        {
            'crime_type_code': 'VARCHAR',
            'cbs_title': 'VARCHAR',
            'parent_code': 'VARCHAR',
            'level': 'INTEGER',
            'label_nl': 'VARCHAR',
            'label_en': 'VARCHAR',
            'phenomenon_code': 'VARCHAR'
        }
    )
order by crime_type_code;
