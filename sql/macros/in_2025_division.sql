-- Delivered values in the 2025 division, for the staging files that unpivot their measures:
-- `delivered` (a table or CTE name) has delivered_code, delivered_value, source_file, source_row
-- and measure. A current or merged code goes whole to its 2025 municipality; a split code's
-- value is handed to its successors by share in whole units, largest remainder first, so no
-- unit is lost or invented (reference.municipality_code_map; largest_remainder.sql). Adds
-- municipality_code, exact_value and allocated_value. Use: from in_2025_division(measures).
create or replace temp macro in_2025_division(delivered) as table
with mapped as (
    select
        d.*,
        coalesce(m.municipality_code, d.delivered_code) as municipality_code,
        d.delivered_value * coalesce(m.share, 1) as exact_value
    from query_table(delivered) as d
    left join reference.municipality_code_map as m on m.source_code = d.delivered_code
)

select
    *,
    largest_remainder(
        exact_value, delivered_value, (source_file, source_row, measure), municipality_code
    ) as allocated_value
from mapped;
