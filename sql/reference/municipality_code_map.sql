-- Every municipality code a source may use, with the 2025 municipalities it maps to and the share
-- of it each receives. Current codes map to themselves with share 1; old codes follow their
-- reclassifications, through chains of changes, to the 2025 division (shares multiply).
-- is_main_successor marks, per source code, the one municipality that takes what cannot be
-- divided (a record): the largest share, the lowest code on a tie.
create or replace table reference.municipality_code_map as
with recursive chain (source_code, code, share, steps) as (
    select old_code, new_code, share, 1
    from reference.municipal_reclassifications
    union all
    select chain.source_code, r.new_code, chain.share * r.share, chain.steps + 1
    from chain
    inner join reference.municipal_reclassifications as r on r.old_code = chain.code
    where chain.steps < 20
),

resolved as (
    select source_code, code as municipality_code, sum(share) as share
    from chain
    where code in (select m.municipality_code from reference.municipalities as m)
    group by all
),

all_codes as (
    select
        municipality_code as source_code,
        municipality_code,
        cast(1.0 as double) as share,
        false as is_historic
    from reference.municipalities
    union all
    select source_code, municipality_code, cast(share as double), true
    from resolved
)

select
    *,
    row_number() over (
        partition by source_code order by share desc, municipality_code asc
    ) = 1 as is_main_successor
from all_codes
order by source_code, municipality_code;
