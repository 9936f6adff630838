"""The reference layer: code lists and mappings from data/reference/ (schema reference)."""

# The key prefix of every asset in this folder, its sql/ folder and its DuckDB schema.
LAYER = "reference"
