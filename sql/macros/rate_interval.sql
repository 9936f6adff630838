-- A count as a rate per `per` units of `base` (per 100,000 inhabitants: rate_interval(tips,
-- population, 100000.0, $confidence_level)), with the rates of its exact Poisson interval at
-- `confidence_level` (poisson_lower / poisson_upper, pipeline/plumbing/sql_functions.py): a
-- struct of rate, lower and upper, null where the base is zero or unknown. In a select list,
-- unnest(rate_interval(...)) gives the three as columns.
create or replace temp macro rate_interval(count, base, per, confidence_level) as {
    'rate': count * per / nullif(base, 0),
    'lower': poisson_lower(count, confidence_level) * per / nullif(base, 0),
    'upper': poisson_upper(count, confidence_level) * per / nullif(base, 0)
};
