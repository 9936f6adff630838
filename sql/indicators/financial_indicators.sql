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
delete from indicators.financial_indicators
where year between $first_year and $last_year;
insert into indicators.financial_indicators
-- The years' transactions; read, like municipal, by table macros (every_municipality,
-- rolled_up), a use sqlfluff does not see (hence the ST03 exception).
with transaction_counts as (  -- noqa: ST03
    select
        year,
        municipality_code,
        reporting_sector_code,
        unusual_transactions,
        suspicious_transactions,
        suspicious_amount_eur
    from staging.stg_financial__fiu_transactions
    where year between $first_year and $last_year
),

-- every municipality x reporting sector, with zero where nothing was reported
municipal as (  -- noqa: ST03
    select *
    from
        every_municipality(
            'reference.fiu_reporting_sectors',
            transaction_counts,
            ['reporting_sector_code'],
            ['unusual_transactions', 'suspicious_transactions', 'suspicious_amount_eur'],
            $first_year,
            $last_year
        )
)

select
    year,
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
from
    rolled_up(
        municipal,
        ['year', 'reporting_sector_code', 'sector_code'],
        ['unusual_transactions', 'suspicious_transactions', 'suspicious_amount_eur', 'population']
    )
order by year, region_level, region_code, reporting_sector_code;
