-- Municipality codes a source file may use: the 2025 division and the older codes that map to it.
select distinct source_code from reference.municipality_code_map order by 1
