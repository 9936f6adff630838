-- Breakdown by phenomenon in the Netherlands: this year, last year, and share of the harm.
-- Phenomena no source reports on are listed too, with null figures, so the gap is visible.
with national as (
    select
        phenomenon_code,
        sum(event_count) filter (where source = 'incidents' and year = $year) as registered_crimes,
        sum(event_count) filter (where source = 'incidents' and year = $year - 1)
            as registered_crimes_previous,
        sum(rate_per_100k) filter (where source = 'incidents' and year = $year)
            as registered_crimes_per_100k,
        sum(harm_score) filter (where source = 'incidents' and year = $year) as harm_score,
        sum(event_count) filter (where source = 'drug_sites' and year = $year) as drug_sites
    from indicators.phenomenon_indicators
    where region_level = 'national' and year in ($year, $year - 1)
    group by phenomenon_code
)

select
    p.phenomenon_code,
    p.label_nl,
    p.label_en,
    cast(n.registered_crimes as bigint) as registered_crimes,
    cast(n.registered_crimes_previous as bigint) as registered_crimes_previous,
    (n.registered_crimes - n.registered_crimes_previous) * 1.0
        / nullif(n.registered_crimes_previous, 0) as change_on_previous_year,
    n.registered_crimes_per_100k,
    cast(n.harm_score as double) as harm_score,
    n.harm_score / sum(n.harm_score) over () as harm_share,
    cast(n.drug_sites as bigint) as drug_sites
from reference.phenomena as p
left join national as n using (phenomenon_code)
order by n.harm_score desc nulls last, p.phenomenon_code
