-- Reference table cbs_dimension_codes from data/reference/cbs_dimension_codes.csv: the codes and
-- titles of CBS table dimensions that are not regions, periods or crime types (sources per row).
create or replace table reference.cbs_dimension_codes as
select *
from
    reference_csv(
        $path,
        {
            'table_id': 'VARCHAR',
            'dimension': 'VARCHAR',
            'code': 'VARCHAR',
            'title': 'VARCHAR',
            'source': 'VARCHAR'
        }
    )
order by table_id, dimension, code;
