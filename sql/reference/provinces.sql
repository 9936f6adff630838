-- Reference table provinces from data/reference/provinces.csv (sources in data/reference/README.md).
create or replace table reference.provinces as
select *
from read_csv($path, header = true, delim = ',', quote = '"', auto_detect = false,
              columns = {'province_code': 'VARCHAR', 'province_name': 'VARCHAR'})
order by province_code;
