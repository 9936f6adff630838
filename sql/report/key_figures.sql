-- Headline figures of the threat picture for one year and the year before. The national total
-- of registered crimes (and its harm) is left out for a year in which the disclosure control
-- hides a phenomenon's national total: the total minus the shown ones would reveal it.
with hidden as (
    select
        count(*) filter (where year = $year) as hidden_now,
        count(*) filter (where year = $year - 1) as hidden_before
    from indicators.published_region_counts
    where region_level = 'national' and registered_crimes is null and year in ($year, $year - 1)
),

-- Registered crimes (with their harm and the population) and drug sites, per source.
national as (
    select
        source,
        sum(event_count) filter (where year = $year) as event_count,
        sum(event_count) filter (where year = $year - 1) as event_count_previous,
        -- decimals: an exact sum, the same in every run whatever the summing order
        sum(cast(harm_score as decimal(38, 6))) filter (where year = $year) as harm_score,
        sum(cast(harm_score as decimal(38, 6))) filter (where year = $year - 1)
            as harm_score_previous,
        max(population) filter (where year = $year) as population,
        max(population) filter (where year = $year - 1) as population_previous
    from indicators.phenomenon_indicators
    where region_level = 'national' and year in ($year, $year - 1)
    group by source
),

financial as (
    select
        sum(unusual_transactions) as unusual_transactions,
        sum(suspicious_transactions) as suspicious_transactions,
        sum(suspicious_amount_eur) as suspicious_amount_eur
    from indicators.financial_indicators
    where region_level = 'national' and year = $year
)

select
    cast(i.population as bigint) as population,
    cast(i.population_previous as bigint) as population_previous,
    cast(d.event_count as bigint) as drug_sites,
    cast(d.event_count_previous as bigint) as drug_sites_previous,
    cast(f.unusual_transactions as bigint) as unusual_transactions,
    cast(f.suspicious_transactions as bigint) as suspicious_transactions,
    cast(f.suspicious_amount_eur as bigint) as suspicious_amount_eur,
    case when h.hidden_now = 0 then cast(i.event_count as bigint) end as registered_crimes,
    case when h.hidden_before = 0 then cast(i.event_count_previous as bigint) end
        as registered_crimes_previous,
    case when h.hidden_now = 0 then cast(i.event_count as double) * 100000 / i.population
    end as registered_crimes_per_100k,
    case when h.hidden_now = 0 then cast(i.harm_score as double) end as harm_score,
    case when h.hidden_before = 0 then cast(i.harm_score_previous as double) end
        as harm_score_previous
from hidden as h
cross join financial as f
left join national as i on i.source = 'incidents'
left join national as d on d.source = 'drug_sites'
