"""The reference layer: code lists and mappings from data/reference/ (schema reference)."""
