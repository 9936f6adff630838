-- The priority table: every phenomenon in the Netherlands in $year with its events, harm under
-- the run's weight set with the exact interval, change on last year and the ten-year trend (with
-- intervals and p-values), and whether it is an intelligence gap. Events are registered crimes;
-- a phenomenon without any is measured by drug sites (drug production), never both added up.
with measured as (
    select
        i.phenomenon_code,
        i.source,
        i.event_count,
        i.rate_per_100k,
        i.harm_weight_set,
        i.harm_score,
        i.harm_score_lower,
        i.harm_score_upper,
        i.is_intelligence_gap
    from indicators.phenomenon_indicators as i
    -- A national total of registered crimes the disclosure control hides is not reported.
    where i.year = $year and i.region_level = 'national'
        and not (i.source = 'incidents' and national_total_hidden(i.year, i.phenomenon_code))
    qualify row_number() over (
            partition by i.phenomenon_code order by i.source = 'incidents' desc
        ) = 1
),

trends as (
    select
        phenomenon_code,
        source,
        change_on_previous_year,
        change_lower,
        change_upper,
        change_p_value,
        trend_first_year,
        trend_years,
        trend_yearly_change,
        trend_lower,
        trend_upper,
        trend_p_value
    from indicators.phenomenon_trends
    where year = $year and region_level = 'national' and sector_code is null
)

select
    p.phenomenon_code,
    p.label_nl,
    p.label_en,
    c.source,
    cast(c.event_count as bigint) as event_count,
    c.rate_per_100k,
    c.harm_weight_set,
    c.harm_score,
    c.harm_score_lower,
    c.harm_score_upper,
    t.change_on_previous_year,
    t.change_lower,
    t.change_upper,
    t.change_p_value,
    t.trend_first_year,
    t.trend_years,
    t.trend_yearly_change,
    t.trend_lower,
    t.trend_upper,
    t.trend_p_value,
    -- decimals: an exact sum, the same in every run
    c.harm_score / cast(sum(cast(c.harm_score as decimal(38, 6))) over () as double) as harm_share,
    coalesce(c.is_intelligence_gap, true) as is_gap
from reference.phenomena as p
left join measured as c using (phenomenon_code)
left join trends as t using (phenomenon_code, source)
order by c.harm_score desc nulls last, p.phenomenon_code asc
