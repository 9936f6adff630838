-- Drug seizures in $year and the year before by country of departure (ISO 3166 code): number
-- of seizures and kilograms, per drug.
select
    departure_country,
    drug,
    count(*) filter (where year = $year) as seizures,
    -- decimals: an exact sum, the same in every run whatever the summing order
    coalesce(sum(cast(weight_kg as decimal(38, 1))) filter (where year = $year), 0)::double
        as weight_kg,
    coalesce(sum(cast(weight_kg as decimal(38, 1))) filter (where year = $year - 1), 0)::double
        as weight_kg_previous
from staging.stg_seizures__seizures
where year in ($year, $year - 1)
group by all
order by weight_kg desc, departure_country asc, drug asc
