-- The disclosure control's rules for what the report and the annex read (see
-- sql/indicators/published_municipal_counts.sql): registered crimes are shown above the
-- municipality only where published_region_counts shows the total, because a province total (not
-- part of that control) or a hidden total minus the published parts could reveal a hidden count.
-- Tables are named through parameters so that the macros can be created before they exist
-- (macros are created first, on every connection).

-- The rows of an indicator table (phenomenon_indicators, harm_indicators) above the municipality
-- for one year that may be published.
create or replace temp macro published_above_municipality(
    indicator_table, report_year, published := 'indicators.published_region_counts'
) as table (
    with year_rows as (
        select * from query_table(indicator_table)
        where year = report_year and region_level <> 'municipality'
    ),

    published_rows as (
        select * from query_table(published)
    )

    select i.*
    from year_rows as i
    left join published_rows as p
        on
            i.year = p.year and i.region_level = p.region_level
            and i.region_code = p.region_code and i.phenomenon_code = p.phenomenon_code
    where i.source <> 'incidents' or p.registered_crimes is not null
);

-- Whether the disclosure control hides the national count of registered crimes of a phenomenon
-- in a year (the national figure of that phenomenon is then not reported). Pass qualified
-- references (national_total_hidden(i.year, i.phenomenon_code)): inside, a bare name would be a
-- column of published_region_counts.
create or replace temp macro national_total_hidden(
    data_year, phenomenon, published := 'indicators.published_region_counts'
) as exists (
    select 1
    from query_table(published)
    where
        year = data_year and region_level = 'national'
        and phenomenon_code = phenomenon and registered_crimes is null
);

-- The policy effects of a year as they may be published: the pooled rates of registered crimes
-- per group are left empty, since set against the published municipal counts they could reveal
-- a hidden count (tips are not published per municipality, so theirs are shown).
create or replace temp macro published_policy_effects(
    report_year, effects := 'indicators.policy_effects'
) as table
    select
        * replace (
            case when source = 'signals' then treated_rate_before end as treated_rate_before,
            case when source = 'signals' then treated_rate_after end as treated_rate_after,
            case when source = 'signals' then control_rate_before end as control_rate_before,
            case when source = 'signals' then control_rate_after end as control_rate_after
        )
    from query_table(effects)
    where year = report_year;
