-- The composite threat index rows an asset computed (`index_rows`, a registered frame with the
-- year; see pipeline/domain/statistics/composite_index.py) with the method they were computed
-- by, as indicators.threat_index and indicators.sector_threat_index store them.
create or replace temp macro composite_index(
    index_rows, normalisation, aggregation, weights
) as table (
    select
        *,
        normalisation as normalisation,
        aggregation as aggregation,
        weights as weights
    from query_table(index_rows)
);
