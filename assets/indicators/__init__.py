"""The indicators layer: counts, rates, harm, rankings, trends, indices, policy effects (schema
indicators, sql/indicators/)."""

# The key prefix of every asset in this folder, its sql/ folder and its DuckDB schema.
LAYER = "indicators"
