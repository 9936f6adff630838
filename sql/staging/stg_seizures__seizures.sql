-- Drug seizures in one year, one row per seizure: English codes, the weight as a number, and the
-- municipality in the 2025 division (a seizure goes whole to the successor with the largest
-- share of an older municipality).
create table if not exists staging.stg_seizures__seizures (
    year integer not null,
    case_id varchar not null,
    seized_on date not null,
    location_type varchar not null,
    location varchar not null,
    municipality_code varchar not null,
    drug varchar not null,
    weight_kg double not null,
    departure_country varchar not null,
    source_file varchar not null,
    source_row bigint not null
);
delete from staging.stg_seizures__seizures
where year between $first_year and $last_year;
insert into staging.stg_seizures__seizures
select
    raw.partition_year as year,
    trim(raw.zaaknummer) as case_id,
    cast(trim(raw.datum) as date) as seized_on,
    places.location_type,
    trim(raw.locatie) as location,
    main_successor(trim(raw.gemeentecode)) as municipality_code,
    drugs.drug,
    -- the customs records write a decimal comma
    cast(replace(trim(raw.gewicht_kg), ',', '.') as decimal(12, 1)) as weight_kg,
    upper(trim(raw.land_van_vertrek)) as departure_country,
    raw.source_file,
    raw.source_row
from raw.seizures as raw
inner join reference.seizure_location_types as places
    on places.location_type_nl = lower(trim(raw.locatie_type))
inner join reference.drugs as drugs
    on drugs.drug_nl = lower(trim(raw.drugssoort))
where raw.partition_year between $first_year and $last_year
order by year, case_id;
