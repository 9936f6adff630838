-- Reference table seized_asset_types from data/reference/seized_asset_types.csv (sources in data/reference/README.md).
create or replace table reference.seized_asset_types as
select *
from read_csv($path, header = true, delim = ',', quote = '"', auto_detect = false,
              columns = {'asset_type_nl': 'VARCHAR', 'asset_type': 'VARCHAR', 'label_en': 'VARCHAR'})
order by asset_type;
