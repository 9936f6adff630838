-- Values of sbi_section a source file may use (data/reference/sbi_sections.csv).
select sbi_section from reference.sbi_sections order by 1
