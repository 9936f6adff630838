-- The SoortMisdrijf hierarchy as the raw check needs it: each code's parent and, for the codes a
-- phenomenon counts, that phenomenon.
select crime_type_code, parent_code, phenomenon_code, label_nl
from reference.crime_types
order by crime_type_code
