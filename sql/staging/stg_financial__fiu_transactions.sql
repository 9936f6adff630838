-- Unusual and suspicious transactions per municipality and reporting sector for one year.
create schema if not exists staging;
create table if not exists staging.stg_financial__fiu_transactions (
    year integer not null,
    municipality_code varchar not null,
    reporting_sector_code varchar not null,
    unusual_transactions bigint not null,
    suspicious_transactions bigint not null,
    suspicious_amount_eur bigint not null,
    source_file varchar not null,
    source_row bigint not null
);
delete from staging.stg_financial__fiu_transactions where year = $year;
insert into staging.stg_financial__fiu_transactions
select
    $year as year,
    trim(gemeentecode) as municipality_code,
    trim(meldersgroep) as reporting_sector_code,
    cast(trim(ongebruikelijke_transacties) as bigint) as unusual_transactions,
    cast(trim(verdachte_transacties) as bigint) as suspicious_transactions,
    cast(trim(verdacht_bedrag_eur) as bigint) as suspicious_amount_eur,
    source_file,
    source_row
from raw.financial
where partition_year = $year
order by municipality_code, reporting_sector_code;
