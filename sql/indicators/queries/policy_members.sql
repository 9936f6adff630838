-- The members of every policy programme with their start year (valid lists only: the blocking
-- check policy_municipalities_are_valid stops the run before this is read).
select programme, municipality_code, cast(start_year_text as integer) as start_year
from reference.policy_municipalities
order by programme, municipality_code
