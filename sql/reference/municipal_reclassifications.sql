-- Municipal boundary changes from data/reference/municipal_reclassifications.csv: each old code
-- with the code it went to and the share of it (1 for a merger, the population share for a split).
-- new_code_created: the change created the new code (false when an existing municipality took the
-- old one in and kept its code).
create or replace table reference.municipal_reclassifications as
select *
from
    reference_csv(
        $path,
        {
            'effective_date': 'DATE',
            'old_code': 'VARCHAR',
            'old_name': 'VARCHAR',
            'new_code': 'VARCHAR',
            'new_name': 'VARCHAR',
            'share': 'DOUBLE',
            'new_code_created': 'BOOLEAN',
            'verified': 'BOOLEAN'
        }
    )
order by old_code, new_code;
