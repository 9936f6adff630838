-- The files behind the report (the ten years up to $year), with SHA-256 and whether they are
-- synthetic demo data.
select distinct partition_year as year, 'incidents' as source, source_file, source_sha256,
       is_synthetic
from raw.incidents where partition_year between $year - 9 and $year
union all
select distinct partition_year, 'population', source_file, source_sha256, is_synthetic
from raw.population where partition_year between $year - 9 and $year
union all
select distinct partition_year, 'drug_sites', source_file, source_sha256, is_synthetic
from raw.drug_sites where partition_year between $year - 9 and $year
union all
select distinct partition_year, 'financial', source_file, source_sha256, is_synthetic
from raw.financial where partition_year between $year - 9 and $year
order by year desc, source, source_file
