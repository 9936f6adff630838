"""The staging layer: typed, cleaned, in the 2025 division (schema staging, sql/staging/)."""

# The key prefix of every asset in this folder, its sql/ folder and its DuckDB schema.
LAYER = "staging"
