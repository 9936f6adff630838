-- Every harm weight set's weight per phenomenon, with how it was made.
select weight_set, phenomenon_code, weight, method
from reference.harm_weight_sets
order by weight_set, phenomenon_code
