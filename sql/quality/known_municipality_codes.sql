-- Municipality codes a source file may use: the 2025 division.
select municipality_code from reference.municipalities order by 1
