-- Annex table harm_rankings: RIEC regions ranked by harm per 100,000 under every weight set,
-- with rank intervals; only regions whose every phenomenon total is shown in
-- published_region_counts (harm per 100,000 sums the counts). Provinces are left out: their
-- totals are not part of the disclosure control.
select r.*
from indicators.harm_rankings as r
where r.year = $year and r.region_level = 'riec_region'
    and not exists (
        select 1
        from indicators.published_region_counts as p
        where p.year = r.year and p.region_level = r.region_level
            and p.region_code = r.region_code and p.registered_crimes is null
    )
order by all
