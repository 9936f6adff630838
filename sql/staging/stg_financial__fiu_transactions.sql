-- Unusual and suspicious transactions per municipality (2025 division) and reporting sector for
-- one year. Older codes map through reference.municipality_code_map; for a split municipality
-- each measure goes to the successors by share, largest remainder first, so totals are kept.
create table if not exists staging.stg_financial__fiu_transactions (
    year integer not null,
    municipality_code varchar not null,
    reporting_sector_code varchar not null,
    unusual_transactions bigint not null,
    suspicious_transactions bigint not null,
    suspicious_amount_eur bigint not null,
    delivered_codes varchar[] not null,
    source_file varchar not null,
    source_rows bigint[] not null
);
delete from staging.stg_financial__fiu_transactions where year = $year;
insert into staging.stg_financial__fiu_transactions
with delivered as (
    select
        trim(gemeentecode) as delivered_code,
        trim(meldersgroep) as reporting_sector_code,
        cast(trim(ongebruikelijke_transacties) as bigint) as unusual_transactions,
        cast(trim(verdachte_transacties) as bigint) as suspicious_transactions,
        cast(trim(verdacht_bedrag_eur) as bigint) as suspicious_amount_eur,
        source_file,
        source_row
    from raw.financial
    where partition_year = $year
),

measures as (
    unpivot delivered
    on unusual_transactions, suspicious_transactions, suspicious_amount_eur
    into name measure value delivered_value
),

apportioned as (
    select * from in_2025_division(measures)
)

select
    $year as year,
    municipality_code,
    reporting_sector_code,
    cast(sum(allocated_value) filter (where measure = 'unusual_transactions') as bigint),
    cast(sum(allocated_value) filter (where measure = 'suspicious_transactions') as bigint),
    cast(sum(allocated_value) filter (where measure = 'suspicious_amount_eur') as bigint),
    list(distinct delivered_code order by delivered_code),
    min(source_file),
    list(distinct source_row order by source_row)
from apportioned
group by municipality_code, reporting_sector_code
order by municipality_code, reporting_sector_code;
