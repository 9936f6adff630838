-- Reference table harm_severity_scale from data/reference/harm_severity_scale.csv: the points each
-- severity level adds to a phenomenon's harm-matrix weight.
create or replace table reference.harm_severity_scale as
select *
from
    reference_csv(
        $path,
        {
            'severity': 'INTEGER',
            'label_en': 'VARCHAR',
            'label_nl': 'VARCHAR',
            'points': 'DOUBLE'
        }
    )
order by severity;
