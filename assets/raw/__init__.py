"""The raw layer: files as delivered, with provenance, and their blocking checks (schema raw)."""
