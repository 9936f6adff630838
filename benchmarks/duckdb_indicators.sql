-- (D) The two indicator tables straight from the files, in one DuckDB script: what a careful
-- analyst would write by hand, the practical limit for the pipeline. Same rules as the pipeline
-- (sql/staging/, sql/indicators/, sql/macros/): codes of older divisions go to the 2025 division
-- with largest-remainder splitting, each crime is counted once along the crime-type paths,
-- municipalities roll up to RIEC regions, provinces and the Netherlands, exact Poisson
-- intervals (poisson_lower/poisson_upper: a SciPy function the runner registers).
-- Parameters are bound by benchmarks/duckdb_script.py, statement by statement.

-- Whole units for one part of a divided total: floor, then one more for the largest remainders.
create or replace temp macro whole_units(exact, whole, part, tiebreak) as (
    floor(exact) + case
        when row_number() over (partition by part order by exact - floor(exact) desc, tiebreak)
            <= whole - sum(floor(exact)) over (partition by part)
            then 1
        else 0
    end
);

-- A StatLine cell as a number's text: CBS symbols and Dutch separators undone.
create or replace temp macro statline_number(cell) as (
    case
        when cell is null or trim(cell) = '' then null
        when trim(cell) in ('.', 'x') then '.'
        when trim(cell) = '-' then '0'
        when regexp_full_match(trim(cell), '-?\d{1,3}(\.\d{3})+') then replace(trim(cell), '.', '')
        when regexp_full_match(trim(cell), '-?\d+,\d+') then replace(trim(cell), ',', '.')
        else trim(cell)
    end
);

create temp table municipalities as
select * from read_csv($municipalities, header = true, all_varchar = true);

create temp table region_membership as
select municipality_code, 'municipality' as region_level, municipality_code as region_code,
    municipality_name as region_name
from municipalities
union all
select municipality_code, 'riec_region', riec_code, riec_name from municipalities
union all
select municipality_code, 'province', province_code, province_name from municipalities
union all
select municipality_code, 'national', 'NL01', 'Nederland' from municipalities;

-- Every code a file may use -> its 2025 municipalities and shares, through chains of changes.
create temp table code_map as
with recursive changes as (
    select old_code, new_code, cast(share as double) as share
    from read_csv($reclassifications, header = true, all_varchar = true)
),

chain (source_code, code, share, steps) as (
    select old_code, new_code, share, 1 from changes
    union all
    select chain.source_code, c.new_code, chain.share * c.share, chain.steps + 1
    from chain inner join changes as c on c.old_code = chain.code
    where chain.steps < 20
)

select municipality_code as source_code, municipality_code, 1.0::double as share
from municipalities
union all
select source_code, code, sum(share)
from chain
where code in (select municipality_code from municipalities)
group by all;

create temp table crime_types as
select crime_type_code, cbs_title, label_nl, nullif(parent_code, '') as parent_code,
    nullif(phenomenon_code, '') as phenomenon_code
from read_csv($crime_types, header = true, all_varchar = true);

create temp table crime_type_paths as
with recursive paths (crime_type_code, ancestor_code, distance) as (
    select crime_type_code, crime_type_code, 0 from crime_types
    union all
    select p.crime_type_code, t.parent_code, p.distance + 1
    from paths as p inner join crime_types as t on t.crime_type_code = p.ancestor_code
    where t.parent_code is not null and p.distance < 10
)
select * from paths;

create temp table years as
select unnest(range($first_year, $last_year + 1)) as year;

-- Inhabitants on 1 January per 2025 municipality (CBS 03759NED, OData v4 JSON).
create temp table inhabitants_delivered as
with measure as (
    select m.Identifier as measure_code
    from (select unnest(value) as m from read_json($population_measures))
    where trim(m.Title) = $population_measure_title
),

cells as (
    select unnest(value) as c from read_json($population_file)
)

select
    cast(left(trim(c.Perioden), 4) as integer) as year,
    trim(c.RegioS) as delivered_code,
    cast(c.Value as bigint) as inhabitants
from cells
where c.Measure in (select measure_code from measure)
    and c.Geslacht = 'T001038' and c.Leeftijd = '10000' and c.BurgerlijkeStaat = 'T001019'
    and regexp_full_match(trim(c.RegioS), 'GM[0-9]{4}') and trim(c.RegioS) <> 'GM0999'
    and cast(left(trim(c.Perioden), 4) as integer) between $first_year and $last_year;

create temp table inhabitants as
with mapped as (
    select d.*, coalesce(m.municipality_code, d.delivered_code) as municipality_code,
        coalesce(m.share, 1) as share
    from (select *, row_number() over () as part from inhabitants_delivered) as d
    left join code_map as m on m.source_code = d.delivered_code
),

divided as (
    select year, municipality_code,
        whole_units(inhabitants * share, inhabitants, part, municipality_code) as inhabitants
    from mapped
)

select year, municipality_code, cast(sum(inhabitants) as bigint) as inhabitants
from divided
group by all;

-- FIU records counted per delivered cell (year from the file's name), amounts in cents.
create temp table transaction_cells as
select
    cast(regexp_extract(filename, '(\d{4})\.csv$', 1) as integer) as year,
    trim(gemeentecode) as delivered_code,
    trim(meldersgroep) as reporting_sector_code,
    count(*) as unusual_transactions,
    count(*) filter (where trim(verdacht) = '1') as suspicious_transactions,
    cast(round(coalesce(sum(bedrag_eur) filter (where trim(verdacht) = '1'), 0)) as bigint)
        as suspicious_amount_eur
from read_csv(
    $transaction_files, delim = ';', header = true, filename = true, auto_detect = false,
    columns = {
        'transactie_id': 'VARCHAR', 'datum': 'VARCHAR', 'meldersgroep': 'VARCHAR',
        'gemeentecode': 'VARCHAR', 'bedrag_eur': 'DECIMAL(18,2)', 'verdacht': 'VARCHAR'
    }
)
group by all;

create temp table transactions as
with mapped as (
    select c.*, coalesce(m.municipality_code, c.delivered_code) as municipality_code,
        coalesce(m.share, 1) as share
    from (select *, row_number() over () as part from transaction_cells) as c
    left join code_map as m on m.source_code = c.delivered_code
    where c.year between $first_year and $last_year
),

divided as (
    select year, municipality_code, reporting_sector_code,
        whole_units(unusual_transactions * share, unusual_transactions, part, municipality_code)
            as unusual_transactions,
        whole_units(suspicious_transactions * share, suspicious_transactions, part,
            municipality_code) as suspicious_transactions,
        whole_units(suspicious_amount_eur * share, suspicious_amount_eur, part,
            municipality_code) as suspicious_amount_eur
    from mapped
)

select year, municipality_code, reporting_sector_code,
    cast(sum(unusual_transactions) as bigint) as unusual_transactions,
    cast(sum(suspicious_transactions) as bigint) as suspicious_transactions,
    cast(sum(suspicious_amount_eur) as bigint) as suspicious_amount_eur
from divided
group by all;

create temp table financial_indicators as
with sectors as (
    select reporting_sector_code, sector_code
    from read_csv($fiu_reporting_sectors, header = true, all_varchar = true)
),

grid as (
    select y.year, m.municipality_code, s.reporting_sector_code, s.sector_code, p.inhabitants,
        coalesce(t.unusual_transactions, 0) as unusual_transactions,
        coalesce(t.suspicious_transactions, 0) as suspicious_transactions,
        coalesce(t.suspicious_amount_eur, 0) as suspicious_amount_eur
    from sectors as s cross join years as y cross join municipalities as m
    left join transactions as t
        on t.year = y.year and t.municipality_code = m.municipality_code
        and t.reporting_sector_code = s.reporting_sector_code
    left join inhabitants as p on p.year = y.year and p.municipality_code = m.municipality_code
)

select
    g.year, r.region_level, r.region_code, r.region_name, g.reporting_sector_code,
    g.sector_code,
    cast(sum(g.unusual_transactions) as bigint) as unusual_transactions,
    cast(sum(g.suspicious_transactions) as bigint) as suspicious_transactions,
    cast(sum(g.suspicious_amount_eur) as bigint) as suspicious_amount_eur,
    cast(sum(g.inhabitants) as bigint) as population,
    sum(g.suspicious_transactions) * 100000.0 / nullif(sum(g.inhabitants), 0)
        as suspicious_per_100k
from grid as g inner join region_membership as r using (municipality_code)
group by all;

-- Registered crimes (CBS 83648NED): the OData v3 files, then the StatLine label download.
create temp table crimes_delivered as
select
    cast(left(trim("Perioden"), 4) as integer) as year,
    trim("RegioS") as delivered_code,
    trim("SoortMisdrijf") as crime_type_code,
    try_cast(nullif(trim("TotaalGeregistreerdeMisdrijven_1"), '.') as bigint) as delivered_count
from read_csv($incident_files, delim = ';', header = true, all_varchar = true,
    union_by_name = true)
where regexp_full_match(trim("RegioS"), 'GM[0-9]{4}') and trim("RegioS") <> 'GM0999'
    and cast(left(trim("Perioden"), 4) as integer) between $first_year and $last_year;

create temp table statline_cells as
select
    cast(left(trim("Perioden"), 4) as integer) as year,
    trim("Soort misdrijf") as crime_label,
    regexp_replace(trim("Regio's"), '\s*\((gemeente|gem\.)\)$', '', 'i') as region_label,
    statline_number("Geregistreerde misdrijven|Totaal geregistreerde misdrijven (aantal)")
        as cell
from read_csv($statline_files, delim = ';', quote = '"', skip = 2, header = true,
    all_varchar = true, null_padding = true)
where "Regio's" is not null
    and lower(trim("Regio's")) not in ('nederland', 'niet in te delen')
    and not regexp_matches(trim("Regio's"), '\((PV|LD|RE|CR)\)$', 'i')
    and cast(left(trim("Perioden"), 4) as integer) between $first_year and $last_year;

-- Labels back to codes: a numbered crime label by its number, another by its title; a
-- municipality by its name in the 2025 division.
create temp table statline_delivered as
with by_number as (
    select crime_type_code, replace(split_part(cbs_title, ' ', 1), '.', '') as number
    from crime_types
    where regexp_full_match(split_part(cbs_title, ' ', 1), '\d+(\.\d+)*')
),

by_title as (
    select distinct crime_type_code, lower(title) as title
    from crime_types, unnest([cbs_title, label_nl]) as t (title)
)

select
    s.year,
    m.municipality_code as delivered_code,
    case
        when regexp_full_match(split_part(s.crime_label, ' ', 1), '\d+(\.\d+)*')
            then n.crime_type_code
        else t.crime_type_code
    end as crime_type_code,
    try_cast(nullif(s.cell, '.') as bigint) as delivered_count,
    s.region_label,
    s.crime_label
from statline_cells as s
left join municipalities as m on lower(m.municipality_name) = lower(s.region_label)
left join by_number as n on n.number = replace(split_part(s.crime_label, ' ', 1), '.', '')
left join by_title as t on t.title = lower(s.crime_label);

select error('StatLine labels that map to no code: ' || string_agg(distinct
    coalesce(region_label || ' / ' || crime_label, '?'), '; '))
from statline_delivered
where delivered_code is null or crime_type_code is null
having count(*) > 0;

create temp table crimes as
with delivered as (
    select year, delivered_code, crime_type_code,
        case when delivered_count > -99990 then delivered_count end as registered_crimes
    from (
        select year, delivered_code, crime_type_code, delivered_count from crimes_delivered
        union all
        select year, delivered_code, crime_type_code, delivered_count from statline_delivered
    )
),

mapped as (
    select d.*, coalesce(m.municipality_code, d.delivered_code) as municipality_code,
        coalesce(m.share, 1) as share
    from (select *, row_number() over () as part from delivered) as d
    left join code_map as m on m.source_code = d.delivered_code
),

divided as (
    select year, municipality_code, crime_type_code, registered_crimes is null as is_suppressed,
        whole_units(registered_crimes * share, registered_crimes, part, municipality_code)
            as registered_crimes
    from mapped
)

select year, municipality_code, crime_type_code,
    cast(sum(registered_crimes) as bigint) as registered_crimes,
    bool_or(is_suppressed) as is_suppressed
from divided
group by all;

-- Every crime once: a delivered code counts for a counted code unless a code between the two
-- was delivered too.
create temp table counted_crimes as
with counted as (
    select c.year, c.municipality_code, k.phenomenon_code, k.crime_type_code as counted_code,
        c.crime_type_code, c.registered_crimes, c.is_suppressed
    from crimes as c
    inner join crime_type_paths as p using (crime_type_code)
    inner join crime_types as k
        on k.crime_type_code = p.ancestor_code and k.phenomenon_code is not null
)
select d.* from counted as d
where not exists (
    select 1 from counted as nearer
    inner join crime_type_paths as path
        on path.crime_type_code = d.crime_type_code
        and path.ancestor_code = nearer.crime_type_code and path.distance > 0
    where nearer.year = d.year and nearer.municipality_code = d.municipality_code
        and nearer.counted_code = d.counted_code
);

create temp table phenomenon_indicators as
with events as (
    select year, municipality_code, phenomenon_code,
        coalesce(sum(registered_crimes), 0) as event_count,
        count(*) filter (where is_suppressed) as suppressed_cells
    from counted_crimes
    group by all
),

grid as (
    select y.year, m.municipality_code, f.phenomenon_code, p.inhabitants,
        coalesce(e.event_count, 0) as event_count,
        coalesce(e.suppressed_cells, 0) as suppressed_cells
    from (select distinct phenomenon_code from crime_types where phenomenon_code is not null) as f
    cross join years as y cross join municipalities as m
    left join events as e
        on e.year = y.year and e.municipality_code = m.municipality_code
        and e.phenomenon_code = f.phenomenon_code
    left join inhabitants as p on p.year = y.year and p.municipality_code = m.municipality_code
),

regions as (
    select g.year, r.region_level, r.region_code, r.region_name, g.phenomenon_code,
        sum(g.event_count) as event_count, sum(g.suppressed_cells) as suppressed_cells,
        sum(g.inhabitants) as population
    from grid as g inner join region_membership as r using (municipality_code)
    group by all
),

bounded as (
    select *,
        poisson_lower(event_count, $confidence_level) as count_lower,
        poisson_upper(event_count, $confidence_level) as count_upper
    from regions
),

weights as (
    select phenomenon_code, weight_set, cast(weight as double) as weight
    from read_csv($harm_weights, header = true, all_varchar = true)
    where weight_set = $weight_set
)

select
    b.year, b.region_level, b.region_code, b.region_name, b.phenomenon_code,
    'incidents' as source,
    cast(b.event_count as bigint) as event_count,
    cast(b.suppressed_cells as bigint) as suppressed_cells,
    cast(b.population as bigint) as population,
    b.event_count * 100000.0 / nullif(b.population, 0) as rate_per_100k,
    w.weight_set as harm_weight_set,
    w.weight as harm_weight,
    b.event_count * w.weight as harm_score,
    $confidence_level as confidence_level,
    b.count_lower as event_count_lower,
    b.count_upper as event_count_upper,
    b.count_lower * 100000.0 / nullif(b.population, 0) as rate_per_100k_lower,
    b.count_upper * 100000.0 / nullif(b.population, 0) as rate_per_100k_upper,
    b.count_lower * w.weight as harm_score_lower,
    b.count_upper * w.weight as harm_score_upper,
    b.suppressed_cells > 0 or b.count_upper > $gap_max_upper_ratio * b.event_count
        as is_intelligence_gap,
    case
        when b.suppressed_cells > 0 then 'suppressed'
        when b.count_upper > $gap_max_upper_ratio * b.event_count then 'thin'
    end as gap_reason
from bounded as b
inner join weights as w using (phenomenon_code);
