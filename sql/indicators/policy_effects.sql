-- Policy measures: per programme x outcome, the difference-in-differences rate ratio of the
-- municipalities taking part against the others (Poisson with municipality and year effects,
-- cluster-robust interval at $confidence_level), the parallel-trends test on the years before
-- the start, and pooled rates per 100,000 before and after.
-- effect_rows is a frame the policy_effects asset computes
-- (pipeline/domain/statistics/policy_effects.py), written with policy_series.sql.
-- is_synthetic_selection: the list is the demo's invented selection.
create table if not exists indicators.policy_effects (
    year integer not null,
    programme varchar not null,
    source varchar not null,
    outcome varchar not null,
    start_year integer not null,
    first_year integer not null,
    last_year integer not null,
    treated_municipalities bigint not null,
    control_municipalities bigint not null,
    left_out_municipalities bigint not null,
    treated_rate_before double,
    treated_rate_after double,
    control_rate_before double,
    control_rate_after double,
    rate_ratio double,
    rate_ratio_lower double,
    rate_ratio_upper double,
    p_value double,
    pre_trend_ratio double,
    pre_trend_lower double,
    pre_trend_upper double,
    pre_trend_p_value double,
    confidence_level double not null,
    is_synthetic_selection boolean not null
);
delete from indicators.policy_effects
where year between $first_year and $last_year;
insert into indicators.policy_effects by name
with effects as (
    select *, $confidence_level as confidence_level
    from effect_rows
),

selections as (
    select programme, bool_or(is_synthetic) as is_synthetic_selection
    from reference.policy_municipalities
    group by programme
)

select e.*, s.is_synthetic_selection
from effects as e
inner join selections as s using (programme)
order by e.programme, e.source, e.outcome;
