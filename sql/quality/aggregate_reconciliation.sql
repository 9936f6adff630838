-- The aggregate rows CBS delivers beside the municipalities (NL01, landsdelen, provinces, police
-- units) against the sum of the municipalities in them, for one CBS source and years: how far
-- apart they are and how far CBS's rounding lets them be. $rounding_base is the multiple CBS
-- rounds the source's counts to (5 for registered crimes, 1 for population: exact); a total of
-- n rounded parts, itself rounded, may differ from their sum by at most base/2 x (n + 1).
-- An aggregate of a year before a split lies in that year's boundaries: when a municipality
-- delivered that year went partly into the region's 2025 municipalities and partly elsewhere
-- (Haaren in 2020: Oisterwijk and Tilburg in Zeeland-West-Brabant, Boxtel and Vught in
-- Oost-Brabant), its 2025 municipalities are not what the aggregate counted. Such a cell is kept
-- with boundary_changed set, and is not judged.
-- aggregate_cells (year, region_code, item, value: the delivered aggregate rows) and
-- municipal_cells (year, municipality_code, item, value, delivered_cells, delivered_codes:
-- staging, 2025 division) are registered by the check from
-- sql/quality/queries/aggregate_cells_<source>.sql and municipal_cells_<source>.sql.
create table if not exists quality.aggregate_reconciliation (
    partition_year integer not null,
    source varchar not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    item varchar not null,
    delivered_total bigint not null,
    municipal_sum bigint not null,
    municipal_cells bigint not null,
    gap bigint not null,
    tolerance double not null,
    within_rounding boolean not null,
    boundary_changed boolean not null default false
);
delete from quality.aggregate_reconciliation
where partition_year between $first_year and $last_year and source = $source;
insert into quality.aggregate_reconciliation
with members as (
    select a.region_code, a.region_level, a.region_name, m.municipality_code
    from reference.cbs_aggregate_regions as a
    inner join reference.municipalities as m
        on a.region_level = 'country'
            or (
                a.region_level in ('province', 'landsdeel')
                and list_contains(string_split(a.province_codes, '|'), m.province_code)
            )
            or (a.region_level = 'police_unit' and a.riec_code = m.riec_code)
),

-- Every code delivered each year with its 2025 municipalities (a current code: itself).
successors as (
    select
        delivered.year,
        delivered.source_code,
        map.municipality_code,
        count(*) over (partition by delivered.year, delivered.source_code) as successor_count
    from (
        select distinct year, unnest(delivered_codes) as source_code from municipal_cells
    ) as delivered
    inner join reference.municipality_code_map as map using (source_code)
),

-- Regions that hold some but not all of a delivered municipality's successors (a region may
-- stand here once per such municipality).
straddled as (
    select s.year, mem.region_code
    from successors as s
    inner join members as mem using (municipality_code)
    group by s.year, mem.region_code, s.source_code, s.successor_count
    having count(*) < s.successor_count
),

totals as (
    select year, region_code, item, value
    from aggregate_cells
    where value is not null
),

sums as (
    select
        cells.year,
        mem.region_code,
        mem.region_level,
        mem.region_name,
        cells.item,
        sum(cells.value) as municipal_sum,
        sum(cells.delivered_cells) as municipal_cells,
        count(*) filter (where cells.value is null) as unknown_cells
    from members as mem
    inner join municipal_cells as cells using (municipality_code)
    group by all
),

compared as (
    select s.*, t.value as delivered_total
    from sums as s
    inner join totals as t using (year, region_code, item)
    where s.unknown_cells = 0
)

select
    year,
    $source,
    region_level,
    region_code,
    region_name,
    item,
    delivered_total,
    municipal_sum,
    municipal_cells,
    delivered_total - municipal_sum as gap,
    case when $rounding_base > 1 then $rounding_base / 2.0 * (municipal_cells + 1) else 0 end
        as tolerance,
    abs(gap) <= tolerance as within_rounding,
    (year, region_code) in (select (straddled.year, straddled.region_code) from straddled)
        as boundary_changed
from compared
order by year, region_level, region_code, item;
