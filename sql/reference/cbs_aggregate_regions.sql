-- Reference table cbs_aggregate_regions from data/reference/cbs_aggregate_regions.csv: the region
-- codes of CBS tables above the municipality (NL01, landsdelen, provinces, police units) and the
-- "niet in te delen" codes, with the provinces or RIEC region each covers (sources per row).
create or replace table reference.cbs_aggregate_regions as
select *
from
    reference_csv(
        $path,
        {
            'region_code': 'VARCHAR',
            'region_level': 'VARCHAR',
            'region_name': 'VARCHAR',
            'province_codes': 'VARCHAR',
            'riec_code': 'VARCHAR',
            'source': 'VARCHAR'
        }
    )
order by region_code;
