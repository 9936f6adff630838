-- Reference table sbi_sections from data/reference/sbi_sections.csv: the 21 SBI 2008 sections with
-- the key CBS gives each in its tables (sources in data/reference/README.md).
create or replace table reference.sbi_sections as
select *
from
    reference_csv(
        $path,
        {
            'sbi_section': 'VARCHAR',
            'label_nl': 'VARCHAR',
            'label_en': 'VARCHAR',
            'cbs_key': 'VARCHAR'
        }
    )
order by sbi_section;
