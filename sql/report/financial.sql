-- Financial indicators in the Netherlands in $year per sector: FIU-Nederland unusual and
-- suspicious transactions and the suspicious amount, and emergency freezes (count and amount).
with fiu as (
    select
        sector_code,
        sum(unusual_transactions) as unusual_transactions,
        sum(suspicious_transactions) as suspicious_transactions,
        sum(suspicious_amount_eur) as suspicious_amount_eur
    from indicators.financial_indicators
    where year = $year and region_level = 'national'
    group by all
),

freezes as (
    select
        sector_code,
        sum(event_count) as emergency_freezes,
        sum(amount_eur) as frozen_amount_eur
    from indicators.phenomenon_sector_indicators
    where year = $year and region_level = 'national' and source = 'emergency_freezes'
    group by all
)

select
    s.sector_code,
    s.label_nl,
    s.label_en,
    cast(f.unusual_transactions as bigint) as unusual_transactions,
    cast(f.suspicious_transactions as bigint) as suspicious_transactions,
    cast(f.suspicious_amount_eur as bigint) as suspicious_amount_eur,
    cast(z.emergency_freezes as bigint) as emergency_freezes,
    cast(z.frozen_amount_eur as bigint) as frozen_amount_eur
from reference.sectors as s
left join fiu as f using (sector_code)
left join freezes as z using (sector_code)
where f.sector_code is not null or z.sector_code is not null
order by suspicious_transactions desc nulls last, s.sector_code asc
