-- Impact in euros per year x region level x region x component x item, where a source gives
-- amounts or a unit value exists (reference.impact_unit_values: each value with its source, or
-- marked as derived, an assumption or absent). Components:
--   suspicious_transactions_amount, emergency_freezes_amount: money laundering, amounts as
--   reported;
--   seized_assets_value: proceeds of crime as reported; no single phenomenon (null);
--   seizure_street_value: kg seized x street value per kg of the drug;
--   site_clean_up: drug sites x clean-up or dismantling cost per site of its type.
-- Every region has a row for every component x item, so zero is explicit; an item without a
-- unit value keeps its quantity and has null euros (not zero).
-- Range: a reported amount has none; kg give kg x the unit value's low and high; a count of
-- sites gives its exact Poisson interval at $confidence_level times the unit value's low and
-- high, the widest combination of both uncertainties.
create table if not exists indicators.impact_indicators (
    year integer not null,
    region_level varchar not null,
    region_code varchar not null,
    region_name varchar not null,
    phenomenon_code varchar,
    component varchar not null,
    item varchar not null,
    quantity double not null,
    quantity_unit varchar not null,
    unit_value_eur double,
    unit_value_basis varchar not null,
    impact_eur double,
    impact_low_eur double,
    impact_high_eur double,
    confidence_level double not null
);
delete from indicators.impact_indicators
where year between $first_year and $last_year;
insert into indicators.impact_indicators
-- Every record's or cell's quantity, per municipality; amounts and kilograms as decimals, so
-- that their sums are exact, the same in every run whatever the summing order.
with quantities as (
    select
        year,
        municipality_code,
        'suspicious_transactions_amount' as component,
        'all' as item,
        suspicious_amount_eur as quantity
    from staging.stg_financial__fiu_transactions
    union all
    select year, municipality_code, 'emergency_freezes_amount', 'all', frozen_amount_eur
    from staging.stg_financial__emergency_freezes
    union all
    select year, municipality_code, 'seized_assets_value', asset_type, value_eur
    from staging.stg_financial__seized_assets
    union all
    select
        year, municipality_code, 'seizure_street_value', drug, cast(weight_kg as decimal(38, 1))
    from staging.stg_seizures__seizures
    union all
    -- a site each
    select year, municipality_code, 'site_clean_up', site_type, 1
    from staging.stg_drug_sites__sites
),

-- read by rolled_up, a table macro (which sqlfluff does not see, hence the ST03 exception)
municipal_quantities as (  -- noqa: ST03
    select
        year, municipality_code, component, item, cast(quantity as decimal(38, 1)) as quantity
    from quantities
    where year between $first_year and $last_year
),

regional_quantities as (
    select * from rolled_up(municipal_quantities, ['year', 'component', 'item'], ['quantity'])
),

-- Every item of the code lists, so an item without a unit-value row still shows its quantity.
items as (
    select
        'suspicious_transactions_amount' as component, 'all' as item,
        'money_laundering' as phenomenon_code, 'eur' as quantity_unit
    union all
    select 'emergency_freezes_amount', 'all', 'money_laundering', 'eur'
    union all
    select 'seized_assets_value', asset_type, null, 'eur' from reference.seized_asset_types
    union all
    select 'seizure_street_value', drug, phenomenon_code, 'kg' from reference.drugs
    union all
    select 'site_clean_up', site_type, phenomenon_code, 'site' from reference.drug_site_types
),

regions as (
    select distinct region_level, region_code, region_name from reference.region_membership
),

years as (
    select unnest(range($first_year, $last_year + 1)) as year
),

cells as (
    select
        y.year,
        g.region_level,
        g.region_code,
        g.region_name,
        i.phenomenon_code,
        i.component,
        i.item,
        coalesce(q.quantity, 0) as quantity,
        i.quantity_unit,
        u.value_eur,
        u.low_eur,
        u.high_eur,
        coalesce(u.basis, 'none') as basis
    from regions as g
    cross join years as y
    cross join items as i
    left join reference.impact_unit_values as u using (component, item)
    left join regional_quantities as q
        on q.year = y.year and q.region_level = g.region_level and q.region_code = g.region_code
            and q.component = i.component and q.item = i.item
)

select
    year,
    region_level,
    region_code,
    region_name,
    phenomenon_code,
    component,
    item,
    cast(quantity as double),
    quantity_unit,
    value_eur,
    basis,
    quantity * value_eur,
    case quantity_unit
        when 'site' then poisson_lower(quantity, $confidence_level) * low_eur
        else quantity * low_eur
    end,
    case quantity_unit
        when 'site' then poisson_upper(quantity, $confidence_level) * high_eur
        else quantity * high_eur
    end,
    $confidence_level
from cells
order by year, region_level, region_code, component, item;
