-- The years' registered crimes per municipality (2025 division) and crime type, with how many
-- delivered (rounded) cells each holds and the municipality codes they were delivered under.
select
    year, municipality_code, crime_type_code as item, registered_crimes as value, delivered_codes,
    len(delivered_codes) as delivered_cells
from staging.stg_incidents__crimes
where year between $first_year and $last_year
