-- Each old municipality code with the codes that replaced it and never existed alongside it:
-- codes reached from it through the changes (chains followed) that were created on or after the
-- day it ended. A file holding both mixes municipal divisions. A municipality that took the old
-- one in and kept its code (Amsterdam for Weesp) existed alongside it, so a file of an older
-- division may hold both.
with recursive reached (old_code, code, steps) as (
    select old_code, new_code, 1
    from reference.municipal_reclassifications
    union all
    select reached.old_code, r.new_code, reached.steps + 1
    from reached
    inner join reference.municipal_reclassifications as r on r.old_code = reached.code
    where reached.steps < 20
),

ended as (
    select old_code, min(effective_date) as ended_on
    from reference.municipal_reclassifications
    group by old_code
),

created as (
    select new_code, min(effective_date) as created_on
    from reference.municipal_reclassifications
    where new_code_created
    group by new_code
)

select
    reached.old_code as source_code,
    list(distinct reached.code order by reached.code) as successors
from reached
inner join ended on ended.old_code = reached.old_code
inner join created on created.new_code = reached.code and created.created_on >= ended.ended_on
group by reached.old_code
order by reached.old_code
