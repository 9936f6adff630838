"""The raw layer: files as delivered, with provenance, and their blocking checks (schema raw)."""

# The key prefix of every asset in this folder, its sql/ folder and its DuckDB schema.
LAYER = "raw"
