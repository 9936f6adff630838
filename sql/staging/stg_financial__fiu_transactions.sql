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
delete from staging.stg_financial__fiu_transactions
where year between $first_year and $last_year;
-- The year's delivered rows, typed: municipal_totals (sql/macros/) maps them to the 2025
-- division and sums them.
create or replace temp table delivered as
select
    partition_year as year,
    trim(gemeentecode) as delivered_code,
    trim(meldersgroep) as reporting_sector_code,
    cast(trim(ongebruikelijke_transacties) as bigint) as unusual_transactions,
    cast(trim(verdachte_transacties) as bigint) as suspicious_transactions,
    cast(trim(verdacht_bedrag_eur) as bigint) as suspicious_amount_eur,
    false as is_provisional,  -- the publisher marks no figure provisional
    source_file,
    source_row
from raw.financial
where partition_year between $first_year and $last_year;
insert into staging.stg_financial__fiu_transactions
select
    year,
    municipality_code,
    reporting_sector_code,
    unusual_transactions,
    suspicious_transactions,
    suspicious_amount_eur,
    delivered_codes,
    source_file,
    source_rows
from
    municipal_totals(
        delivered,
        ['year', 'reporting_sector_code'],
        ['unusual_transactions', 'suspicious_transactions', 'suspicious_amount_eur']
    )
order by year, municipality_code, reporting_sector_code;
drop table delivered;
