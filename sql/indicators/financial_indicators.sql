-- FIU-Nederland transactions per year x region x reporting sector, for municipalities, RIEC
-- regions, provinces and the Netherlands, with suspicious transactions per 100,000 inhabitants.
create table if not exists indicators.financial_indicators (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    reporting_sector_code varchar not null,
    sector_code varchar not null,
    unusual_transactions bigint not null,
    suspicious_transactions bigint not null,
    suspicious_amount_eur bigint not null,
    population bigint,
    suspicious_per_100k double
);
delete from indicators.financial_indicators where year = $year;
insert into indicators.financial_indicators
with municipal as (
    select
        m.municipality_code,
        s.reporting_sector_code,
        s.sector_code,
        coalesce(t.unusual_transactions, 0) as unusual_transactions,
        coalesce(t.suspicious_transactions, 0) as suspicious_transactions,
        coalesce(t.suspicious_amount_eur, 0) as suspicious_amount_eur,
        p.inhabitants as population
    from reference.municipalities as m
    cross join reference.fiu_reporting_sectors as s
    left join staging.stg_financial__fiu_transactions as t
        on t.municipality_code = m.municipality_code
        and t.reporting_sector_code = s.reporting_sector_code
        and t.year = $year
    left join staging.stg_population__inhabitants as p
        on p.municipality_code = m.municipality_code and p.year = $year
)

select
    $year as year,
    region_level,
    region_code,
    region_name,
    reporting_sector_code,
    sector_code,
    cast(unusual_transactions as bigint),
    cast(suspicious_transactions as bigint),
    cast(suspicious_amount_eur as bigint),
    cast(population as bigint),
    suspicious_transactions * 100000.0 / nullif(population, 0)
from rolled_up(
    municipal,
    ['reporting_sector_code', 'sector_code'],
    ['unusual_transactions', 'suspicious_transactions', 'suspicious_amount_eur', 'population']
)
order by region_level, region_code, reporting_sector_code;
