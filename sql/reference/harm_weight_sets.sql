-- Every harm weight set, one weight per phenomenon:
-- * the sets of data/reference/harm_weights.csv, as given (analysts add a set there);
-- * paoli_greenfield_v1: per phenomenon, the points of its severity to individuals, businesses,
--   government and environment (reference.harm_severity_scale) added up;
-- * statutory_maximum_v1: after the Cambridge Crime Harm Index, in days of imprisonment: the
--   statutory maximum (years x 365) of the article that represents the phenomenon.
create or replace table reference.harm_weight_sets as
select weight_set, phenomenon_code, weight, 'given' as method, rationale
from reference.harm_weights

union all

select
    'paoli_greenfield_v1',
    matrix.phenomenon_code,
    sum(scale.points),
    'harm_matrix',
    string_agg(matrix.bearer || ' ' || scale.label_en, ', ' order by matrix.bearer)
from reference.harm_matrix as matrix
inner join reference.harm_severity_scale as scale on scale.severity = matrix.severity
group by matrix.phenomenon_code

union all

select
    'statutory_maximum_v1',
    represents_phenomenon,
    max_years * 365,
    'statutory_maximum',
    law || ' ' || article || ': ' || max_years || ' years'
    || case when verified then '' else ' (UNVERIFIED)' end
from reference.statutory_maxima
where represents_phenomenon <> ''

order by weight_set, phenomenon_code;
