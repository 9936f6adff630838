-- Sector exposure per year x region level x region x sector: FIU-Nederland unusual and
-- suspicious transactions of the sector's reporting groups, the establishments in the sector's
-- SBI sections, and suspicious transactions per 1,000 establishments with its exact Poisson
-- interval at $confidence_level. A sector no FIU reporting group belongs to has no counts (null:
-- an intelligence gap, not zero). Sectors that share an SBI section (crypto and financial
-- services: K) share its establishments.
create table if not exists indicators.sector_indicators (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    sector_code varchar not null,
    has_source boolean not null,
    unusual_transactions bigint,
    suspicious_transactions bigint,
    suspicious_amount_eur bigint,
    establishments bigint,
    suspicious_per_1000_establishments double,
    suspicious_per_1000_lower double,
    suspicious_per_1000_upper double,
    confidence_level double not null
);
delete from indicators.sector_indicators
where year between $first_year and $last_year;
insert into indicators.sector_indicators
with regions as (
    select distinct year, region_level, region_code, region_name
    from indicators.financial_indicators
    where year between $first_year and $last_year
),

fiu as (
    select
        year,
        region_level,
        region_code,
        sector_code,
        sum(unusual_transactions) as unusual_transactions,
        sum(suspicious_transactions) as suspicious_transactions,
        sum(suspicious_amount_eur) as suspicious_amount_eur
    from indicators.financial_indicators
    where year between $first_year and $last_year
    group by all
),

sections as (
    select sector_code, unnest(string_split(sbi_sections, '|')) as sbi_section
    from reference.sectors
),

-- read by rolled_up, a table macro (which sqlfluff does not see, hence the ST03 exception)
municipal_establishments as (  -- noqa: ST03
    select e.year, e.municipality_code, s.sector_code, e.establishments
    from staging.stg_establishments__establishments as e
    inner join sections as s using (sbi_section)
    where e.year between $first_year and $last_year
),

regional_establishments as (
    select * from rolled_up(municipal_establishments, ['year', 'sector_code'], ['establishments'])
),

combined as (
    select
        g.year,
        g.region_level,
        g.region_code,
        g.region_name,
        s.sector_code,
        f.sector_code is not null as has_source,
        f.unusual_transactions,
        f.suspicious_transactions,
        f.suspicious_amount_eur,
        e.establishments
    from regions as g
    cross join reference.sectors as s
    left join fiu as f
        on f.year = g.year and f.region_level = g.region_level and f.region_code = g.region_code
            and f.sector_code = s.sector_code
    left join regional_establishments as e
        on e.year = g.year and e.region_level = g.region_level and e.region_code = g.region_code
            and e.sector_code = s.sector_code
)

select
    year,
    region_level,
    region_code,
    region_name,
    sector_code,
    has_source,
    cast(unusual_transactions as bigint),
    cast(suspicious_transactions as bigint),
    cast(suspicious_amount_eur as bigint),
    cast(establishments as bigint),
    unnest(rate_interval(suspicious_transactions, establishments, 1000.0, $confidence_level)),
    $confidence_level
from combined
order by year, region_level, region_code, sector_code;
