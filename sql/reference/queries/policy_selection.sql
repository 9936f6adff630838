-- Whether any policy programme list loaded is the demo's invented one: an effect estimated on an
-- invented selection is invented too, whatever the counts.
select coalesce(bool_or(is_synthetic), false) as synthetic
from reference.policy_municipalities
