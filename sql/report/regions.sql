-- RIEC regions and provinces in $year. RIEC regions: inhabitants, registered crimes, harm (the
-- run's weight set) per 100,000, drug sites, and the harm rank with its intervals from chance in
-- the counts and from varying the weights (harm_rankings); the crime figures only when every
-- phenomenon total of the region is shown in the disclosure-controlled published_region_counts.
-- Provinces: inhabitants, drug sites and the composite threat index (their crime totals are not
-- part of the disclosure control, so they are not shown).
with by_region as (
    select
        region_level,
        region_code,
        region_name,
        max(population) as population,
        sum(event_count) filter (where source = 'incidents') as registered_crimes,
        -- decimals: an exact sum, the same in every run whatever the summing order
        sum(cast(harm_score as decimal(38, 6))) filter (where source = 'incidents') as harm_score,
        sum(event_count) filter (where source = 'drug_sites') as drug_sites,
        any_value(harm_weight_set) as weight_set
    from indicators.phenomenon_indicators
    where year = $year and region_level in ('riec_region', 'province')
    group by all
),

disclosable as (
    select region_level, region_code, bool_and(registered_crimes is not null) as shown
    from indicators.published_region_counts
    where year = $year
    group by all
),

shown as (
    select r.*, coalesce(d.shown, false) as crimes_shown
    from by_region as r
    left join disclosable as d using (region_level, region_code)
),

rankings as (
    select * from indicators.harm_rankings where year = $year
),

threat as (
    select * from indicators.threat_index where year = $year
)

select
    r.region_level,
    r.region_code,
    r.region_name,
    cast(r.population as bigint) as population,
    cast(r.drug_sites as bigint) as drug_sites,
    x.index_value as threat_index,
    x.index_rank as threat_index_rank,
    x.rank_min as threat_index_rank_min,
    x.rank_max as threat_index_rank_max,
    case when r.crimes_shown then cast(r.registered_crimes as bigint) end as registered_crimes,
    case when r.crimes_shown then r.registered_crimes * 100000.0 / r.population end
        as registered_crimes_per_100k,
    case when r.crimes_shown then cast(r.harm_score as double) end as harm_score,
    case when r.crimes_shown then r.harm_score * 100000.0 / r.population end as harm_per_100k,
    case when r.crimes_shown then k.harm_rank end as harm_rank,
    case when r.crimes_shown then k.count_rank_lower end as count_rank_lower,
    case when r.crimes_shown then k.count_rank_upper end as count_rank_upper,
    case when r.crimes_shown then k.weight_rank_lower end as weight_rank_lower,
    case when r.crimes_shown then k.weight_rank_upper end as weight_rank_upper
from shown as r
left join rankings as k
    on k.region_level = r.region_level
        and k.region_code = r.region_code
        and k.weight_set = r.weight_set
left join threat as x on x.region_level = r.region_level and x.region_code = r.region_code
order by r.region_level asc, harm_per_100k desc nulls last, threat_index desc, r.region_code asc
