-- Registered crimes per 100,000 inhabitants per municipality and phenomenon, from the published
-- (disclosure-controlled) counts only: a hidden count has no rate (null), which the maps show as
-- "not published". The municipality's RIEC region for the regional editions.
select
    p.municipality_code as code,
    p.municipality_name as name,
    p.riec_code,
    p.phenomenon_code,
    p.registered_crimes,
    p.suppression,
    pop.inhabitants as population,
    p.registered_crimes * 100000.0 / nullif(pop.inhabitants, 0) as rate_per_100k
from indicators.published_municipal_counts as p
left join staging.stg_population__inhabitants as pop
    on p.year = pop.year and p.municipality_code = pop.municipality_code
where p.year = $year
order by p.phenomenon_code, p.municipality_code
