-- The files behind the report (the ten years up to $year), with SHA-256 and whether they are
-- synthetic demo data.
select
    partition_year as year,
    source,
    source_file,
    source_sha256,
    is_synthetic
from raw.loaded_files
where partition_year between $year - 9 and $year
order by year desc, source asc, source_file asc
