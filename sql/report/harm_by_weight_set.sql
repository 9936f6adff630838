-- Harm of registered crimes per phenomenon in the Netherlands in $year under every weight set,
-- with each phenomenon's rank within the set (1 = most harm): where the sets disagree.
select
    weight_set,
    phenomenon_code,
    harm_score,
    cast(rank() over (partition by weight_set order by harm_score desc) as integer) as harm_rank,
    harm_score / sum(harm_score) over (partition by weight_set) as harm_share
from indicators.harm_indicators
where year = $year and region_level = 'national' and source = 'incidents'
order by weight_set, harm_rank, phenomenon_code
