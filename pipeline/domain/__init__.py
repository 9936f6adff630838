"""The domain: plain functions and data, without Dagster or DuckDB, tested directly."""
