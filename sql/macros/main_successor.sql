-- The 2025 municipality a record delivered under `code` belongs to (a site, a seizure, a case):
-- a record cannot be divided, so an older code's record goes whole to the successor that received
-- the largest share of it (reference.municipality_code_map.is_main_successor: for a merger, the
-- one successor); a current code is itself, and a code the map does not know is kept as
-- delivered (the raw check rejects it). Pass a qualified reference or an expression as `code`
-- (main_successor(trim(raw.gemeentecode))): inside, a bare name would be a column of the map.
-- The map is named through a parameter so that the macro can be created before the table exists
-- (macros are created first, on every connection).
create or replace temp macro main_successor(
    code, code_map := 'reference.municipality_code_map'
) as coalesce(
    (
        select municipality_code
        from query_table(code_map)
        where source_code = code and is_main_successor
    ),
    code
);
