-- Unusual and suspicious transactions per municipality (2025 division) and reporting sector for
-- the run's years. A year delivered as FIU-Nederland records (raw.unusual_transactions) is
-- counted from them: the records are the finer source, so that year's aggregate file is not
-- read; other years come from the aggregates (raw.financial). Older codes map through
-- reference.municipality_code_map; for a split municipality each measure goes to the successors
-- by share, largest remainder first, so totals are kept. For a year counted from records,
-- source_rows holds the first record of each delivered cell (its records share year, code and
-- reporting group).
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
where
    partition_year between $first_year and $last_year
    and partition_year not in (
        select distinct records.partition_year from raw.unusual_transactions as records
        where records.partition_year between $first_year and $last_year
    )
union all
-- Records counted per delivered cell; amounts summed in cents, then rounded to whole euros.
select
    partition_year as year,
    trim(gemeentecode) as delivered_code,
    trim(meldersgroep) as reporting_sector_code,
    count(*) as unusual_transactions,
    count(*) filter (where trim(verdacht) = '1') as suspicious_transactions,
    cast(
        round(coalesce(sum(cast(trim(bedrag_eur) as decimal(18, 2))) filter (
            where trim(verdacht) = '1'
        ), 0)) as bigint
    ) as suspicious_amount_eur,
    false as is_provisional,
    min(source_file) as source_file,
    min(source_row) as source_row
from raw.unusual_transactions
where partition_year between $first_year and $last_year
group by partition_year, trim(gemeentecode), trim(meldersgroep);
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
