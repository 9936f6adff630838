-- Whether a (trimmed) CBS region code is a municipality: GM and four digits, except GM0999,
-- which holds what cannot be placed in a municipality (pipeline/domain/files/region_codes.py
-- says the same).
create or replace temp macro is_municipality_code(code) as (
    regexp_full_match(code, 'GM[0-9]{4}') and code <> 'GM0999'
);
