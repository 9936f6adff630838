-- Drug seizures in $year and the year before by country of departure (ISO 3166 code): number
-- of seizures and kilograms, per drug.
select
    departure_country,
    drug,
    count(*) filter (where year = $year) as seizures,
    coalesce(sum(weight_kg) filter (where year = $year), 0)::double as weight_kg,
    coalesce(sum(weight_kg) filter (where year = $year - 1), 0)::double as weight_kg_previous
from staging.stg_seizures__seizures
where year in ($year, $year - 1)
group by all
order by weight_kg desc, departure_country, drug
