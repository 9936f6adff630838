-- The year's largest implausible jumps per staged dataset (the cells the no_implausible_jumps
-- warnings found), named in "things you need to know": at most three per dataset, largest
-- change first, and only cells where both values reach the year's disclosure threshold (a
-- smaller count could point at a few people or firms; the check's metadata has every cell).
with threshold as (
    select coalesce(max(threshold), 10) as value
    from indicators.published_municipal_counts
    where year = $year
),

ranked as (
    select
        j.*,
        row_number() over (
            partition by j.asset_key
            order by abs(j.value - j.previous_value) desc, j.municipality_code asc, j.item asc
        ) as position
    from quality.implausible_jumps as j
    cross join threshold as t
    where j.partition_year = $year and least(j.value, j.previous_value) >= t.value
)

select
    r.asset_key,
    r.position,
    m.municipality_name,
    r.item,
    r.previous_value,
    r.value,
    coalesce(c.label_nl, f.label_nl, s.theme_nl, r.item) as item_nl,
    coalesce(c.label_en, f.label_en, s.label_en, r.item) as item_en
from ranked as r
left join reference.municipalities as m on r.municipality_code = m.municipality_code
left join reference.crime_types as c
    on r.asset_key = 'staging/stg_incidents__crimes' and r.item = c.crime_type_code
left join reference.fiu_reporting_sectors as f
    on r.asset_key = 'staging/stg_financial__fiu_transactions' and r.item = f.reporting_sector_code
left join reference.signal_themes as s
    on r.asset_key = 'staging/stg_signals__tips' and r.item = s.theme
where r.position <= 3
order by r.asset_key, r.position
