-- Reference table crime_types from data/reference/crime_types.csv (sources in data/reference/README.md).
create schema if not exists reference;
create or replace table reference.crime_types as
select *
from read_csv($path, header = true, delim = ',', quote = '"', auto_detect = false,
              columns = {'crime_type_code': 'VARCHAR', 'label_nl': 'VARCHAR', 'label_en': 'VARCHAR', 'phenomenon_code': 'VARCHAR', 'key_verified': 'BOOLEAN'})
order by crime_type_code;
