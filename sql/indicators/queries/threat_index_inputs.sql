-- The composite threat index's indicators per RIEC region and province and year, each per
-- 100,000 inhabitants (higher = more threat): harm of registered crimes (the run's weight set),
-- dismantled drug sites, suspicious transactions (FIU-Nederland) and Meld Misdaad Anoniem tips.
with crimes as (
    select
        year,
        region_level,
        region_code,
        region_name,
        -- decimals: an exact sum, the same in every run whatever the summing order
        cast(sum(cast(harm_score as decimal(38, 6))) filter (where source = 'incidents') as double)
            as harm,
        max(population) as population,
        sum(event_count) filter (where source = 'drug_sites') as drug_sites
    from indicators.phenomenon_indicators
    where year between $first_year and $last_year and region_level in ('riec_region', 'province')
    group by all
),

money as (
    select year, region_level, region_code, sum(suspicious_transactions) as suspicious
    from indicators.financial_indicators
    where year between $first_year and $last_year and region_level in ('riec_region', 'province')
    group by all
),

-- read by rolled_up, a table macro (which sqlfluff does not see, hence the ST03 exception)
municipal_tips as (  -- noqa: ST03
    select year, municipality_code, tips
    from staging.stg_signals__tips
    where year between $first_year and $last_year
),

tips as (
    select year, region_level, region_code, tips
    from rolled_up(municipal_tips, ['year'], ['tips'])
    where region_level in ('riec_region', 'province')
),

wide as (
    select
        c.year,
        c.region_level,
        c.region_code,
        c.region_name,
        c.harm * 100000.0 / c.population as harm_per_100k,
        c.drug_sites * 100000.0 / c.population as drug_sites_per_100k,
        coalesce(m.suspicious, 0) * 100000.0 / c.population as suspicious_transactions_per_100k,
        coalesce(t.tips, 0) * 100000.0 / c.population as tips_per_100k
    from crimes as c
    left join money as m using (year, region_level, region_code)
    left join tips as t using (year, region_level, region_code)
)

unpivot wide
on harm_per_100k, drug_sites_per_100k, suspicious_transactions_per_100k, tips_per_100k
into name indicator value value
order by year, region_level, region_code, indicator
