-- Every problem in the policy programme lists: file, row, column, value and what is wrong.
-- A code must be a municipality of the current division; a municipality appears once per
-- programme; the start year is a whole year from 2015 on; a programme has one start year (the
-- difference in differences compares one before and after).
with rows as (select * from reference.policy_municipalities),

first_start as (
    select programme, arg_min(start_year_text, source_row) as start_year_text
    from rows
    group by programme
)

select
    source_file, source_row, 'gemeentecode' as column_name, municipality_code as value,
    'not a municipality of the current division (data/reference/municipalities.csv)' as problem
from rows
where municipality_code is null
    or municipality_code not in (select m.municipality_code from reference.municipalities as m)
union all
select
    source_file, source_row, 'gemeentecode', municipality_code,
    'listed more than once in the programme'
from rows
qualify count(*) over (partition by programme, municipality_code) > 1
union all
select source_file, source_row, 'startjaar', start_year_text, 'not a year from 2015 on'
from rows
where coalesce(try_cast(start_year_text as integer), 0) < 2015
    or not regexp_full_match(start_year_text, '[0-9]{4}')
union all
select
    r.source_file, r.source_row, 'startjaar', r.start_year_text,
    'differs from the start year ' || f.start_year_text || ' of the first row'
from rows as r
inner join first_start as f using (programme)
where r.start_year_text is distinct from f.start_year_text
order by source_file, source_row, column_name, problem;
