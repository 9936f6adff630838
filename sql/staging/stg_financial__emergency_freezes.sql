-- Emergency freezes (spoedbevriezingen) in one year, one row per case, the municipality in the
-- 2025 division (a case goes whole to the successor with the largest share).
create table if not exists staging.stg_financial__emergency_freezes (
    year integer not null,
    case_id varchar not null,
    frozen_on date not null,
    municipality_code varchar not null,
    reporting_sector_code varchar not null,
    frozen_amount_eur bigint not null,
    source_file varchar not null,
    source_row bigint not null
);
delete from staging.stg_financial__emergency_freezes
where year between $first_year and $last_year;
insert into staging.stg_financial__emergency_freezes
select
    raw.partition_year as year,
    trim(raw.zaak_id) as case_id,
    cast(trim(raw.datum) as date) as frozen_on,
    main_successor(trim(raw.gemeentecode)) as municipality_code,
    trim(raw.meldersgroep) as reporting_sector_code,
    cast(trim(raw.bevroren_bedrag_eur) as bigint) as frozen_amount_eur,
    raw.source_file,
    raw.source_row
from raw.emergency_freezes as raw
where raw.partition_year between $first_year and $last_year
order by year, case_id;
