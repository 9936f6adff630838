"""The indicators layer: counts, rates, harm, rankings, trends, indices, policy effects (schema
indicators, sql/indicators/)."""
