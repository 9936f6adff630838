-- Change on last year (rate ratio - 1, exact conditional interval and p-value) and the trend over
-- up to ten years (average yearly change from a quasi-Poisson log-linear regression, interval
-- and p-value) per series of every region level, and per phenomenon x sector series (sector_code
-- set; null for series not split by sector) of the national, RIEC and provincial levels, whose
-- rates are per establishment; a direction is named only when the
-- interval at $confidence_level excludes no change. trend_rows is the frame the
-- phenomenon_trends asset computes (pipeline/domain/statistics/trends.py).
create table if not exists indicators.phenomenon_trends (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    phenomenon_code varchar not null,
    sector_code varchar,
    source varchar not null,
    event_count bigint not null,
    event_count_previous bigint,
    change_on_previous_year double,
    change_lower double,
    change_upper double,
    change_p_value double,
    change_direction varchar,
    trend_first_year integer,
    trend_years integer,
    trend_yearly_change double,
    trend_lower double,
    trend_upper double,
    trend_p_value double,
    trend_dispersion double,
    trend_direction varchar,
    confidence_level double not null
);
delete from indicators.phenomenon_trends
where year between $first_year and $last_year;
insert into indicators.phenomenon_trends by name
select *, $confidence_level as confidence_level from trend_rows;
