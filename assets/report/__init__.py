"""The report layer: the yearly report in both languages, HTML and PDF, annex and manifest."""

# The key prefix of every asset in this folder, its sql/ folder and its DuckDB schema.
LAYER = "report"
