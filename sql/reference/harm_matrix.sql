-- Reference table harm_matrix from data/reference/harm_matrix.csv: the severity of each
-- phenomenon's harm to each bearer (0 none .. 5 catastrophic), after Paoli & Greenfield.
create or replace table reference.harm_matrix as
select *
from
    reference_csv(
        $path,
        {
            'phenomenon_code': 'VARCHAR',
            'bearer': 'VARCHAR',
            'severity': 'INTEGER',
            'rationale': 'VARCHAR'
        }
    )
order by phenomenon_code, bearer;
