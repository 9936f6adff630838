"""The staging layer: typed, cleaned, in the 2025 division (schema staging, sql/staging/)."""
