-- The files (and their SHA-256) last loaded for a source and year, if any: loading the same file
-- again is skipped, so a re-run changes nothing (not even the load time). Needs the table of
-- sql/raw/loaded_files.sql.
select source_file, source_sha256
from raw.loaded_files
where partition_year = $year and source = $source
order by source_file
