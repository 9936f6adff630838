-- Each old municipality code with the 2025 municipalities that replaced it.
select source_code, list(municipality_code order by municipality_code) as successors
from reference.municipality_code_map
where is_historic
group by source_code
order by source_code
