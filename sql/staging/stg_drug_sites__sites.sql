-- Drug sites found in one year, one row per site, with the site type in English codes.
create schema if not exists staging;
create table if not exists staging.stg_drug_sites__sites (
    year integer not null,
    registration_id varchar not null,
    found_on date not null,
    municipality_code varchar not null,
    site_type varchar not null,
    drug varchar not null,
    setting varchar not null,
    source_file varchar not null,
    source_row bigint not null
);
delete from staging.stg_drug_sites__sites where year = $year;
insert into staging.stg_drug_sites__sites
select
    $year as year,
    trim(raw.registratienummer) as registration_id,
    cast(trim(raw.datum) as date) as found_on,
    trim(raw.gemeentecode) as municipality_code,
    types.site_type,
    lower(trim(raw.drugssoort)) as drug,
    lower(trim(raw.omgeving)) as setting,
    raw.source_file,
    raw.source_row
from raw.drug_sites as raw
inner join reference.drug_site_types as types
    on types.site_type_nl = lower(trim(raw.soort_locatie))
where raw.partition_year = $year
order by registration_id;
