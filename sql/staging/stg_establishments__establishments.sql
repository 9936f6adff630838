-- Business establishments per municipality (2025 division) and SBI section for one year. CBS
-- keys its sections with numbers (G Handel is 354200); reference.sbi_sections maps them to the
-- letters. The total (T001081), the section groups (B-E, ...) and "SBI-code onbekend" are left
-- out: they are sums of sections or no section. Suppressed cells count 0.
-- Older municipality codes map through reference.municipality_code_map; for a split
-- municipality each measure goes to the successors by share, largest remainder first, so no
-- count is lost or invented. is_provisional: CBS marked the period provisional ("2025JJ00*").
create table if not exists staging.stg_establishments__establishments (
    year integer not null,
    municipality_code varchar not null,
    sbi_section varchar not null,
    establishments bigint not null,
    is_provisional boolean not null,
    delivered_codes varchar[] not null,
    source_file varchar not null,
    source_rows bigint[] not null
);
delete from staging.stg_establishments__establishments
where year between $first_year and $last_year;
-- The year's delivered rows, typed: municipal_totals (sql/macros/) maps them to the 2025
-- division and sums them.
create or replace temp table delivered as
select
    cbs.year,
    cbs.delivered_code,
    sections.sbi_section,
    coalesce(try_cast(nullif(trim(cbs."Vestigingen_1"), '.') as bigint), 0) as establishments,
    cbs.is_provisional,
    cbs.source_file,
    cbs.source_row
from cbs_municipal_rows('raw.establishments', $first_year, $last_year) as cbs
inner join reference.sbi_sections as sections
    on sections.cbs_key = trim(cbs."BedrijfstakkenBranchesSBI2008");
insert into staging.stg_establishments__establishments
select
    year,
    municipality_code,
    sbi_section,
    establishments,
    is_provisional,
    delivered_codes,
    source_file,
    source_rows
from municipal_totals(delivered, ['year', 'sbi_section'], ['establishments'])
order by year, municipality_code, sbi_section;
drop table delivered;
