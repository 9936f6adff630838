-- Sector x phenomenon in the Netherlands in $year: events per 1,000 establishments and whether
-- any source covers the cell; with each sector's composite index rank. Sources stay apart: a
-- cell several sources cover shows one, in a fixed order (suspicious transactions, seizures,
-- drug sites, emergency freezes), and names it.
with cells as (
    select
        phenomenon_code,
        sector_code,
        source,
        event_count,
        establishments,
        source is not null as has_source
    from indicators.phenomenon_sector_indicators
    where year = $year and region_level = 'national'
    qualify row_number() over (
            partition by phenomenon_code, sector_code
            order by case source
                when 'fiu_suspicious' then 1 when 'seizures' then 2 when 'drug_sites' then 3
                when 'emergency_freezes' then 4 else 5
            end
        ) = 1
),

sector_index as (
    select * from indicators.sector_threat_index where year = $year
)

select
    c.sector_code,
    s.label_nl as sector_label_nl,
    s.label_en as sector_label_en,
    c.phenomenon_code,
    p.label_nl as phenomenon_label_nl,
    p.label_en as phenomenon_label_en,
    c.has_source,
    c.source,
    cast(c.event_count as bigint) as event_count,
    cast(c.establishments as bigint) as establishments,
    x.index_value,
    x.index_rank,
    x.rank_min,
    x.rank_max,
    x.indicators_used,
    c.event_count * 1000.0 / nullif(c.establishments, 0) as per_1000_establishments
from cells as c
inner join reference.sectors as s using (sector_code)
inner join reference.phenomena as p using (phenomenon_code)
left join sector_index as x on x.sector_code = c.sector_code
order by c.sector_code, c.phenomenon_code
