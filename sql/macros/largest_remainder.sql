-- Whole units for one part of a divided total: the floor of its exact share, plus one for the
-- parts with the largest remainders until the parts add up to the whole again (ties go to the
-- lowest tiebreak value). `part` groups the shares of one total; used over a window, so call it
-- in a select list: largest_remainder(count * share, count, source_row, municipality_code).
create or replace temp macro largest_remainder(exact, whole, part, tiebreak) as (
    floor(exact)
    + case
        when
            row_number() over (partition by part order by exact - floor(exact) desc, tiebreak)
            <= whole - sum(floor(exact)) over (partition by part)
            then 1
        else 0
    end
);
