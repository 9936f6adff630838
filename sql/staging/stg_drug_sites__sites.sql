-- Drug sites found in one year, one row per site, with the site type in English codes.
-- A site cannot be divided: an older municipality code goes to the successor that received the
-- largest share of it (for a merger, the one successor).
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
delete from staging.stg_drug_sites__sites
where year between $first_year and $last_year;
insert into staging.stg_drug_sites__sites
select
    raw.partition_year as year,
    trim(raw.registratienummer) as registration_id,
    cast(trim(raw.datum) as date) as found_on,
    main_successor(trim(raw.gemeentecode)) as municipality_code,
    types.site_type,
    drugs.drug,
    settings.setting,
    raw.source_file,
    raw.source_row
from raw.drug_sites as raw
inner join reference.drug_site_types as types
    on types.site_type_nl = lower(trim(raw.soort_locatie))
inner join reference.drugs as drugs on drugs.drug_nl = lower(trim(raw.drugssoort))
inner join reference.site_settings as settings on settings.setting_nl = lower(trim(raw.omgeving))
where raw.partition_year between $first_year and $last_year
order by year, registration_id;
