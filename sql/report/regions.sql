-- RIEC regions and provinces in $year: inhabitants, registered crimes, harm (the run's weight
-- set) per 100,000 with its interval, drug sites, and the harm rank with its intervals from
-- chance in the counts and from varying the weights (harm_rankings).
with by_region as (
    select
        region_level,
        region_code,
        region_name,
        max(population) as population,
        sum(event_count) filter (where source = 'incidents') as registered_crimes,
        sum(harm_score) filter (where source = 'incidents') as harm_score,
        sum(harm_score_lower) filter (where source = 'incidents') as harm_score_lower_sum,
        sum(event_count) filter (where source = 'drug_sites') as drug_sites,
        any_value(harm_weight_set) as weight_set
    from indicators.phenomenon_indicators
    where year = $year and region_level in ('riec_region', 'province')
    group by all
)

select
    r.region_level,
    r.region_code,
    r.region_name,
    cast(r.population as bigint) as population,
    cast(r.registered_crimes as bigint) as registered_crimes,
    r.registered_crimes * 100000.0 / r.population as registered_crimes_per_100k,
    cast(r.harm_score as double) as harm_score,
    r.harm_score * 100000.0 / r.population as harm_per_100k,
    cast(r.drug_sites as bigint) as drug_sites,
    k.harm_rank,
    k.count_rank_lower,
    k.count_rank_upper,
    k.weight_rank_lower,
    k.weight_rank_upper
from by_region as r
left join indicators.harm_rankings as k
    on k.year = $year and k.region_level = r.region_level and k.region_code = r.region_code
    and k.weight_set = r.weight_set
order by r.region_level, harm_per_100k desc, r.region_code
