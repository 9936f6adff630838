-- Region codes a CBS table may hold: municipalities of the 2025 division and older ones, and the
-- aggregates beside them (NL01, landsdelen, provinces, police units, "niet in te delen").
select distinct source_code from reference.municipality_code_map
union
select region_code from reference.cbs_aggregate_regions
order by 1
