-- Whether any file loaded for the years is synthetic demo data (shown in every asset's metadata).
select coalesce(bool_or(is_synthetic), false) as synthetic
from raw.loaded_files
where partition_year between $first_year and $last_year
