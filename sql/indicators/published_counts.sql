-- Registered crimes per municipality, RIEC region and the Netherlands and phenomenon, as they may
-- be published: counts below $threshold are hidden (null, suppression 'primary'), and so are the
-- counts hidden to protect them (suppression 'secondary'). published_municipal_rows and
-- published_region_rows are the frames the published_counts asset computes
-- (pipeline/domain/statistics/disclosure.py).
create table if not exists indicators.published_municipal_counts (
    year integer not null,
    municipality_code varchar not null,
    municipality_name varchar not null,
    riec_code varchar not null,
    phenomenon_code varchar not null,
    registered_crimes bigint,
    suppression varchar,
    threshold integer not null
);
create table if not exists indicators.published_region_counts (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    phenomenon_code varchar not null,
    registered_crimes bigint,
    suppression varchar,
    threshold integer not null
);
delete from indicators.published_municipal_counts where year = $year;
delete from indicators.published_region_counts where year = $year;
insert into indicators.published_municipal_counts by name
select $year as year, *, $threshold as threshold from published_municipal_rows;
insert into indicators.published_region_counts by name
select $year as year, *, $threshold as threshold from published_region_rows;
