-- The municipal rows of a range of years of a CBS table as raw holds them (`cbs_table` names its
-- raw view: 'raw.incidents'), for the staging files that count them: every raw column, plus the
-- year, the region code as delivered (delivered_code: CBS pads it to six characters) and whether
-- CBS marked the period provisional (is_provisional: "2025JJ00*", its figures may still change).
-- The aggregates beside the municipalities (NL01, landsdelen, provinces, police units) and the
-- "niet in te delen" rows are left out.
create or replace temp macro cbs_municipal_rows(cbs_table, first_year, last_year) as table (
    select
        *,
        partition_year as year,
        trim("RegioS") as delivered_code,
        ends_with(trim("Perioden"), '*') as is_provisional
    from query_table(cbs_table)
    where
        partition_year between first_year and last_year
        and is_municipality_code(trim("RegioS"))
);
