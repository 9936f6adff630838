-- Harm per phenomenon in the Netherlands in $year under every weight set, with each
-- phenomenon's rank within the set (1 = most harm): where the sets disagree. As in the priority
-- table, a phenomenon is measured by registered crimes, or by drug sites when it has none.
with measured as (
    select i.weight_set, i.phenomenon_code, i.harm_score
    from indicators.harm_indicators as i
    where i.year = $year and i.region_level = 'national'
        and not (i.source = 'incidents' and national_total_hidden(i.year, i.phenomenon_code))
    qualify row_number() over (
            partition by i.weight_set, i.phenomenon_code order by i.source = 'incidents' desc
        ) = 1
)

select
    weight_set,
    phenomenon_code,
    harm_score,
    cast(rank() over (partition by weight_set order by harm_score desc) as integer) as harm_rank,
    harm_score
    / cast(sum(cast(harm_score as decimal(38, 6))) over (partition by weight_set) as double)
        as harm_share
from measured
order by weight_set, harm_rank, phenomenon_code
