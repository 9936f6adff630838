-- SBI 2008 keys a CBS establishments table may hold: the total, the 21 sections, the section
-- groups and "SBI-code onbekend" (data/reference/cbs_dimension_codes.csv).
select code from reference.cbs_dimension_codes
where dimension = 'BedrijfstakkenBranchesSBI2008'
order by 1
