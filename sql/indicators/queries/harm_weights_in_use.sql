-- Every harm weight set, one weight per phenomenon, for the harm rankings.
select weight_set, phenomenon_code, weight
from reference.harm_weight_sets
order by weight_set, phenomenon_code
