-- The years' inhabitants per municipality (2025 division), with how many delivered cells each
-- holds and the municipality codes they were delivered under.
select
    year, municipality_code, 'inhabitants' as item, inhabitants as value, delivered_codes,
    len(delivered_codes) as delivered_cells
from staging.stg_population__inhabitants
where year between $first_year and $last_year
