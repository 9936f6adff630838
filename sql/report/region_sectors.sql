-- Suspicious transactions per 1,000 establishments per sector, for every RIEC region beside the
-- Netherlands, in $year: the sectors of the regional editions. A sector no source covers has no
-- value (has_source false): a gap, not a zero.
select
    r.region_code,
    r.sector_code,
    s.label_nl,
    s.label_en,
    r.has_source,
    cast(r.suspicious_transactions as bigint) as suspicious_transactions,
    cast(r.establishments as bigint) as establishments,
    r.suspicious_per_1000_establishments as per_1000,
    r.suspicious_per_1000_lower as per_1000_lower,
    r.suspicious_per_1000_upper as per_1000_upper,
    n.suspicious_per_1000_establishments as national_per_1000
from indicators.sector_indicators as r
inner join reference.sectors as s on r.sector_code = s.sector_code
left join indicators.sector_indicators as n
    on
        r.year = n.year and r.sector_code = n.sector_code
        and n.region_level = 'national'
where r.year = $year and r.region_level = 'riec_region'
order by
    r.region_code asc,
    r.has_source desc,
    r.suspicious_per_1000_establishments desc nulls last,
    r.sector_code asc
