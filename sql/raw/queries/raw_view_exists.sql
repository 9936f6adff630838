-- Whether the raw view of a source exists: it is made by the source's first accepted load (or
-- by a refused first load, empty, so that staging reads nothing rather than fails).
select count(*) > 0
from duckdb_views()
where schema_name = 'raw' and view_name = $source
